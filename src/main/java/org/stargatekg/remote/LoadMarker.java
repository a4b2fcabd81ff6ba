package org.stargatekg.remote;

import org.apache.jena.riot.out.NodeFmtLib;
import java.time.Instant;
import java.util.UUID;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;

/**
 * The version marker the {@code load} command leaves in a store: one small graph, {@code <graphs>meta/load}, saying
 * when the last load ended and with a random identifier, so that servers reading the store can tell that its content
 * changed with one cheap query. No article folder can be named so that its graph is this one (an article's graph is
 * {@code graph/FOLDER}, its links' {@code graph/FOLDER/external}), and servers leave it out of every graph they show.
 */
public final class LoadMarker {

    /** The local name of the marker graph under the graph prefix. */
    static final String LOCAL_NAME = "meta/load";

    private LoadMarker() {}

    /** The marker graph's IRI for the graphs under {@code graphPrefix}. */
    public static String graph(String graphPrefix) {
        return graphPrefix + LOCAL_NAME;
    }

    /** A new marker for a load ending now: {@code <graph> dcterms:modified NOW ; dcterms:identifier "uuid"}. */
    static Graph fresh(Node graph) {
        Graph g = GraphFactory.createDefaultGraph();
        g.add(graph, DCTerms.modified.asNode(), NodeFactory.createLiteralDT(Instant.now().toString(), XSDDatatype.XSDdateTime));
        g.add(graph, DCTerms.identifier.asNode(), NodeFactory.createLiteralString(UUID.randomUUID().toString()));
        return g;
    }

    /** The query that reads a marker: one row with ?modified and ?id, or none where no load wrote one. */
    static String query(Node graph) {
        String g = NodeFmtLib.strNT(graph);
        return "SELECT ?modified ?id WHERE { GRAPH " + g + " { " + g + " " + NodeFmtLib.strNT(DCTerms.modified.asNode())
               + " ?modified . OPTIONAL { " + g + " " + NodeFmtLib.strNT(DCTerms.identifier.asNode()) + " ?id } } }";
    }
}
