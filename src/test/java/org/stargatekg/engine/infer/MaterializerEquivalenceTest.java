package org.stargatekg.engine.infer;

import org.stargatekg.load.ArticleFolder;
import org.stargatekg.load.KnowledgeGraph;
import org.stargatekg.load.KnowledgeGraphLoader;
import org.stargatekg.load.ShippedSources;
import org.stargatekg.load.SourceFiles;
import org.stargatekg.load.TurtleReader;

import org.stargatekg.vocab.Namespaces;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The single-pass closure infers exactly what Jena's forward rule engine infers from {@code rules/materialize.rules}. */
class MaterializerEquivalenceTest {

    private static final String BASE = Namespaces.STANDARD;

    private static final String PREFIXES = """
            @prefix : <http://example.org/> .
            @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix owl: <http://www.w3.org/2002/07/owl#> .
            """;

    private static Graph parse(String turtle) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(PREFIXES + turtle, Lang.TURTLE).parse(g);
        return g;
    }

    private static Set<String> lines(Graph g) {
        Set<String> out = new TreeSet<>();
        g.find().forEach(t -> out.add(NodeFmtLib.str(t)));
        return out;
    }

    private static void assertSame(Graph ontology, Graph data) {
        Set<String> expected = lines(RuleMaterializer.infer(ontology, data));
        assertTrue(!expected.isEmpty(), "the case implies something: " + expected);
        Set<String> actual = lines(new Materializer().infer(ontology, data));
        assertEquals(expected, actual);
        assertEquals(expected, lines(new Materializer(0).infer(ontology, data)), "shared out among the cores");
        assertEachOnce(ontology, data);
    }

    /** The list the loader stores holds each inferred triple once, also when the cores' sets both derived it. */
    /** The shipped ontology files, shapes left out, as one graph. */
    private static Graph shippedOntology() {
        Graph ontology = GraphFactory.createDefaultGraph();
        SourceFiles.list(ShippedSources.locate().ontologyDir(), ".ttl").stream()
                   .filter(p -> !SourceFiles.fileName(p).equals(KnowledgeGraphLoader.SHAPES_FILE))
                   .forEach(p -> GraphUtil.addInto(ontology, TurtleReader.read(p, BASE)));
        return ontology;
    }

    /** Every shipped article folder's Turtle, merged into one graph. */
    private static Graph shippedArticles() {
        Graph data = GraphFactory.createDefaultGraph();
        for (Path dir : SourceFiles.subFolders(ShippedSources.locate().dataDir()))
            GraphUtil.addInto(data, ArticleFolder.read(dir, BASE).merged());
        return data;
    }

    private static void assertEachOnce(Graph ontology, Graph data) {
        java.util.List<org.apache.jena.graph.Triple> list = new Materializer(0).inferTriples(ontology, data);
        assertEquals(new java.util.HashSet<>(list).size(), list.size(), () -> "repeated triples in " + list);
    }

    @Test
    void same_as_the_rule_engine_on_the_shipped_ontology_and_article() {
        Graph ontology = shippedOntology();
        Graph data = shippedArticles();
        Graph inferred = new Materializer().infer(ontology, data);
        assertTrue(inferred.size() > 500, "the shipped article implies many triples, got " + inferred.size());
        assertEquals(lines(RuleMaterializer.infer(ontology, data)), lines(inferred));
        assertEquals(lines(inferred), lines(new Materializer(0).infer(ontology, data)), "shared out among the cores");
        assertEachOnce(ontology, data);
    }

    @Test
    void the_loader_serves_exactly_what_the_closure_infers_from_ontology_and_articles() {
        Graph ontology = shippedOntology();
        Graph data = shippedArticles();
        Namespaces ns = new Namespaces(BASE);
        KnowledgeGraph kg = KnowledgeGraphLoader.shipped(ns).load();
        Graph served = kg.dataset().asDatasetGraph().getGraph(ns.inferredGraph());
        assertEquals(lines(new Materializer().infer(ontology, data)), lines(served));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // inverse of a super-property, super-property of an inverse, literal values on the way
            ":p rdfs:subPropertyOf :q . :q owl:inverseOf :r . :r rdfs:subPropertyOf :s . :s owl:inverseOf :t . :u owl:inverseOf :p .|"
                    + ":a :p :b . :c :p \"lit\" . :d :r :e .",
            // symmetric super-property of a transitive one whose inverse is transitive too
            ":partOf a owl:TransitiveProperty ; owl:inverseOf :hasPart ; rdfs:subPropertyOf :near . :hasPart a owl:TransitiveProperty ."
                    + " :near a owl:SymmetricProperty ; rdfs:subPropertyOf :related . :related owl:inverseOf :relatedFrom .|"
                    + ":a :partOf :b . :b :partOf :c . :c :partOf :d . :x :hasPart :a . :d :partOf :a .",
            // symmetric and transitive at once, and a cycle of classes
            ":knows a owl:SymmetricProperty , owl:TransitiveProperty . :A rdfs:subClassOf :B . :B rdfs:subClassOf :A , owl:Thing .|"
                    + ":a :knows :b . :b :knows :c . :a a :A .",
            // data that states axioms, and a property that implies types
            ":kind rdfs:subPropertyOf rdf:type . :C rdfs:subClassOf :D .|"
                    + ":x :kind :C . :E rdfs:subClassOf :C . :y a :E . :link rdfs:subPropertyOf :p2 . :p2 owl:inverseOf :p3 . :m :link :n .",
            // a class of transitive properties, an inverse of rdf:type, a symmetric owl:inverseOf
            ":TP rdfs:subClassOf owl:TransitiveProperty . :anc a :TP . owl:inverseOf a owl:SymmetricProperty . :instance owl:inverseOf rdf:type .|"
                    + ":a :anc :b . :b :anc :c . :C :instance :z . :z a :Q . :Q rdfs:subClassOf :R .",
            // blank nodes and an ontology that describes individuals
            ":p owl:inverseOf :q . :o1 :p :o2 . :o2 a :K . :K rdfs:subClassOf :L .|"
                    + "_:b :p :o1 . :o1 :q _:c . :v a :K ."
    })
    void same_as_the_rule_engine_on_hard_cases(String ontologyAndData) {
        String[] parts = ontologyAndData.split("\\|", -1);
        assertSame(parse(parts[0]), parse(parts[1]));
    }
}
