package org.stargatekg.remote;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.riot.out.NodeFmtLib;
import org.stargatekg.vocab.IriText;

/** Writes find/contains patterns as SPARQL and reads the rows back as triples and quads. */
final class Patterns {

    private Patterns() {}

    /** A term as SPARQL: the variable when the slot is open, the node otherwise. */
    static String term(Node n, String var) {
        if (n == null || n == Node.ANY)
            return "?" + var;
        if (n.isBlank()) {
            // Stores cannot take blank nodes in queries; Virtuoso and Jena both accept their labels as IRIs.
            String label = n.getBlankNodeLabel();
            return label.startsWith("nodeID://") ? "<" + label + ">" : "<_:" + label + ">";
        }
        // An IRI with a space, '>' or '}' would end the IRI and run on as query text: it cannot be in the store anyway.
        if (n.isURI() && !IriText.writable(n.getURI()))
            throw new IllegalArgumentException("an IRI that cannot be written into a query: " + n.getURI().length() + " characters");
        return NodeFmtLib.strNT(n); // Written out in full: a prefixed name would need a PREFIX the query does not have.
    }

    /** The triple pattern "s p o ." with open slots as ?s ?p ?o. */
    static String triple(Node s, Node p, Node o) {
        return term(s, "s") + " " + term(p, "p") + " " + term(o, "o") + " .";
    }

    /** The projection of the open slots, or "*"-free "(1 AS ?x)" when none is open. */
    static String vars(Node... slots) {
        StringBuilder sb = new StringBuilder();
        String[] names = slots.length == 4 ? new String[] { "g", "s", "p", "o" } : new String[] { "s", "p", "o" };
        for (int i = 0; i < slots.length; i++)
            if (slots[i] == null || slots[i] == Node.ANY)
                sb.append(" ?").append(names[i]);
        return sb.length() == 0 ? " (1 AS ?one)" : sb.toString();
    }

    static Node pick(Node fixed, Binding row, String var) {
        return fixed == null || fixed == Node.ANY ? row.get(var) : fixed;
    }

    static List<Triple> triples(List<Binding> rows, Node s, Node p, Node o) {
        return rows.stream().map(b -> Triple.create(pick(s, b, "s"), pick(p, b, "p"), pick(o, b, "o"))).toList();
    }

    static List<Quad> quads(List<Binding> rows, Node g, Node s, Node p, Node o) {
        return rows.stream().map(b -> Quad.create(pick(g, b, "g"), pick(s, b, "s"), pick(p, b, "p"), pick(o, b, "o"))).toList();
    }
}
