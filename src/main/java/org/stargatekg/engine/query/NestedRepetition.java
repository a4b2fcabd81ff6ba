package org.stargatekg.engine.query;

import java.util.ArrayDeque;
import java.util.Deque;

import org.apache.jena.sparql.expr.ExprEvalException;

/**
 * Refuses a regular expression that repeats a group which can itself match nothing, such as
 * {@code ((a*)*)*!} or {@code (a|)*}: {@code java.util.regex} backtracks through such nests at one input position,
 * without reading the input, so the {@link DeadlineText} never sees a read and the match outlived any deadline
 * (63 a's against ten nested {@code (a*)*} ran 375 s on a 2 s timeout). A repeated group that always consumes a
 * character, such as {@code (ab*)*}, is kept: each of its rounds reads the input and so meets the deadline.
 * The check is conservative (it reads any {@code *}, {@code ?} or {@code {0,…}} inside the group as "can be empty").
 */
final class NestedRepetition {

    private NestedRepetition() {}

    /** Throws an {@link ExprEvalException} (the expression is an error, as for a bad pattern) for such a pattern. */
    static void check(String pattern, String flags) {
        if (flags != null && flags.indexOf('q') >= 0)
            return;
        if (nested(pattern))
            throw new ExprEvalException("Regular expression refused: a repeated group that can match nothing (such as (a*)*) "
                                        + "backtracks without bound");
    }

    /** Whether a repeating quantifier follows a group whose body may match the empty string. */
    static boolean nested(String p) {
        // Each frame: [an alternative of the group so far can match nothing, the current alternative can, lookaround].
        Deque<boolean[]> groups = new ArrayDeque<>();
        boolean[] frame = {false, true, false};
        int n = p.length();
        for (int i = 0; i < n; i++) {
            char c = p.charAt(i);
            boolean nullable;
            boolean group = false;
            if (c == '\\') {
                if (i + 1 < n && p.charAt(i + 1) == 'Q') {
                    int end = p.indexOf("\\E", i + 2);
                    nullable = end == i + 2;
                    i = end < 0 ? n - 1 : end + 1;
                } else {
                    char e = i + 1 < n ? p.charAt(i + 1) : ' ';
                    nullable = "bBAGZzK".indexOf(e) >= 0;
                    i++;
                    if (i + 1 < n && p.charAt(i + 1) == '{' && "pPxN".indexOf(e) >= 0)
                        i = Math.max(i, p.indexOf('}', i));
                    else if (i + 1 < n && p.charAt(i + 1) == '<' && e == 'k')
                        i = Math.max(i, p.indexOf('>', i));
                    if (i < 0)
                        return false;
                }
            } else if (c == '[') {
                i = classEnd(p, i);
                nullable = false;
            } else if (c == '(') {
                groups.push(frame);
                frame = new boolean[] {false, true, false};
                if (i + 1 < n && p.charAt(i + 1) == '?') {
                    frame[2] = p.startsWith("(?=", i) || p.startsWith("(?!", i) || p.startsWith("(?<=", i) || p.startsWith("(?<!", i);
                    i = groupPrefixEnd(p, i);
                }
                continue;
            } else if (c == '|') {
                frame[0] |= frame[1];
                frame[1] = true;
                continue;
            } else if (c == ')') {
                nullable = frame[0] || frame[1] || frame[2];
                group = true;
                frame = groups.isEmpty() ? new boolean[] {false, true, false} : groups.pop();
            } else {
                nullable = c == '^' || c == '$';
            }
            if (i + 1 < n && isQuantifier(p, i + 1)) {
                int q = i + 1;
                int end = p.charAt(q) == '{' ? p.indexOf('}', q) : q;
                String quantifier = p.substring(q, end + 1);
                if (group && nullable && repeats(quantifier))
                    return true;
                nullable |= quantifier.equals("*") || quantifier.equals("?") || quantifier.startsWith("{0") || quantifier.startsWith("{,");
                i = end;
                if (i + 1 < n && (p.charAt(i + 1) == '?' || p.charAt(i + 1) == '+'))
                    i++;
            }
            if (!nullable)
                frame[1] = false;
        }
        return false;
    }

    private static boolean isQuantifier(String p, int i) {
        char c = p.charAt(i);
        if (c == '*' || c == '+' || c == '?')
            return true;
        int close = p.indexOf('}', i);
        return c == '{' && close > i + 1 && p.substring(i + 1, close).matches("\\d*,?\\d*");
    }

    private static boolean repeats(String quantifier) {
        if (quantifier.equals("*") || quantifier.equals("+"))
            return true;
        if (!quantifier.startsWith("{"))
            return false;
        String inner = quantifier.substring(1, quantifier.length() - 1);
        int comma = inner.indexOf(',');
        String max = comma < 0 ? inner : inner.substring(comma + 1);
        return max.isEmpty() || max.length() > 9 || Integer.parseInt(max) > 1;
    }

    /** The last index of a group's prefix ({@code (?:}, {@code (?=}, {@code (?<name>}, {@code (?i:}…), from its {@code (}. */
    private static int groupPrefixEnd(String p, int open) {
        if (p.startsWith("(?<=", open) || p.startsWith("(?<!", open))
            return open + 3;
        if (p.startsWith("(?<", open)) {
            int close = p.indexOf('>', open);
            return close < 0 ? p.length() - 1 : close;
        }
        int j = open + 2;
        if (j < p.length() && ":=!>".indexOf(p.charAt(j)) >= 0)
            return j;
        while (j < p.length() && (Character.isLetter(p.charAt(j)) || p.charAt(j) == '-'))
            j++;
        // (?i) ends at its ')', which then closes the (empty) group; (?i:…) goes on after the ':'.
        return j < p.length() && p.charAt(j) == ':' ? j : j - 1;
    }

    private static int classEnd(String p, int i) {
        int depth = 0;
        for (int j = i; j < p.length(); j++) {
            char c = p.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '[') {
                depth++;
                if (j + 1 < p.length() && p.charAt(j + 1) == ']' && depth == 1 && j == i)
                    j++;
            } else if (c == ']' && --depth == 0) {
                return j;
            }
        }
        return p.length();
    }
}
