package org.stargatekg.engine.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpGraph;
import org.apache.jena.sparql.algebra.op.OpJoin;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpQuad;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.algebra.op.OpSequence;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.op.OpUnion;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.OptimizerStd;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.algebra.optimize.TransformFilterEquality;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.expr.E_Equals;
import org.apache.jena.sparql.expr.E_LogicalOr;
import org.apache.jena.sparql.expr.E_SameTerm;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction2;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.util.Context;

/**
 * ARQ's filter-disjunction rewrite, kept only where it cannot change the answer: {@code FILTER(?x = :a || ?x = :b)}
 * (and {@code ?x IN (:a, :b)}, which ARQ expands to that) becomes a union of the pattern with {@code ?x} set to each
 * constant, which is what makes such a filter fast, but only when every disjunct compares one and the same variable
 * with a different constant term, so that no row can satisfy two of them, and only over joined patterns that bind
 * that variable in every row (so that setting it changes no row that the filter would have dropped as an error).
 * <p>
 * ARQ rewrites every {@code A || B} whose disjuncts are equalities into a union and so returns a row once per true
 * disjunct: {@code FILTER(?g = <g> || ?s = <s>)} repeats each triple of {@code <s>} in {@code <g>}, and
 * {@code FILTER(?x = :c || ?x = :c)} repeats every row (apache/jena issue 4160; stock Fuseki 5.6.0 does the same).
 * A FILTER never adds rows; any other disjunction is left as a filter. Installed per query by {@link #install}.
 */
public final class DisjointFilterDisjunction extends TransformCopy {

    /** ARQ's standard optimizer with this rewrite in place of its own filter-disjunction step. */
    public static final RewriteFactory OPTIMIZER = Optimizer::new;

    /** Makes queries run with this context use {@link #OPTIMIZER}. */
    public static void install(Context context) {
        context.set(ARQConstants.sysOptimizerFactory, OPTIMIZER);
    }

    /** ARQ's standard optimizer, its filter-disjunction step replaced. */
    private static final class Optimizer extends OptimizerStd {
        Optimizer(Context context) {
            super(context);
        }

        @Override
        protected Op transformFilterDisjunction(Op op) {
            return Optimize.apply(new DisjointFilterDisjunction(), op);
        }
    }

    @Override
    public Op transform(OpFilter opFilter, Op subOp) {
        ExprList others = new ExprList();
        Op op = subOp;
        boolean changed = false;
        for (Expr expr : opFilter.getExprs()) {
            Op expanded = expr instanceof E_LogicalOr ? expand(expr, op) : null;
            if (expanded == null) {
                others.add(expr);
            } else {
                op = expanded;
                changed = true;
            }
        }
        if (!changed)
            return super.transform(opFilter, subOp);
        return others.isEmpty() ? op : OpFilter.filterBy(others, op);
    }

    /** The union of the pattern with each constant substituted, or null when the disjuncts could overlap. */
    static Op expand(Expr disjunction, Op subOp) {
        // A || A is A: identical disjuncts count once (ARQ's IN expansion makes them from ?x IN (:a, :a)).
        Set<Expr> disjuncts = new LinkedHashSet<>(explode(new ArrayList<>(), disjunction));
        if (disjuncts.size() == 1) // left to ARQ's own single-equality rewrite, as any FILTER(?x = :a)
            return OpFilter.filter(disjuncts.iterator().next(), subOp);
        Var var = null;
        Set<Node> constants = new HashSet<>();
        for (Expr e : disjuncts) {
            Node constant = constantComparedWith(e);
            Var v = variableOf(e);
            if (constant == null || v == null || (var != null && !var.equals(v)) || !constants.add(constant))
                return null;
            var = v;
        }
        // Substituting a constant for ?x is exact only where every row binds ?x: a union with ?x in one branch, or
        // an OPTIONAL, would get ?x set in rows that have none (the filter would have dropped them as an error).
        if (!OpVars.fixedVars(subOp).contains(var) || !joinsOfPatterns(subOp))
            return null;
        Op union = null;
        boolean substituted = false;
        TransformFilterEquality equality = new TransformFilterEquality();
        for (Expr e : disjuncts) {
            OpFilter single = (OpFilter) OpFilter.filterDirect(new ExprList(e), subOp);
            Op branch = equality.transform(single, subOp);
            substituted |= !(branch instanceof OpFilter f && f.getSubOp() == subOp);
            union = union == null ? branch : OpUnion.create(union, branch);
        }
        // Where no branch could be grounded, the union only repeats the pattern: keep the filter.
        return substituted ? union : null;
    }

    /** Whether an op is only patterns (triples, quads, paths) joined, filtered or in GRAPH: no union, optional, minus or binding. */
    private static boolean joinsOfPatterns(Op op) {
        if (op instanceof OpBGP || op instanceof OpQuadPattern || op instanceof OpTriple || op instanceof OpQuad || op instanceof OpPath)
            return true;
        if (op instanceof OpFilter f)
            return joinsOfPatterns(f.getSubOp());
        if (op instanceof OpGraph g)
            return joinsOfPatterns(g.getSubOp());
        if (op instanceof OpJoin j)
            return joinsOfPatterns(j.getLeft()) && joinsOfPatterns(j.getRight());
        if (op instanceof OpSequence seq)
            return seq.getElements().stream().allMatch(DisjointFilterDisjunction::joinsOfPatterns);
        return false;
    }

    private static List<Expr> explode(List<Expr> out, Expr expr) {
        if (expr instanceof E_LogicalOr or) {
            explode(out, or.getArg1());
            explode(out, or.getArg2());
        } else {
            out.add(expr);
        }
        return out;
    }

    private static Var variableOf(Expr e) {
        if (!(e instanceof E_Equals) && !(e instanceof E_SameTerm))
            return null;
        ExprFunction2 f = (ExprFunction2) e;
        if (f.getArg1().isVariable() && f.getArg2().isConstant())
            return f.getArg1().asVar();
        if (f.getArg2().isVariable() && f.getArg1().isConstant())
            return f.getArg2().asVar();
        return null;
    }

    /**
     * The constant a disjunct compares its variable with, where equality with it is equality of terms: any term for
     * sameTerm, an IRI or a plain string for {@code =} (1 = 1.0 although they are two terms, so other literals are
     * not taken). Null otherwise.
     */
    private static Node constantComparedWith(Expr e) {
        if (!(e instanceof E_Equals) && !(e instanceof E_SameTerm))
            return null;
        ExprFunction2 f = (ExprFunction2) e;
        Expr c = f.getArg1().isConstant() ? f.getArg1() : f.getArg2();
        if (!c.isConstant())
            return null;
        NodeValue nv = c.getConstant();
        Node n = nv.asNode();
        if (e instanceof E_SameTerm || n.isURI())
            return n;
        return n.isLiteral() && org.apache.jena.datatypes.xsd.XSDDatatype.XSDstring.getURI().equals(n.getLiteralDatatypeURI())
                && n.getLiteralLanguage().isEmpty() ? n : null;
    }
}
