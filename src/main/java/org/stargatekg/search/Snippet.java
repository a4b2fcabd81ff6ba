package org.stargatekg.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A short excerpt of a matched literal, cut into plain and marked parts so a page can highlight without building HTML. */
public record Snippet(List<Part> parts) {

    /** A run of text, marked when it is one of the searched words. */
    public record Part(String text, boolean marked) {}

    private static final int WINDOW = 90;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /** The snippet as plain text. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        parts.forEach(p -> sb.append(p.text()));
        return sb.toString();
    }

    /** Cuts the literal around the first searched word it holds and marks every searched word in the cut. */
    static Snippet of(String literal, Set<String> words) {
        java.util.function.Predicate<String> searched = token -> {
            String t = token.toLowerCase(Locale.ROOT);
            return words.contains(t) || words.stream().anyMatch(w -> w.endsWith("*") && t.startsWith(w.substring(0, w.length() - 1)));
        };
        int first = -1;
        Matcher m = WORD.matcher(literal);
        while (m.find()) {
            if (searched.test(m.group())) {
                first = m.start();
                break;
            }
        }
        int start = first < 0 ? 0 : Math.max(0, first - WINDOW / 2);
        int end = Math.min(literal.length(), start + 2 * WINDOW);
        String cut = (start > 0 ? "…" : "") + literal.substring(start, end) + (end < literal.length() ? "…" : "");
        List<Part> parts = new ArrayList<>();
        Matcher w = WORD.matcher(cut);
        int at = 0;
        while (w.find()) {
            if (searched.test(w.group())) {
                if (w.start() > at)
                    parts.add(new Part(cut.substring(at, w.start()), false));
                parts.add(new Part(w.group(), true));
                at = w.end();
            }
        }
        if (at < cut.length())
            parts.add(new Part(cut.substring(at), false));
        return new Snippet(List.copyOf(parts));
    }

    /** The lower-cased words of a query string, for marking; a word with a trailing '*' keeps it, as a prefix. */
    static Set<String> words(String query) {
        Set<String> words = new java.util.HashSet<>();
        Matcher m = Pattern.compile("[\\p{L}\\p{N}]+\\*?").matcher(query);
        while (m.find())
            words.add(m.group().toLowerCase(Locale.ROOT));
        return words;
    }
}
