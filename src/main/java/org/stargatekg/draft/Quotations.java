package org.stargatekg.draft;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the words an article puts between double quotation marks, straight ("…") or curly (“…”), within each line:
 * the words exclude the marks, a comma that only leads back to the attribution ("…money," he said), and a backslash
 * left before a closing mark by an escaping mistake.
 */
final class Quotations {

    /** Quoted words: [open, close] are the marks, [begin, end) the words. */
    record Found(int open, int close, int begin, int end) {}

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
        char closer = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (open < 0 && (c == '"' || c == '\u201C')) {
                open = i;
                closer = c == '"' ? '"' : '\u201D';
            } else if (open >= 0 && c == closer) {
                add(text, open, i, out);
                open = -1;
            }
        }
    }

    private static void add(String text, int open, int close, List<Found> out) {
        int begin = open + 1;
        int end = close;
        if (end > begin && text.charAt(end - 1) == '\\')
            end--;
        while (begin < end && Character.isWhitespace(text.charAt(begin)))
            begin++;
        while (end > begin && (Character.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == ','))
            end--;
        if (end > begin)
            out.add(new Found(open, close, begin, end));
    }
}
