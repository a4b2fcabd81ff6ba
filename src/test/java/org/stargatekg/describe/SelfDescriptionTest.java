package org.stargatekg.describe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.support.RunningServer;
import org.stargatekg.vocab.SG;

/** The server describes itself: Service Description on /sparql, VoID and DCAT with true counts, and whole-dataset dumps. */
class SelfDescriptionTest {

    private static final String VOID = "http://rdfs.org/ns/void#";
    private static final String SD = "http://www.w3.org/ns/sparql-service-description#";

    @RegisterExtension
    static final RunningServer server = RunningServer.extension();

    private static Graph parse(HttpResponse<String> r, Lang lang) {
        assertEquals(200, r.statusCode(), r::body);
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.create().source(new StringReader(r.body())).lang(lang).base(server.base()).parse(g);
        return g;
    }

    private static Node iri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static long number(Graph g, Node s, String voidProperty) {
        List<Node> values = new ArrayList<>();
        g.find(s, iri(VOID + voidProperty), Node.ANY).forEachRemaining(t -> values.add(t.getObject()));
        assertEquals(1, values.size(), () -> s + " void:" + voidProperty + " " + values);
        return Long.parseLong(values.get(0).getLiteralLexicalForm());
    }

    private static Graph voidGraph() {
        return parse(server.get("/.well-known/void", "text/turtle"), Lang.TURTLE);
    }

    private static Node dataset() {
        return iri(server.base() + ".well-known/void#dataset");
    }

    @Test
    void sparql_answers_rdf_accept_with_a_service_description() {
        for (String type : List.of("text/turtle", "application/ld+json", "application/rdf+xml", "application/n-triples")) {
            HttpResponse<String> r = server.get("/sparql", type);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(type), () -> type + " " + r.headers());
            Graph g = parse(r, RDFLanguages.contentTypeToLang(type));
            assertTrue(g.contains(Node.ANY, iri(SD + "endpoint"), iri(server.address("/sparql"))), () -> type + "\n" + r.body());
            assertTrue(g.contains(Node.ANY, iri(SD + "feature"), iri(SD + "UnionDefaultGraph")), r::body);
        }
    }

    @Test
    void sparql_still_gives_browsers_the_editor_and_queries_to_fuseki() {
        HttpResponse<String> page = server.get("/sparql", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.headers()::toString);
        HttpResponse<String> query = server.query("ASK {}", "text/turtle");
        assertEquals(200, query.statusCode(), query::body);
    }

    @Test
    void void_counts_equal_what_sparql_counts() {
        Graph g = voidGraph();
        Node ds = dataset();
        assertEquals(server.count("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"), number(g, ds, "triples"));
        assertEquals(server.count("SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o }"), number(g, ds, "entities"));
        assertEquals(server.count("SELECT (COUNT(DISTINCT ?c) AS ?n) { ?s a ?c }"), number(g, ds, "classes"));
        assertEquals(server.count("SELECT (COUNT(DISTINCT ?p) AS ?n) { ?s ?p ?o }"), number(g, ds, "properties"));
        List<Node> subsets = new ArrayList<>();
        g.find(ds, iri(VOID + "subset"), Node.ANY).forEachRemaining(t -> subsets.add(t.getObject()));
        assertEquals(server.count("SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g {} }"), subsets.size(), subsets::toString);
        for (Node graph : subsets) {
            String where = "GRAPH <" + graph.getURI() + "> ";
            assertEquals(server.count("SELECT (COUNT(*) AS ?n) { " + where + "{ ?s ?p ?o } }"), number(g, graph, "triples"), graph::toString);
            assertEquals(server.count("SELECT (COUNT(DISTINCT ?s) AS ?n) { " + where + "{ ?s ?p ?o } }"), number(g, graph, "entities"));
            assertEquals(server.count("SELECT (COUNT(DISTINCT ?c) AS ?n) { " + where + "{ ?s a ?c } }"), number(g, graph, "classes"));
            assertEquals(server.count("SELECT (COUNT(DISTINCT ?p) AS ?n) { " + where + "{ ?s ?p ?o } }"), number(g, graph, "properties"));
        }
    }

    @Test
    void void_names_endpoint_license_source_examples_vocabularies_and_dumps() {
        Graph g = voidGraph();
        Node ds = dataset();
        assertTrue(g.contains(ds, iri(VOID + "sparqlEndpoint"), iri(server.address("/sparql"))));
        assertTrue(g.contains(ds, iri("http://purl.org/dc/terms/license"), Node.ANY));
        assertTrue(g.contains(ds, iri("http://purl.org/dc/terms/source"), iri(server.base() + "id/stargate-article")));
        assertTrue(g.contains(ds, iri(VOID + "uriSpace"), NodeFactory.createLiteralString(server.base())));
        assertTrue(g.contains(ds, iri(VOID + "exampleResource"), iri(server.base() + "id/elon-musk")));
        assertTrue(g.contains(ds, iri(VOID + "vocabulary"), iri(SG.NS)));
        assertTrue(g.contains(ds, iri(VOID + "vocabulary"), iri("http://www.w3.org/2000/01/rdf-schema#")));
        for (Dumps.Dump d : Dumps.ALL)
            assertTrue(g.contains(ds, iri(VOID + "dataDump"), iri(server.address(d.path()))), d::path);
    }

    @Test
    void void_is_turtle_by_default_and_negotiates_other_rdf_formats() {
        HttpResponse<String> any = server.get("/.well-known/void", "*/*");
        assertTrue(any.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"), any.headers()::toString);
        for (String type : List.of("application/ld+json", "application/rdf+xml", "application/n-triples")) {
            Graph g = parse(server.get("/.well-known/void", type), RDFLanguages.contentTypeToLang(type));
            assertTrue(g.contains(dataset(), iri(VOID + "triples"), Node.ANY), type);
        }
        assertEquals(406, server.get("/.well-known/void", "image/png").statusCode());
    }

    @Test
    void dumps_hold_as_many_quads_and_triples_as_the_endpoint_counts() {
        long quads = server.count("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }");
        long triples = server.count("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }");
        for (Dumps.Dump d : Dumps.ALL) {
            HttpResponse<String> r = server.get(d.path(), "*/*");
            assertEquals(200, r.statusCode(), d::path);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(d.mediaType()), r.headers()::toString);
            Lang lang = RDFLanguages.contentTypeToLang(d.mediaType());
            DatasetGraph parsed = DatasetGraphFactory.createGeneral();
            RDFParser.create().source(new StringReader(r.body())).lang(lang).base(server.base()).parse(parsed);
            if (d.union()) {
                assertEquals(triples, parsed.getDefaultGraph().size(), d::path);
            } else {
                assertTrue(parsed.getDefaultGraph().isEmpty(), d::path);
                assertEquals(quads, Iter.count(parsed.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY)), d::path);
            }
        }
        assertFalse(server.get("/dump/nothing.ttl", "*/*").statusCode() == 200);
    }

    @Test
    void service_description_lists_every_extension_function_jena_resolves_with_its_iri() {
        Graph g = parse(server.get("/sparql", "text/turtle"), Lang.TURTLE);
        java.util.Set<String> functions = new java.util.TreeSet<>();
        java.util.Set<String> properties = new java.util.TreeSet<>();
        g.find(Node.ANY, iri(SD + "extensionFunction"), Node.ANY).forEachRemaining(t -> functions.add(t.getObject().getURI()));
        g.find(Node.ANY, iri(SD + "propertyFeature"), Node.ANY).forEachRemaining(t -> properties.add(t.getObject().getURI()));
        // Jena's registries, read here independently: every function registered outside the standard namespaces is listed.
        java.util.Set<String> registered = new java.util.TreeSet<>();
        org.apache.jena.sparql.function.FunctionRegistry.get().keys().forEachRemaining(registered::add);
        registered.removeIf(f -> f.startsWith("http://www.w3.org/2001/XMLSchema#") || f.startsWith("http://www.w3.org/ns/sparql#"));
        java.util.Set<String> missing = new java.util.TreeSet<>(registered);
        missing.removeAll(functions);
        assertTrue(missing.isEmpty(), () -> "registered but not in the service description: " + missing);
        assertTrue(functions.stream().noneMatch(f -> f.startsWith("http://www.w3.org/2001/XMLSchema#")), functions::toString);
        for (String f : List.of("http://jena.apache.org/ARQ/function#localname", "http://www.w3.org/2005/xpath-functions#upper-case",
                                "http://www.w3.org/2005/xpath-functions/math#sqrt"))
            assertTrue(functions.contains(f), () -> f + " not in " + functions);
        for (String p : List.of("http://jena.apache.org/text#query", "http://jena.apache.org/ARQ/property#splitIRI", "http://jena.apache.org/ARQ/list#member"))
            assertTrue(properties.contains(p), () -> p + " not in " + properties);
        for (String f : functions)
            assertTrue(org.apache.jena.sparql.function.FunctionRegistry.get().get(f) != null, f);
        for (String p : properties)
            assertTrue(org.apache.jena.sparql.pfunction.PropertyFunctionRegistry.get().get(p) != null, p);
        assertTrue(g.contains(iri("http://jena.apache.org/ARQ/property#splitIRI"), iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), iri(SD + "Feature")));
        assertTrue(!properties.contains("http://jena.apache.org/ARQ/property#strSplit"), "apf:strSplit runs a regex outside the deadline");
        assertTrue(g.contains(iri("http://jena.apache.org/ARQ/function#localname"), iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), iri(SD + "Function")));
    }

    @Test
    void listed_property_function_split_iri_splits_an_iri_on_the_endpoint() {
        var rows = server.select("PREFIX apf: <http://jena.apache.org/ARQ/property#>\n"
                                 + "SELECT ?ns ?local { <https://w3id.org/stargate-kg/id/elon-musk> apf:splitIRI (?ns ?local) }").rows();
        assertEquals(1, rows.size(), rows::toString);
        assertEquals("https://w3id.org/stargate-kg/id/", rows.get(0).get("ns").getURI());
        assertEquals("elon-musk", rows.get(0).get("local").getLiteralLexicalForm());
    }
}
