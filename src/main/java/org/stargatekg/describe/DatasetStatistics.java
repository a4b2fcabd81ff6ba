package org.stargatekg.describe;

import org.apache.jena.riot.out.NodeFmtLib;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.stargatekg.remote.RemoteDatasetGraph;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;

/**
 * Counts taken once over the served dataset, so that what VoID states is what {@code SELECT (COUNT(*) …)} answers:
 * over the default graph (the union) and over each named graph. A dataset held here (in memory or TDB2) is counted in
 * one pass over each graph's triples, the same triples a query's pattern matches; an external store is asked with the
 * same SPARQL a client would run ({@link #viaSparql}, which a test checks gives the same counts).
 */
public record DatasetStatistics(Counts union, long quads, Map<Node, Counts> graphs, List<String> classes, List<String> properties) {

    /** Counts a served dataset (default graph = union of the named graphs). */
    public static DatasetStatistics of(DatasetGraph dataset) {
        if (dataset instanceof RemoteDatasetGraph)
            return viaSparql(dataset);
        return Txn.calculateRead(dataset, () -> {
            Tally union = tally(dataset.getDefaultGraph());
            Map<Node, Counts> graphs = new LinkedHashMap<>();
            long quads = 0;
            for (Node g : sortedNames(dataset)) {
                Counts c = tally(dataset.getGraph(g)).counts();
                graphs.put(g, c);
                quads += c.triples();
            }
            return new DatasetStatistics(union.counts(), quads, Map.copyOf(graphs), iris(union.classes()), iris(union.properties()));
        });
    }

    /** One pass over a graph: its triples, distinct subjects, distinct objects of rdf:type, distinct predicates. */
    private static Tally tally(Graph graph) {
        Set<Node> subjects = new HashSet<>();
        Set<Node> classes = new HashSet<>();
        Set<Node> properties = new HashSet<>();
        long triples = 0;
        Iterator<Triple> it = graph.find(Node.ANY, Node.ANY, Node.ANY);
        try {
            while (it.hasNext()) {
                Triple t = it.next();
                triples++;
                subjects.add(t.getSubject());
                properties.add(t.getPredicate());
                if (t.getPredicate().equals(RDF.Nodes.type))
                    classes.add(t.getObject());
            }
        } finally {
            Iter.close(it);
        }
        return new Tally(new Counts(triples, subjects.size(), classes.size(), properties.size()), classes, properties);
    }

    /** Counts plus the classes and properties themselves (for the lists of the union). */
    private record Tally(Counts counts, Set<Node> classes, Set<Node> properties) {}

    private static List<String> iris(Set<Node> nodes) {
        TreeSet<String> out = new TreeSet<>();
        for (Node x : nodes)
            if (x.isURI())
                out.add(x.getURI());
        return List.copyOf(out);
    }

    private static List<Node> sortedNames(DatasetGraph dataset) {
        List<Node> names = new ArrayList<>();
        dataset.listGraphNodes().forEachRemaining(names::add);
        names.sort((a, b) -> a.getURI().compareTo(b.getURI()));
        return names;
    }

    /** The same counts with the SPARQL a client would run: for an external store, and as the reference in tests. */
    static DatasetStatistics viaSparql(DatasetGraph dataset) {
        return Txn.calculateRead(dataset, () -> {
            Counts union = counts(dataset, "");
            long quads = number(dataset, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }");
            Map<Node, Counts> graphs = new LinkedHashMap<>();
            List<Node> names = new ArrayList<>();
            dataset.listGraphNodes().forEachRemaining(names::add);
            names.sort((a, b) -> a.getURI().compareTo(b.getURI()));
            for (Node g : names)
                graphs.put(g, counts(dataset, NodeFmtLib.strNT(g)));
            return new DatasetStatistics(union, quads, Map.copyOf(graphs), iris(dataset, "SELECT DISTINCT ?x { ?s a ?x }"),
                                         iris(dataset, "SELECT DISTINCT ?x { ?s ?x ?o }"));
        });
    }

    /** The named graphs in IRI order. */
    public List<Node> graphNames() {
        List<Node> names = new ArrayList<>(graphs.keySet());
        names.sort((a, b) -> a.getURI().compareTo(b.getURI()));
        return names;
    }

    private static Counts counts(DatasetGraph dsg, String graph) {
        String open = graph.isEmpty() ? "{ " : "{ GRAPH " + graph + " { ";
        String close = graph.isEmpty() ? " }" : " } }";
        return new Counts(number(dsg, "SELECT (COUNT(*) AS ?n) " + open + "?s ?p ?o" + close),
                          number(dsg, "SELECT (COUNT(DISTINCT ?s) AS ?n) " + open + "?s ?p ?o" + close),
                          number(dsg, "SELECT (COUNT(DISTINCT ?c) AS ?n) " + open + "?s a ?c" + close),
                          number(dsg, "SELECT (COUNT(DISTINCT ?p) AS ?n) " + open + "?s ?p ?o" + close));
    }

    private static long number(DatasetGraph dsg, String sparql) {
        Query query = QueryFactory.create("PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n" + sparql);
        try (QueryExec exec = QueryExec.dataset(dsg).query(query).build()) {
            RowSet rows = exec.select();
            return Long.parseLong(rows.next().get("n").getLiteralLexicalForm());
        }
    }

    private static List<String> iris(DatasetGraph dsg, String sparql) {
        TreeSet<String> out = new TreeSet<>();
        try (QueryExec exec = QueryExec.dataset(dsg).query(sparql).build()) {
            exec.select().forEachRemaining(b -> {
                Node x = b.get("x");
                if (x != null && x.isURI())
                    out.add(x.getURI());
            });
        }
        return List.copyOf(out);
    }
}
