package org.stargatekg.engine.query;

import java.util.List;

import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_StrConcat;
import org.apache.jena.sparql.expr.E_StrEncodeForURI;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.aggregate.Accumulator;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.function.FunctionEnv;

/** The expressions that build strings, each checking what it builds against the {@link QueryBudget}. */
final class BoundedStrings {

    private BoundedStrings() {}

    /** {@code CONCAT}. */
    static final class Concat extends E_StrConcat {
        private final QueryBudget budget;

        Concat(ExprList args, QueryBudget budget) {
            super(args);
            this.budget = budget;
        }

        @Override
        public NodeValue eval(List<NodeValue> args) {
            return budget.checked(super.eval(args));
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new Concat(newArgs, budget);
        }
    }

    /** {@code ENCODE_FOR_URI}, which triples a string's length at most. */
    static final class EncodeForUri extends E_StrEncodeForURI {
        private final QueryBudget budget;

        EncodeForUri(Expr arg, QueryBudget budget) {
            super(arg);
            this.budget = budget;
        }

        @Override
        public NodeValue eval(NodeValue v) {
            return budget.checked(super.eval(v));
        }

        @Override
        public Expr copy(Expr expr) {
            return new EncodeForUri(expr, budget);
        }
    }

    /** A call of a library function ({@code fn:concat}, {@code fn:string-join}…). */
    static final class Call extends E_Function {
        private final QueryBudget budget;

        Call(String iri, ExprList args, QueryBudget budget) {
            super(iri, args);
            this.budget = budget;
        }

        @Override
        public NodeValue evalSpecial(Binding binding, FunctionEnv env) {
            return budget.checked(super.evalSpecial(binding, env));
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new Call(getFunctionIRI(), newArgs, budget);
        }
    }

    /** {@code GROUP_CONCAT}, with or without DISTINCT, counting the characters it joins. */
    static Aggregator groupConcat(Aggregator agg, QueryBudget budget) {
        if (agg instanceof GroupConcat || agg instanceof GroupConcatDistinct)
            return agg;
        if (agg instanceof AggGroupConcat g)
            return new GroupConcat(g.getExprList().get(0), g.getSeparator(), budget);
        if (agg instanceof AggGroupConcatDistinct g)
            return new GroupConcatDistinct(g.getExprList().get(0), g.getSeparator(), budget);
        return agg;
    }

    private static final class GroupConcat extends AggGroupConcat {
        private final QueryBudget budget;

        GroupConcat(Expr expr, String separator, QueryBudget budget) {
            super(expr, separator);
            this.budget = budget;
        }

        @Override
        public Accumulator createAccumulator() {
            return new Counted(super.createAccumulator(), getExprList().get(0), getSeparator(), budget);
        }

        @Override
        public Aggregator copy(ExprList exprs) {
            return new GroupConcat(exprs.get(0), getSeparator(), budget);
        }
    }

    private static final class GroupConcatDistinct extends AggGroupConcatDistinct {
        private final QueryBudget budget;

        GroupConcatDistinct(Expr expr, String separator, QueryBudget budget) {
            super(expr, separator);
            this.budget = budget;
        }

        @Override
        public Accumulator createAccumulator() {
            return new Counted(super.createAccumulator(), getExprList().get(0), getSeparator(), budget);
        }

        @Override
        public Aggregator copy(ExprList exprs) {
            return new GroupConcatDistinct(exprs.get(0), getSeparator(), budget);
        }
    }

    /** Counts (from above: with DISTINCT, repeats are counted too) the characters an accumulator joins. */
    private static final class Counted implements Accumulator {
        private final Accumulator inner;
        private final Expr expr;
        private final int separator;
        private final QueryBudget budget;
        private long length;

        Counted(Accumulator inner, Expr expr, String separator, QueryBudget budget) {
            this.inner = inner;
            this.expr = expr;
            this.separator = separator == null ? 1 : separator.length();
            this.budget = budget;
        }

        @Override
        public void accumulate(Binding binding, FunctionEnv env) {
            try {
                NodeValue v = expr.eval(binding, env);
                if (v.isLiteral())
                    length += v.asNode().getLiteralLexicalForm().length() + separator;
            } catch (RuntimeException error) {
                // Left to the accumulator, which skips it as Jena does.
            }
            if (length > budget.maxStringLength())
                throw budget.stringTooLong();
            inner.accumulate(binding, env);
        }

        @Override
        public NodeValue getValue() {
            return inner.getValue();
        }
    }
}
