package org.stargatekg.web;

import java.util.Iterator;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;

/**
 * Finds the words to show for a resource: its English label, another label, a name or title, a label we keep for
 * standard vocabulary terms, and failing those its prefixed name.
 */
final class Labels {

    private static final List<Node> LABEL_PROPERTIES =
            List.of(Terms.LABEL, Terms.SKOS_PREF_LABEL, Terms.SCHEMA_NAME, Terms.DC_TITLE);

    private final Graph data;
    private final Graph vocabularyLabels;
    private final PrefixMapping prefixes;
    private final java.util.Map<Node, String> inverseLabels;

    Labels(Graph data, Graph vocabularyLabels, PrefixMapping prefixes, java.util.Map<Node, String> inverseLabels) {
        this.data = data;
        this.vocabularyLabels = vocabularyLabels;
        this.prefixes = prefixes;
        this.inverseLabels = inverseLabels;
    }

    /** The best label of a node; literals give their lexical form. */
    String label(Node node) {
        if (node.isLiteral())
            return node.getLiteralLexicalForm();
        for (Graph g : List.of(data, vocabularyLabels)) {
            for (Node p : LABEL_PROPERTIES) {
                String found = pick(g, node, p);
                if (found != null)
                    return found;
            }
        }
        return node.isBlank() ? "(anonymous)" : shortName(node.getURI());
    }

    /**
     * The words for a property read backwards: the label of its declared inverse or its sg:inverseLabel (gathered once
     * per version of the data), else an inverse our display vocabulary names, else the label with an arrow ("← claims").
     */
    String inverseLabel(Node property) {
        String gathered = inverseLabels.get(property);
        if (gathered != null)
            return gathered;
        Iterator<Triple> back = vocabularyLabels.find(property, Terms.INVERSE, Node.ANY);
        try {
            if (back.hasNext()) {
                Node inverse = back.next().getObject();
                // An anonymous inverse exists only in our vocabulary file: no need to ask the data about it.
                String own = inverse.isBlank() ? pick(vocabularyLabels, inverse, Terms.LABEL) : null;
                return own != null ? own : label(inverse);
            }
        } finally {
            close(back);
        }
        return "\u2190 " + label(property);
    }

    /** The prefixed name of an IRI when a prefix is known, else the IRI. */
    String shortName(String iri) {
        String qname = prefixes.shortForm(iri);
        return qname;
    }

    private static String pick(Graph g, Node node, Node property) {
        Iterator<Triple> it = g.find(node, property, Node.ANY);
        String any = null;
        try {
            while (it.hasNext()) {
                Node o = it.next().getObject();
                if (!o.isLiteral())
                    continue;
                String lang = o.getLiteralLanguage();
                if (lang.isEmpty() || lang.toLowerCase().startsWith("en")) {
                    if (!lang.isEmpty())
                        return o.getLiteralLexicalForm();
                    any = any == null ? o.getLiteralLexicalForm() : any;
                } else if (any == null) {
                    any = o.getLiteralLexicalForm();
                }
            }
        } finally {
            close(it);
        }
        return any;
    }

    private static void close(Iterator<?> it) {
        if (it instanceof org.apache.jena.util.iterator.ClosableIterator<?> c)
            c.close();
    }
}
