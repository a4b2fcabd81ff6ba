package org.stargatekg.engine.query;

import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.lang3.StringUtils;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;

/**
 * SPARQL {@code REGEX} (and {@code fn:matches}) as Jena 5.6 evaluates it with {@code java.util.regex}, except that the
 * match reads its input through a {@link DeadlineText} and so stops when its query is cancelled, including when Jena
 * folds a constant {@code REGEX("…", "…")} while planning, before any row is read.
 */
final class DeadlineRegex extends E_Regex {

    private final DeadlineText.Deadline deadline;
    private final Pattern constant;

    DeadlineRegex(Expr expr, Expr pattern, Expr flags, DeadlineText.Deadline deadline) {
        super(expr, pattern, flags);
        this.deadline = deadline;
        boolean fixed = isString(pattern) && (flags == null || isString(flags));
        this.constant = fixed && !NestedRepetition.nested(pattern.getConstant().getString())
                        ? compile(pattern.getConstant(), flags == null ? null : flags.getConstant()) : null;
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
        Node arg = NodeValueOps.checkAndGetStringLiteral("REGEX", args.get(0));
        Pattern pattern = constant != null ? constant : compile(args.get(1), args.size() > 2 ? args.get(2) : null);
        deadline.check();
        boolean found = pattern.matcher(new DeadlineText(arg.getLiteralLexicalForm(), deadline)).find();
        return NodeValue.booleanReturn(found);
    }

    @Override
    public Expr copy(ExprList newArgs) {
        // Constant folding and other rewrites copy expressions: the copy must stay watched.
        return new DeadlineRegex(newArgs.get(0), newArgs.get(1), newArgs.size() > 2 ? newArgs.get(2) : null, deadline);
    }

    static boolean isString(Expr expr) {
        return expr.isConstant() && expr.getConstant().isString();
    }

    /** The pattern as Jena's Java regex engine compiles it, with the same checks of pattern and flags. */
    static Pattern compile(NodeValue pattern, NodeValue flags) {
        if (!pattern.isString())
            throw new ExprEvalException("REGEX: Pattern is not a string: " + pattern);
        if (flags != null && !flags.isString())
            throw new ExprEvalException("REGEX: Pattern flags are not a string: " + flags);
        String f = flags == null ? null : flags.getString();
        if (f != null && !StringUtils.containsOnly(f, "smixq"))
            throw new ExprEvalException("REGEX: Only 'smixq' are legal as pattern flags");
        NestedRepetition.check(pattern.getString(), f);
        return RegexEngine.makePattern("Regex", pattern.getString(), f);
    }
}
