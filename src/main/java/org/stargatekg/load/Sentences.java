package org.stargatekg.load;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a news article into sentences: the JDK's {@link BreakIterator} within each line, with the corrections news
 * text needs. A line is never joined to the next (a headline or a bullet line without a full stop is a sentence of its
 * own, its bullet mark left out); a quotation is never cut inside (a speaker's two sentences in quotation marks
 * stay in the sentence that reports them); an omission mark (" ... ") and a title or initial ("Dr.", "J.") do not end
 * a sentence.
 */
public final class Sentences {

    /** A sentence as [begin, end) offsets into the text, in UTF-16 chars as {@link String#substring} counts them. */
    public record Span(int begin, int end) {
        /** The sentence's words. */
        public String in(String text) {
            return text.substring(begin, end);
        }
    }

    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*•–—]|\\d{1,2}[.)])\\s+");
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col",
                                                     "lt", "sgt", "capt", "st", "jr", "sr", "no", "vs", "v", "inc", "corp",
                                                     "co", "ltd", "mt", "ft", "approx", "est", "dept", "univ");
    private static final Pattern INITIAL_AFTER_NAME = Pattern.compile("\\p{Lu}\\p{L}*\\.? $");
    private static final Pattern LAST_WORD = Pattern.compile("(\\p{L}[\\p{L}.]*)\\.\\s*$");

    private Sentences() {}

    /** The sentences of a text in order, each trimmed of surrounding spaces. */
    public static List<Span> split(String text) {
        List<Span> out = new ArrayList<>();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int nl = text.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.length() : nl;
            splitLine(text, lineStart, lineEnd, out);
            if (nl < 0)
                break;
            lineStart = nl + 1;
        }
        return out;
    }

    private static void splitLine(String text, int from, int to, List<Span> out) {
        String line = text.substring(from, to);
        Matcher bullet = BULLET.matcher(line);
        int start = bullet.find() ? bullet.end() : 0;
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        it.setText(line);
        boolean quotesBalance = balanced(line);
        int sentenceStart = start;
        for (int b = it.following(start); b != BreakIterator.DONE; b = it.next()) {
            if (b < line.length() && keepsGoing(line, sentenceStart, b, quotesBalance))
                continue;
            add(text, from + sentenceStart, from + b, out);
            sentenceStart = b;
        }
        if (sentenceStart < line.length())
            add(text, from + sentenceStart, to, out);
    }

    /** Whether a break the JDK proposes at {@code b} is not a sentence end after all. */
    private static boolean keepsGoing(String line, int sentenceStart, int b, boolean quotesBalance) {
        if (quotesBalance && insideQuotation(line, b))
            return true;
        String before = line.substring(sentenceStart, b).stripTrailing();
        if (before.endsWith(" ...") || before.endsWith(" …"))
            return true;   // an omission mark inside a sentence
        Matcher m = LAST_WORD.matcher(before);
        if (m.find()) {
            String word = m.group(1);
            if (TITLES.contains(word.toLowerCase(Locale.ROOT)))
                return true;
            if (word.length() == 1 && Character.isUpperCase(word.charAt(0))
                && INITIAL_AFTER_NAME.matcher(before.substring(0, m.start())).find())
                return true;   // an initial after a name, as in "John F. Kennedy" (not "its platform, X.")
        }
        // A following lower-case word continues the sentence ("the U.S. and ...", "e.g. this").
        String after = line.substring(b).stripLeading();
        return !after.isEmpty() && Character.isLowerCase(after.charAt(0));
    }

    /** Whether straight quotes pair up and curly ones open and close in equal numbers, so that nesting can be trusted. */
    private static boolean balanced(String line) {
        long straight = line.chars().filter(c -> c == '"').count();
        long open = line.chars().filter(c -> c == '\u201C').count();
        long close = line.chars().filter(c -> c == '\u201D').count();
        return straight % 2 == 0 && open == close;
    }

    /** Whether position {@code b} of the line lies between an opening and its closing double quotation mark. */
    private static boolean insideQuotation(String line, int b) {
        int straight = 0;
        int curly = 0;
        for (int i = 0; i < b; i++) {
            char c = line.charAt(i);
            if (c == '"')
                straight++;
            else if (c == '\u201C')
                curly++;
            else if (c == '\u201D' && curly > 0)
                curly--;
        }
        return straight % 2 == 1 || curly > 0;
    }

    private static void add(String text, int begin, int end, List<Span> out) {
        while (begin < end && Character.isWhitespace(text.charAt(begin)))
            begin++;
        while (end > begin && Character.isWhitespace(text.charAt(end - 1)))
            end--;
        if (begin < end)
            out.add(new Span(begin, end));
    }
}
