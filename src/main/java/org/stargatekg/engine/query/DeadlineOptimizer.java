package org.stargatekg.engine.query;

import org.stargatekg.engine.EnginePatch;
import org.stargatekg.guard.QueryWatch;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.optimize.ExprTransformConstantFold;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.Rewrite;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.sparql.algebra.op.OpDistinct;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_StrConcat;
import org.apache.jena.sparql.expr.E_StrEncodeForURI;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.util.Context;

/**
 * The query optimizer of the SPARQL endpoint: the one it is given (Jena's own by default), after a rewrite that puts every regular expression of the
 * query ({@code REGEX}, {@code REPLACE}, {@code fn:matches}, {@code fn:replace}, {@code sparql:regex},
 * {@code sparql:replace}) under the execution's deadline. It runs per execution, once the execution's timeout is
 * armed and before Jena folds constant expressions, so even {@code BIND(REGEX("aaa…!", "(.*a){30}$") AS ?m)}, which
 * Jena evaluates while planning, stops at the timeout. It also tells the {@link QueryWatch} about the execution.
 * <p>
 * It refuses a {@code text:query} over the search page's complexity limit ({@link TextQueryLimit}), since Lucene's
 * term expansion cannot be cancelled. It also folds constant expressions itself, in one pass, and Jena's own folding must be off
 * ({@code ARQ.optExprConstantFolding} false): Jena 5.6's {@code ExprTransformConstantFold} folds the pattern of each
 * {@code EXISTS} again after the walk has folded it, so {@code FILTER EXISTS} nested n deep costs 2^n (200 deep
 * ran for hours, past any timeout, since planning is not cancellable). Not yet reported upstream.
 * <p>
 * Install both in the endpoint's context: {@code context.set(ARQConstants.sysOptimizerFactory, new DeadlineOptimizer(…))}
 * and {@code context.set(ARQ.optExprConstantFolding, false)}.
 */
public final class DeadlineOptimizer implements RewriteFactory {

    private static final String FN = "http://www.w3.org/2005/xpath-functions#";
    private static final String SPARQL = "http://www.w3.org/ns/sparql#";

    private final QueryWatch watch;
    private final long ceilingNanos;
    private final RewriteFactory optimizer;

    /** An optimizer for queries that may run at most {@code ceiling}, reporting executions to {@code watch}. */
    public DeadlineOptimizer(QueryWatch watch, Duration ceiling) {
        this(watch, ceiling, Optimize.getFactory());
    }

    /** As {@link #DeadlineOptimizer(QueryWatch, Duration)}, running {@code optimizer} after its own rewrite. */
    public DeadlineOptimizer(QueryWatch watch, Duration ceiling, RewriteFactory optimizer) {
        this.watch = Objects.requireNonNull(watch, "watch");
        this.ceilingNanos = ceiling.toNanos();
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
    }

    @Override
    public Rewrite create(Context context) {
        AtomicBoolean cancelled = Context.getCancelSignal(context);
        watch.started(cancelled);
        // The cancel flag is set by the execution's own timeout (never longer than the ceiling) and by a stop; the
        // fixed instant is a backstop should an execution come without a flag.
        DeadlineText.Deadline deadline = new DeadlineText.Deadline(cancelled, System.nanoTime() + ceilingNanos);
        Rewrite standard = optimizer.create(context);
        QueryBudget budget = context.get(QueryBudget.SYMBOL, QueryBudget.DEFAULT);
        Watched watched = new Watched(deadline, budget);
        return op -> {
            Op planned = Transformer.transform(new HeldRows(budget), standard.rewrite(watch(op, watched)));
            return EnginePatch.PLANNED_JOINS.patched() ? Transformer.transform(CancelChecked.inputs(deadline), planned) : planned;
        };
    }

    /** Counts the rows fed into DISTINCT, GROUP BY and a full ORDER BY, and bounds GROUP_CONCAT ({@link QueryBudget}). */
    private static final class HeldRows extends TransformCopy {
        private final QueryBudget budget;

        HeldRows(QueryBudget budget) {
            this.budget = budget;
        }

        @Override
        public Op transform(OpDistinct op, Op sub) {
            return OpDistinct.create(counted(sub));
        }

        @Override
        public Op transform(OpOrder op, Op sub) {
            return new OpOrder(counted(sub), op.getConditions());
        }

        @Override
        public Op transform(OpGroup op, Op sub) {
            List<ExprAggregator> aggregators = new ArrayList<>();
            for (ExprAggregator agg : op.getAggregators())
                aggregators.add(new ExprAggregator(agg.getVar(), BoundedStrings.groupConcat(agg.getAggregator(), budget)));
            // COUNT(*), SUM and the like over one group hold one value, whatever they are fed: only groups by key and
            // DISTINCT aggregates hold what they see.
            boolean holds = !op.getGroupVars().isEmpty() || op.getAggregators().stream().anyMatch(a -> a.getAggregator().getClass().getSimpleName().contains("Distinct"));
            return OpGroup.create(holds ? counted(sub) : sub, op.getGroupVars(), aggregators);
        }

        private Op counted(Op sub) {
            return sub instanceof CountedRows ? sub : new CountedRows(sub, budget);
        }
    }

    private static Op watch(Op op, Watched watched) {
        TextQueryLimit.check(op);
        Op guarded = Transformer.transform(new TransformCopy(), watched, op);
        return Transformer.transform(new TransformCopy(), new FoldOnce(), guarded);
    }

    /** Jena's constant folding, except that the pattern of an EXISTS, already folded by the walk, is not folded again. */
    private static final class FoldOnce extends ExprTransformConstantFold {
        @Override
        public Expr transform(ExprFunctionOp funcOp, ExprList args, Op opArg) {
            return funcOp.copy(args, opArg);
        }
    }

    /** Replaces each regular-expression function by its watched form. */
    private static final class Watched extends ExprTransformCopy {
        private final DeadlineText.Deadline deadline;
        private final QueryBudget budget;

        Watched(DeadlineText.Deadline deadline, QueryBudget budget) {
            this.deadline = deadline;
            this.budget = budget;
        }

        @Override
        public Expr transform(ExprFunction1 func, Expr arg) {
            if (func instanceof E_StrEncodeForURI && !(func instanceof BoundedStrings.EncodeForUri))
                return new BoundedStrings.EncodeForUri(arg, budget);
            return super.transform(func, arg);
        }

        @Override
        public Expr transform(ExprFunctionN func, ExprList args) {
            if (func instanceof DeadlineRegex || func instanceof DeadlineReplace || func instanceof BoundedStrings.Concat
                || func instanceof BoundedStrings.Call)
                return super.transform(func, args);
            if (func instanceof E_StrConcat)
                return new BoundedStrings.Concat(args, budget);
            if (func instanceof E_Regex)
                return regex(args);
            if (func instanceof E_StrReplace)
                return replace(args);
            if (func instanceof E_Function call) {
                String iri = call.getFunctionIRI();
                if ((iri.equals(FN + "matches") || iri.equals(SPARQL + "regex")) && (args.size() == 2 || args.size() == 3))
                    return regex(args);
                if ((iri.equals(FN + "replace") || iri.equals(SPARQL + "replace")) && (args.size() == 3 || args.size() == 4))
                    return replace(args);
                return new BoundedStrings.Call(iri, args, budget);
            }
            return super.transform(func, args);
        }

        private Expr regex(ExprList args) {
            return new DeadlineRegex(args.get(0), args.get(1), args.size() > 2 ? args.get(2) : null, deadline);
        }

        private Expr replace(ExprList args) {
            return new DeadlineReplace(args.get(0), args.get(1), args.get(2), args.size() > 3 ? args.get(3) : null, deadline, budget);
        }
    }
}
