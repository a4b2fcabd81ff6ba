package org.stargatekg.author;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.stargatekg.vocab.NIF;
import org.stargatekg.vocab.SG;

/**
 * Places a passage in the article's text as the loader does: its offsets when written, else its words
 * ({@code nif:anchorOf}) told apart by {@code sg:occurrence} or {@code nif:before}/{@code nif:after}; and gives new
 * passages their words with an occurrence number when the words repeat.
 */
final class Anchors {

    private Anchors() {}

    /** The passage's [begin, end) in the text, or null when it cannot be placed. */
    static int[] place(String text, Graph g, Node passage) {
        String words = literal(g, passage, NIF.anchorOf);
        if (words == null || words.isEmpty())
            return null;
        String begin = literal(g, passage, NIF.beginIndex);
        if (begin != null) {
            try {
                int b = Integer.parseInt(begin);
                return text.startsWith(words, b) ? new int[] {b, b + words.length()} : null;
            } catch (NumberFormatException ex) {
                return null;
            }
        }
        List<Integer> hits = occurrences(text, words);
        String occurrence = literal(g, passage, SG.occurrence.asNode());
        if (occurrence != null) {
            try {
                int n = Integer.parseInt(occurrence);
                return n >= 1 && n <= hits.size() ? new int[] {hits.get(n - 1), hits.get(n - 1) + words.length()} : null;
            } catch (NumberFormatException ex) {
                return null;
            }
        }
        String before = literal(g, passage, NIF.before);
        String after = literal(g, passage, NIF.after);
        if (before != null)
            hits = hits.stream().filter(i -> text.substring(0, i).stripTrailing().endsWith(before.strip())).toList();
        if (after != null)
            hits = hits.stream().filter(i -> text.substring(i + words.length()).stripLeading().startsWith(after.strip())).toList();
        return hits.size() == 1 ? new int[] {hits.get(0), hits.get(0) + words.length()} : null;
    }

    /** Every start of the words in the text. */
    static List<Integer> occurrences(String text, String words) {
        List<Integer> out = new ArrayList<>();
        for (int i = text.indexOf(words); i >= 0; i = text.indexOf(words, i + 1))
            out.add(i);
        return out;
    }

    /** Which occurrence (1-based) of its words a passage starting at begin is. */
    static int occurrenceAt(String text, String words, int begin) {
        return occurrences(text, words).indexOf(begin) + 1;
    }

    private static String literal(Graph g, Node s, Node p) {
        List<Triple> found = g.find(s, p, Node.ANY).toList();
        return found.size() == 1 && found.get(0).getObject().isLiteral() ? found.get(0).getObject().getLiteralLexicalForm() : null;
    }
}
