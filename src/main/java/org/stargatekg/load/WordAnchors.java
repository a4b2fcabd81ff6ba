package org.stargatekg.load;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.stargatekg.vocab.NIF;

import static org.apache.jena.riot.out.NodeFmtLib.strNT;

/**
 * Places passages that give only their words: a passage with {@code nif:anchorOf} and neither {@code nif:beginIndex}
 * nor {@code nif:endIndex} gets both, computed from where the words stand in the article. Words that occur more than
 * once are told apart by {@code nif:before} / {@code nif:after} (the words just before or after them, spaces between
 * not counted) and then by an occurrence number (1 for the first of the occurrences left); words not found, or still
 * ambiguous, fail the load naming the file, the line and every candidate offset.
 */
final class WordAnchors {

    /** How many characters of the article to show on each side of a candidate in an error. */
    private static final int SHOWN = 30;

    private final Node occurrence;

    /** Anchors that read the occurrence number from the given property (our ontology's {@code sg:occurrence}). */
    WordAnchors(Node occurrenceProperty) {
        this.occurrence = occurrenceProperty;
    }

    /** Adds the offsets of every passage of the folder that gives only its words, or throws listing each that cannot be placed. */
    void resolve(ArticleFolder article) {
        Graph merged = article.merged();
        Set<Node> passages = new TreeSet<>(Comparator.comparing(Node::toString));
        merged.find(Node.ANY, NIF.anchorOf, Node.ANY).forEach(t -> passages.add(t.getSubject()));
        List<String> failures = new ArrayList<>();
        for (Node passage : passages) {
            if (merged.contains(passage, NIF.beginIndex, Node.ANY) || merged.contains(passage, NIF.endIndex, Node.ANY))
                continue;   // offsets written by hand: EvidenceCheck checks them
            List<Node> anchors = objects(merged, passage, NIF.anchorOf);
            if (anchors.size() != 1 || !anchors.get(0).isLiteral())
                continue;   // EvidenceCheck names the problem
            String problem;
            try {
                int[] span = place(article.text(), passage, anchors.get(0).getLiteralLexicalForm(), merged);
                Node begin = NodeFactory.createLiteralDT(Integer.toString(span[0]), XSDDatatype.XSDnonNegativeInteger);
                Node end = NodeFactory.createLiteralDT(Integer.toString(span[1]), XSDDatatype.XSDnonNegativeInteger);
                for (Graph g : article.merged() == article.articleTriples() ? List.of(merged) : List.of(merged, article.articleTriples())) {
                    g.add(passage, NIF.beginIndex, begin);
                    g.add(passage, NIF.endIndex, end);
                }
                problem = null;
            } catch (IllegalArgumentException ex) {
                problem = ex.getMessage();
            }
            if (problem != null)
                failures.add("passage " + strNT(passage) + " in " + article.whereAnchored(passage) + ": " + problem);
        }
        if (!failures.isEmpty())
            throw new LoadException("Cannot place passages by their words in article folder '" + article.name() + "' ("
                                    + failures.size() + " passage(s)):\n  " + String.join("\n  ", failures));
    }

    /** The [begin, end) code-point offsets of the passage's words, or an IllegalArgumentException saying why there are none. */
    private int[] place(ArticleText article, Node passage, String words, Graph graph) {
        String text = article.text();
        if (words.isEmpty())
            throw new IllegalArgumentException("nif:anchorOf is empty");
        List<Integer> all = new ArrayList<>();
        for (int i = text.indexOf(words); i >= 0; i = text.indexOf(words, i + 1))
            all.add(i);
        if (all.isEmpty())
            throw new IllegalArgumentException("the words \"" + words + "\" are not in the article" + nearMisses(text, words));
        List<Integer> candidates = all;
        String before = literal(graph, passage, NIF.before);
        String after = literal(graph, passage, NIF.after);
        if (before != null)
            candidates = candidates.stream().filter(i -> text.substring(0, i).stripTrailing().endsWith(before.strip())).toList();
        if (after != null)
            candidates = candidates.stream().filter(i -> text.substring(i + words.length()).stripLeading().startsWith(after.strip())).toList();
        String narrowed = before == null && after == null ? "" : " with the given nif:before/nif:after";
        if (candidates.isEmpty())
            throw new IllegalArgumentException("the words \"" + words + "\" occur " + times(all.size()) + " but never" + narrowed
                                               + "; candidates: " + show(text, all, words.length()));
        Node n = graph.find(passage, occurrence, Node.ANY).mapWith(Triple::getObject).nextOptional().orElse(null);
        int chosen;
        if (n != null) {
            Integer k = positive(n);
            if (k == null)
                throw new IllegalArgumentException("the occurrence number must be a positive integer, got " + strNT(n));
            if (k > candidates.size())
                throw new IllegalArgumentException("occurrence " + k + " asked, but the words \"" + words + "\" occur "
                                                   + times(candidates.size()) + narrowed + ": " + show(text, candidates, words.length()));
            chosen = candidates.get(k - 1);
        } else if (candidates.size() == 1) {
            chosen = candidates.get(0);
        } else {
            throw new IllegalArgumentException("the words \"" + words + "\" occur " + times(candidates.size()) + narrowed
                                               + "; say which with an occurrence number (1 to " + candidates.size()
                                               + ") or nif:before/nif:after words; candidates: " + show(text, candidates, words.length()));
        }
        int begin = text.codePointCount(0, chosen);
        return new int[] {begin, begin + words.codePointCount(0, words.length())};
    }

    /** Where the words occur if case and runs of spaces are ignored, as a hint for a typo in the Turtle. */
    private static String nearMisses(String text, String words) {
        String[] parts = words.strip().split("\\s+");
        StringBuilder regex = new StringBuilder();
        for (String part : parts)
            regex.append(regex.length() == 0 ? "" : "\\s+").append(Pattern.quote(part));
        Matcher m = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
        List<Integer> at = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        while (m.find()) {
            at.add(m.start());
            lengths.add(m.end() - m.start());
        }
        if (at.isEmpty())
            return "";
        StringBuilder sb = new StringBuilder("; ignoring case and spaces they occur at: ");
        for (int i = 0; i < at.size(); i++)
            sb.append(i == 0 ? "" : ", ").append(show(text, List.of(at.get(i)), lengths.get(i)));
        return sb.toString();
    }

    /** Each candidate as "offset N (…words around…)", offsets in code points as NIF counts them. */
    private static String show(String text, List<Integer> at, int length) {
        List<String> out = new ArrayList<>();
        for (int i : at) {
            int from = Math.max(0, i - SHOWN);
            int to = Math.min(text.length(), i + length + SHOWN);
            String around = (from > 0 ? "…" : "") + text.substring(from, i) + "[" + text.substring(i, i + length) + "]"
                            + text.substring(i + length, to) + (to < text.length() ? "…" : "");
            out.add("offset " + text.codePointCount(0, i) + " (" + around.replace('\n', ' ') + ")");
        }
        return String.join(", ", out);
    }

    private static String times(int n) {
        return n == 1 ? "once" : n + " times";
    }

    private static Integer positive(Node node) {
        if (!node.isLiteral())
            return null;
        try {
            BigInteger v = new BigInteger(node.getLiteralLexicalForm().trim());
            return v.signum() > 0 && v.bitLength() < 31 ? v.intValue() : null;
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    private static String literal(Graph graph, Node s, Node p) {
        List<Node> values = objects(graph, s, p);
        return values.size() == 1 && values.get(0).isLiteral() ? values.get(0).getLiteralLexicalForm() : null;
    }

    private static List<Node> objects(Graph graph, Node s, Node p) {
        return graph.find(s, p, Node.ANY).mapWith(Triple::getObject).toList();
    }
}
