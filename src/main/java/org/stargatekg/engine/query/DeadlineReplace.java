package org.stargatekg.engine.query;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;

/**
 * SPARQL {@code REPLACE} (and {@code fn:replace}) as Jena 5.6 evaluates it ({@code XSDFuncOp.strReplace}), with the
 * input read through a {@link DeadlineText} so that a backtracking pattern stops when its query is cancelled.
 */
final class DeadlineReplace extends E_StrReplace {

    private final DeadlineText.Deadline deadline;
    private final QueryBudget budget;
    private final Pattern constant;

    DeadlineReplace(Expr input, Expr pattern, Expr replacement, Expr flags, DeadlineText.Deadline deadline, QueryBudget budget) {
        super(input, pattern, replacement, flags);
        this.deadline = deadline;
        this.budget = budget;
        boolean fixed = DeadlineRegex.isString(pattern) && (flags == null || DeadlineRegex.isString(flags))
                        && !NestedRepetition.nested(pattern.getConstant().getString());
        this.constant = fixed ? RegexEngine.makePattern("REPLACE", pattern.getConstant().getString(),
                                                        flags == null ? null : flags.getConstant().getString())
                              : null;
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
        NodeValue input = args.get(0);
        Pattern pattern = constant;
        if (pattern == null) {
            String p = NodeValueOps.checkAndGetStringLiteral("replace", args.get(1)).getLiteralLexicalForm();
            String f = args.size() > 3 ? NodeValueOps.checkAndGetStringLiteral("replace", args.get(3)).getLiteralLexicalForm() : null;
            NestedRepetition.check(p, f);
            pattern = RegexEngine.makePattern("replace", p, f);
        }
        String text = NodeValueOps.checkAndGetStringLiteral("replace", input).getLiteralLexicalForm();
        String replacement = NodeValueOps.checkAndGetStringLiteral("replace", args.get(2)).getLiteralLexicalForm();
        deadline.check();
        String replaced = replaceAll(pattern.matcher(new DeadlineText(text, deadline)), replacement, budget);
        if (replaced == null || replaced.equals(text))
            return input;
        Node arg = input.asNode();
        return NodeValue.makeNode(NodeFactory.createLiteral(replaced, arg.getLiteralLanguage(), arg.getLiteralDatatype()));
    }

    @Override
    public Expr copy(ExprList newArgs) {
        return new DeadlineReplace(newArgs.get(0), newArgs.get(1), newArgs.get(2), newArgs.size() > 3 ? newArgs.get(3) : null, deadline, budget);
    }

    /** Jena's replace-all: like {@link Matcher#replaceAll} but a zero-length match counts only where nothing matched before. */
    private static String replaceAll(Matcher matcher, String replacement, QueryBudget budget) {
        try {
            StringBuilder sb = null;
            while (matcher.find()) {
                if (sb == null)
                    sb = new StringBuilder();
                else if (matcher.start() == matcher.end())
                    continue;
                matcher.appendReplacement(sb, replacement);
                if (sb.length() > budget.maxStringLength())
                    throw budget.stringTooLong();
            }
            if (sb == null)
                return null;
            matcher.appendTail(sb);
            if (sb.length() > budget.maxStringLength())
                throw budget.stringTooLong();
            return sb.toString();
        } catch (IndexOutOfBoundsException | IllegalArgumentException ex) {
            throw new ExprEvalException("REPLACE: " + ex.getMessage());
        }
    }
}
