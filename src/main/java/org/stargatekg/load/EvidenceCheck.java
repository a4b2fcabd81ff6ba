package org.stargatekg.load;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.vocabulary.RDF;
import org.stargatekg.vocab.NIF;

import static org.apache.jena.riot.out.NodeFmtLib.strNT;

/**
 * Checks that every evidence passage of an article folder points at its text: {@code nif:anchorOf} must equal
 * the article sliced at [{@code nif:beginIndex}, {@code nif:endIndex}).
 */
final class EvidenceCheck {

    private static final List<Node> PASSAGE_PROPERTIES =
            List.of(NIF.referenceContext, NIF.beginIndex, NIF.endIndex, NIF.anchorOf);

    private EvidenceCheck() {}

    /** Returns the folder's single nif:Context after checking every passage, or throws listing each passage that fails. */
    static Node check(ArticleFolder article, Graph merged) {
        Node context = singleContext(article, merged);
        List<String> failures = new ArrayList<>();
        for (Node passage : passages(merged)) {
            String problem = checkPassage(passage, context, article.text(), merged);
            if (problem != null)
                failures.add("passage " + strNT(passage) + " in " + fileOf(passage, article) + ": " + problem);
        }
        if (!failures.isEmpty())
            throw new LoadException("Evidence check failed for article folder '" + article.name() + "' ("
                                    + failures.size() + " passage(s)):\n  " + String.join("\n  ", failures));
        return context;
    }

    private static Node singleContext(ArticleFolder article, Graph merged) {
        List<Node> contexts = merged.find(Node.ANY, RDF.type.asNode(), NIF.Context).mapWith(Triple::getSubject).toList();
        if (contexts.size() != 1)
            throw new LoadException("Article folder '" + article.name() + "' (" + SourceFiles.describe(article.dir())
                                    + ") must have exactly one resource typed nif:Context, found " + contexts.size()
                                    + (contexts.isEmpty() ? "" : ": " + contexts.stream().map(NodeFmtLib::strNT).toList()));
        return contexts.get(0);
    }

    /** Every subject that has any of the passage properties, in a stable order. */
    private static Set<Node> passages(Graph graph) {
        Set<Node> passages = new TreeSet<>(Comparator.comparing(Node::toString));
        for (Node property : PASSAGE_PROPERTIES)
            graph.find(Node.ANY, property, Node.ANY).forEach(t -> passages.add(t.getSubject()));
        return passages;
    }

    /** Returns what is wrong with one passage, or null if its text matches the article. */
    private static String checkPassage(Node passage, Node context, ArticleText text, Graph graph) {
        List<String> missing = new ArrayList<>();
        Node ref = single(graph, passage, NIF.referenceContext, missing);
        Node begin = single(graph, passage, NIF.beginIndex, missing);
        Node end = single(graph, passage, NIF.endIndex, missing);
        Node anchor = single(graph, passage, NIF.anchorOf, missing);
        if (!missing.isEmpty())
            return String.join("; ", missing);
        if (!ref.equals(context))
            return "nif:referenceContext is " + strNT(ref) + " but the folder's nif:Context is " + strNT(context);
        if (!anchor.isLiteral())
            return "nif:anchorOf is not a literal: " + strNT(anchor);
        Integer b = offset(begin);
        Integer e = offset(end);
        if (b == null || e == null)
            return "offsets must be non-negative integers, got beginIndex " + strNT(begin) + ", endIndex " + strNT(end);
        if (b >= e)
            return "beginIndex " + b + " must be less than endIndex " + e;
        if (e > text.length())
            return "endIndex " + e + " is past the end of the article (" + text.length() + " characters)";
        String expected = anchor.getLiteralLexicalForm();
        String actual = text.slice(b, e);
        if (!expected.equals(actual))
            return "nif:anchorOf is \"" + expected + "\" but the article at [" + b + "," + e + ") reads \"" + actual + "\"";
        return null;
    }

    private static Node single(Graph graph, Node subject, Node property, List<String> problems) {
        List<Node> values = graph.find(subject, property, Node.ANY).mapWith(Triple::getObject).toList();
        if (values.size() == 1)
            return values.get(0);
        problems.add((values.isEmpty() ? "no " : values.size() + " values for ") + "nif:" + property.getLocalName());
        return null;
    }

    /** The integer value of an offset literal, or null if it is not a non-negative integer that fits an int. */
    private static Integer offset(Node node) {
        if (!node.isLiteral())
            return null;
        try {
            BigInteger value = new BigInteger(node.getLiteralLexicalForm().trim());
            if (value.signum() < 0 || value.bitLength() > 31)
                return null;
            return value.intValue();
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    /** The file that states the passage's anchor text (or, failing that, anything about the passage). */
    private static String fileOf(Node passage, ArticleFolder article) {
        Path fallback = null;
        for (Map.Entry<Path, List<Triple>> e : article.files().entrySet()) {
            if (ArticleFolder.states(e.getValue(), passage, NIF.anchorOf))
                return SourceFiles.describe(e.getKey());
            if (fallback == null && ArticleFolder.states(e.getValue(), passage, Node.ANY))
                fallback = e.getKey();
        }
        return fallback == null ? SourceFiles.describe(article.dir()) : SourceFiles.describe(fallback);
    }
}
