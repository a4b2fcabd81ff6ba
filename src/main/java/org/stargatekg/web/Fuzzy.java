package org.stargatekg.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The fallback for a search that finds nothing: the same words as Lucene fuzzy terms ({@code Altmann~}, up to two
 * edits), so that a misspelt name still finds its resource; and the edit distance that picks a suggestion.
 */
final class Fuzzy {

    /** Fuzzy terms are expensive: a search of more words than this gets no fallback (the search limit allows four). */
    private static final int MAX_WORDS = 4;

    private Fuzzy() {}

    /** The plain words of a search (letters and digits), or an empty list when it uses Lucene syntax of its own. */
    static List<String> words(String query) {
        if (query.matches(".*[\"~*?:()\\[\\]{}^\\\\+!-].*") || query.matches(".*\\b(AND|OR|NOT)\\b.*"))
            return List.of();
        List<String> out = new ArrayList<>();
        for (String w : query.strip().split("\\s+"))
            if (w.matches("[\\p{L}\\p{N}']{3,}"))
                out.add(w.replace("'", ""));
        return out;
    }

    /** The search as fuzzy terms, or null when it has no plain words or too many. */
    static String of(String query) {
        List<String> words = words(query);
        if (words.isEmpty() || words.size() > MAX_WORDS)
            return null;
        return String.join(" ", words.stream().map(w -> w + "~").toList());
    }

    /** The Levenshtein distance of two words. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++)
            previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
