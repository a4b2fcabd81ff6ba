package org.stargatekg.draft;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the words an article puts between double quotation marks, straight ("…") or curly (“…”), within each line:
 * the words exclude the marks, a comma that only leads back to the attribution ("…money," he said), and a backslash
 * left before a closing mark by an escaping mistake.
 */
final class Quotations {

    /**
     * Quoted words: [open, close] are the marks, [begin, end) the words; a quotation left open at the end of its
     * paragraph (wire copy continues it in the next one, opening it again) has {@code close} at the paragraph's end.
     */
    record Found(int open, int close, int begin, int end, boolean closed) {}

    private Quotations() {}

    /** Every quotation in the text, in order. */
    static List<Found> find(String text) {
        List<Found> out = new ArrayList<>();
        int lineStart = 0;
        while (lineStart < text.length()) {
            int nl = text.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.length() : nl;
            line(text, lineStart, lineEnd, out);
            lineStart = lineEnd + 1;
        }
        return out;
    }

    private static void line(String text, int from, int to, List<Found> out) {
        int open = -1;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            // Either closing mark closes either opening one: texts mix straight and curly marks. Single marks stay inside.
            if (open < 0 && (c == '"' || c == '\u201C')) {
                open = i;
            } else if (open >= 0 && (c == '"' || c == '\u201D')) {
                add(text, open, i, true, out);
                open = -1;
            }
        }
        if (open >= 0)
            add(text, open, to, false, out);
    }

    private static void add(String text, int open, int close, boolean closed, List<Found> out) {
        int begin = open + 1;
        int end = close;
        if (closed && end > begin && text.charAt(end - 1) == '\\')
            end--;
        while (begin < end && Character.isWhitespace(text.charAt(begin)))
            begin++;
        while (end > begin && (Character.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == ','))
            end--;
        if (end > begin && text.substring(begin, end).codePoints().anyMatch(Character::isLetterOrDigit))
            out.add(new Found(open, close, begin, end, closed));
    }
}
