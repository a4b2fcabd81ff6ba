package org.stargatekg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.support.ClasspathFolder;
import org.stargatekg.support.ExpectedTable;
import org.stargatekg.support.RunningServer;

/** The dataset layout seen over HTTP: one named graph per source, inferences apart, the default graph their union. */
class UnionDefaultGraphTest {

    private static final String PREFIXES = """
            PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX owl:  <http://www.w3.org/2002/07/owl#>
            """;

    @RegisterExtension
    static final RunningServer server = RunningServer.extension();

    private static String inferred() {
        return "<" + server.base() + "graph/inferred>";
    }

    private static String ontology() {
        return "<" + server.base() + "graph/ontology>";
    }

    /** Fails listing the rows if the query returns any. */
    private static void assertNoRows(String what, String query) {
        RunningServer.Results results = server.select(PREFIXES + query);
        assertTrue(results.rows().isEmpty(), () -> what + ": " + results.rows().size() + " row(s), e.g.\n"
                + results.rows().stream().limit(10).map(r -> r.values().stream()
                          .map(n -> ExpectedTable.render(n, server.base())).collect(Collectors.joining("\t")))
                          .collect(Collectors.joining("\n")));
    }

    @Test
    void named_graphs_are_the_ontology_each_article_folder_its_external_links_and_the_inferences() {
        Set<String> expected = new TreeSet<>(List.of("graph/ontology", "graph/inferred"));
        for (String folder : ClasspathFolder.subFolders("data")) {
            expected.add("graph/" + folder);
            if (ClasspathFolder.fileNames("data/" + folder, ".ttl").stream().anyMatch(f -> f.startsWith("external")))
                expected.add("graph/" + folder + "/external");
        }
        Set<String> actual = new TreeSet<>();
        server.select("SELECT DISTINCT ?g { GRAPH ?g { } }").rows()
              .forEach(r -> actual.add(ExpectedTable.render(r.get("g"), server.base())));
        assertEquals(expected, actual);
    }

    @Test
    void default_graph_is_the_union_of_the_named_graphs() {
        long inDefault = server.count("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }");
        long distinctInNamed = server.count("SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } } }");
        long sumOverNamed = 0;
        List<String> perGraph = new ArrayList<>();
        for (var row : server.select("SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g").rows()) {
            long n = Long.parseLong(row.get("n").getLiteralLexicalForm());
            sumOverNamed += n;
            perGraph.add(row.get("g").getURI() + "=" + n);
        }
        assertTrue(inDefault > 0, "the default graph is empty");
        assertEquals(distinctInNamed, inDefault, "default graph vs. distinct triples of the named graphs " + perGraph);
        assertTrue(sumOverNamed >= inDefault, "sum over named graphs " + perGraph + " is below the default graph's " + inDefault);
    }

    @Test
    void inferred_graph_holds_inferred_triples() {
        long n = server.count("SELECT (COUNT(*) AS ?n) { GRAPH " + inferred() + " { ?s a ?type } }");
        assertTrue(n > 0, "no inferred rdf:type triples");
    }

    @Test
    void inferred_graph_repeats_nothing_asserted() {
        assertNoRows("inferred triples also asserted elsewhere",
                "SELECT ?s ?p ?o ?g { GRAPH " + inferred() + " { ?s ?p ?o } GRAPH ?g { ?s ?p ?o } FILTER (?g != " + inferred() + ") }");
    }

    @Test
    void inferred_graph_says_nothing_about_ontology_terms() {
        assertNoRows("inferred triples about terms of the ontology",
                "SELECT DISTINCT ?s { GRAPH " + inferred() + " { ?s ?p ?o } GRAPH " + ontology() + " { ?s ?q ?v } }");
        assertNoRows("trivial inferred types",
                "SELECT ?s ?t { GRAPH " + inferred() + " { ?s a ?t } VALUES ?t { owl:Thing rdfs:Resource } }");
    }

    @Test
    void instances_carry_every_superclass_type() {
        assertNoRows("instances missing a superclass type",
                "SELECT ?x ?c ?d { ?x a ?c . ?c rdfs:subClassOf+ ?d . FILTER (isIRI(?d) && ?d NOT IN (owl:Thing, rdfs:Resource)) "
                + "FILTER NOT EXISTS { ?x a ?d } FILTER NOT EXISTS { GRAPH " + ontology() + " { ?x ?anyP ?anyO } } }");
    }

    @Test
    void super_properties_inverses_and_symmetric_properties_are_materialized() {
        String dataOnly = " FILTER NOT EXISTS { GRAPH " + ontology() + " { ?x ?anyP ?anyO } }";
        assertNoRows("statements missing a super-property",
                "SELECT ?x ?p ?q ?y { ?p rdfs:subPropertyOf+ ?q . ?x ?p ?y . FILTER NOT EXISTS { ?x ?q ?y }" + dataOnly + " }");
        assertNoRows("statements missing their inverse",
                "SELECT ?x ?p ?q ?y { { ?p owl:inverseOf ?q } UNION { ?q owl:inverseOf ?p } ?x ?p ?y . FILTER (!isLiteral(?y)) "
                + "FILTER NOT EXISTS { ?y ?q ?x }" + dataOnly + " }");
        assertNoRows("symmetric statements missing their mirror",
                "SELECT ?x ?p ?y { ?p a owl:SymmetricProperty . ?x ?p ?y . FILTER (!isLiteral(?y)) FILTER NOT EXISTS { ?y ?p ?x }" + dataOnly + " }");
        assertNoRows("transitive chains not closed",
                "SELECT ?x ?p ?z { ?p a owl:TransitiveProperty . ?x ?p ?y . ?y ?p ?z . FILTER NOT EXISTS { ?x ?p ?z }" + dataOnly + " }");
    }
}
