package org.stargatekg.guard;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.SortCondition;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.Op0;
import org.apache.jena.sparql.algebra.op.Op1;
import org.apache.jena.sparql.algebra.op.Op2;
import org.apache.jena.sparql.algebra.op.OpAssign;
import org.apache.jena.sparql.algebra.op.OpExtend;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpLeftJoin;
import org.apache.jena.sparql.algebra.op.OpN;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.path.P_Path1;
import org.apache.jena.sparql.path.P_Path2;
import org.apache.jena.sparql.path.Path;

/**
 * How deeply a query nests: expressions ({@code 1+1+…} is a chain as deep as it is long), patterns ({@code OPTIONAL},
 * {@code UNION}, {@code BIND} one after another nest in the algebra) and property paths. Jena walks all three by
 * recursion, so a query nested some thousands deep overflows a request thread's stack (a 500 and pages of stack
 * trace in the log). The measure itself never recurses deeper than the limit, and parsing is tried on a thread with
 * half a request thread's stack, so what passes here also parses and plans on a request thread.
 */
public final class QueryShape {

    /** Characters that can open a nesting level; a query with few of them cannot nest deeply. */
    private static final String NESTING = "(){}[]+-*/!|&^";
    /** The stack the trial parse runs with: half a request thread's, leaving the rest for the threads' own depth. */
    private static final long PARSE_STACK = 512 * 1024;
    private static final String TOO_DEEP_TO_PARSE = "the query nests too deeply to be parsed safely";
    /** The base Fuseki parses queries against. */
    private static final String BASE = "http://server/unset-base/";

    private QueryShape() {}

    /**
     * Null when a query nests no deeper than {@code maxDepth} (or is not valid SPARQL, which the endpoint reports
     * itself), else a one-line reason to refuse it.
     */
    public static String tooDeep(String query, int maxDepth) {
        if (nestingCharacters(query) <= maxDepth / 2)
            return null;
        AtomicReference<String> verdict = new AtomicReference<>();
        Thread trial = new Thread(null, () -> verdict.set(measure(query, maxDepth)), "query-shape", PARSE_STACK);
        trial.start();
        try {
            trial.join();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return "the query could not be checked";
        }
        return verdict.get();
    }

    private static String measure(String text, int maxDepth) {
        Op op;
        try {
            Query query = QueryFactory.create(text, BASE, Syntax.syntaxARQ);
            op = Algebra.compile(query);
        } catch (StackOverflowError deep) {
            return TOO_DEEP_TO_PARSE;
        } catch (RuntimeException invalid) {
            // Jena's parser reports a stack overflow as a parse error.
            for (Throwable t = invalid; t != null; t = t.getCause())
                if (t instanceof StackOverflowError || String.valueOf(t.getMessage()).contains("StackOverflowError"))
                    return TOO_DEEP_TO_PARSE;
            return null;
        }
        int depth = new Measure(maxDepth).op(op, 1);
        return depth > maxDepth ? "the query nests expressions, patterns or paths more than " + maxDepth + " levels deep" : null;
    }

    /** Text that may open one of ARQ's path forms beyond SPARQL 1.1 ({@code {n,m}}, {@code {*}}, {@code distinct(…)}…). */
    private static final java.util.regex.Pattern ARQ_PATH_HINT = java.util.regex.Pattern.compile(
            "[)>a-zA-Z0-9_:*+?]\\s*\\{\\s*[0-9,*+]|(?i)\\b(distinct|shortest|multi)\\s*\\(");

    /**
     * Null unless the query uses one of ARQ's path forms beyond SPARQL 1.1: counted repetition ({@code {n}},
     * {@code {n,m}}, {@code {n,}}, {@code {,m}}), {@code {*}}, {@code {+}}, {@code distinct()}, {@code multi()},
     * {@code shortest()}; then a one-line reason to refuse it. Jena evaluates {@code {n,}} over a
     * negated property set without looking at the deadline (a thread pinned for minutes past a 5 s timeout), and
     * {@code {*}} counts paths rather than nodes, so these forms are refused rather than bounded one by one.
     */
    public static String nonStandardPath(String query) {
        if (!ARQ_PATH_HINT.matcher(query).find())
            return null;
        Op op;
        try {
            op = Algebra.compile(QueryFactory.create(query, BASE, Syntax.syntaxARQ));
        } catch (RuntimeException | StackOverflowError invalid) {
            return null;
        }
        Measure m = new Measure(Integer.MAX_VALUE / 2);
        m.op(op, 1);
        return m.refusedPath == null ? null
                : "the path form " + m.refusedPath + " is an ARQ extension that is not evaluated here (SPARQL 1.1 paths are)";
    }

    static int nestingCharacters(String query) {
        int n = 0;
        for (int i = 0; i < query.length(); i++)
            if (NESTING.indexOf(query.charAt(i)) >= 0)
                n++;
        return n;
    }

    /** The greatest depth of an algebra tree, its expressions and paths, counted only up to just past the limit. */
    private static final class Measure {
        private final int limit;
        private String refusedPath;

        Measure(int limit) {
            this.limit = limit;
        }

        int op(Op op, int depth) {
            if (op == null || depth > limit)
                return depth;
            int max = depth;
            if (op instanceof Op1 op1)
                max = Math.max(max, op(op1.getSubOp(), depth + 1));
            if (op instanceof Op2 op2) {
                max = Math.max(max, op(op2.getLeft(), depth + 1));
                max = Math.max(max, op(op2.getRight(), depth + 1));
            }
            if (op instanceof OpN opN)
                for (Op sub : opN.getElements())
                    max = Math.max(max, op(sub, depth + 1));
            if (op instanceof OpFilter f)
                max = Math.max(max, exprs(f.getExprs(), depth + 1));
            if (op instanceof OpLeftJoin lj)
                max = Math.max(max, exprs(lj.getExprs(), depth + 1));
            if (op instanceof OpExtend e)
                for (Expr x : e.getVarExprList().getExprs().values())
                    max = Math.max(max, expr(x, depth + 1));
            if (op instanceof OpAssign a)
                for (Expr x : a.getVarExprList().getExprs().values())
                    max = Math.max(max, expr(x, depth + 1));
            if (op instanceof OpGroup g) {
                for (Expr x : g.getGroupVars().getExprs().values())
                    max = Math.max(max, expr(x, depth + 1));
                for (ExprAggregator agg : g.getAggregators())
                    max = Math.max(max, exprs(agg.getAggregator().getExprList(), depth + 1));
            }
            if (op instanceof OpOrder o)
                max = Math.max(max, conditions(o.getConditions(), depth + 1));
            if (op instanceof OpTopN t)
                max = Math.max(max, conditions(t.getConditions(), depth + 1));
            if (op instanceof OpPath p)
                max = Math.max(max, path(p.getTriplePath().getPath(), depth + 1));
            if (op instanceof Op0)
                return max;
            return max;
        }

        private int conditions(List<SortCondition> conditions, int depth) {
            int max = depth;
            for (SortCondition c : conditions)
                max = Math.max(max, expr(c.getExpression(), depth));
            return max;
        }

        private int exprs(ExprList list, int depth) {
            int max = depth;
            if (list != null)
                for (Expr e : list)
                    max = Math.max(max, expr(e, depth));
            return max;
        }

        int expr(Expr e, int depth) {
            if (e == null || depth > limit)
                return depth;
            int max = depth;
            if (e instanceof ExprFunctionOp withPattern)
                max = Math.max(max, op(withPattern.getGraphPattern(), depth + 1));
            if (e instanceof ExprFunction f)
                for (Expr arg : f.getArgs())
                    max = Math.max(max, expr(arg, depth + 1));
            if (e instanceof ExprAggregator agg && agg.getAggregator() != null)
                max = Math.max(max, exprs(agg.getAggregator().getExprList(), depth + 1));
            return max;
        }

        int path(Path p, int depth) {
            if (p == null || depth > limit)
                return depth;
            int max = depth;
            if (p instanceof org.apache.jena.sparql.path.P_Mod || p instanceof org.apache.jena.sparql.path.P_FixedLength
                || p instanceof org.apache.jena.sparql.path.P_ZeroOrMoreN || p instanceof org.apache.jena.sparql.path.P_OneOrMoreN
                || p instanceof org.apache.jena.sparql.path.P_Distinct || p instanceof org.apache.jena.sparql.path.P_Multi
                || p instanceof org.apache.jena.sparql.path.P_Shortest)
                refusedPath = p.getClass().getSimpleName().replace("P_", "");
            if (p instanceof P_Path1 one)
                max = Math.max(max, path(one.getSubPath(), depth + 1));
            if (p instanceof P_Path2 two) {
                max = Math.max(max, path(two.getLeft(), depth + 1));
                max = Math.max(max, path(two.getRight(), depth + 1));
            }
            return max;
        }
    }
}
