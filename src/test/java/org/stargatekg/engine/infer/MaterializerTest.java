package org.stargatekg.engine.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

/** The rule set adds exactly the data triples its axioms imply, and nothing about the ontology itself. */
class MaterializerTest {

    private static final String PREFIXES = """
            @prefix : <http://example.org/> .
            @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix owl: <http://www.w3.org/2002/07/owl#> .
            """;

    private static final String ONTOLOGY = PREFIXES + """
            :Person rdfs:subClassOf :Agent .
            :Agent rdfs:subClassOf :Thing , owl:Thing .
            :ceoOf rdfs:subPropertyOf :worksFor .
            :worksFor rdfs:subPropertyOf :relatedTo .
            :worksFor owl:inverseOf :employs .
            :knows a owl:SymmetricProperty .
            :partOf a owl:TransitiveProperty .
            """;

    private static final String DATA = PREFIXES + """
            :sam a :Person ; :ceoOf :openai ; :knows :satya .
            :room :partOf :floor . :floor :partOf :building .
            """;

    private static Graph parse(String turtle) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(turtle, Lang.TURTLE).parse(g);
        return g;
    }

    private static Set<String> lines(Graph g) {
        Set<String> out = new TreeSet<>();
        g.find().forEach(t -> out.add(NodeFmtLib.str(t).replace("http://example.org/", ":")));
        return out;
    }

    @Test
    void inferred_triples_follow_hierarchies_inverses_symmetric_and_transitive_properties() {
        Set<String> inferred = lines(new Materializer().infer(parse(ONTOLOGY), parse(DATA)));
        Set<String> expected = lines(parse(PREFIXES + """
                :sam a :Agent , :Thing .
                :sam :worksFor :openai ; :relatedTo :openai .
                :openai :employs :sam .
                :satya :knows :sam .
                :room :partOf :building .
                """));
        assertEquals(expected, inferred);
    }

    @Test
    void nothing_is_inferred_about_ontology_terms_or_already_asserted() {
        Graph ontology = parse(ONTOLOGY);
        Graph data = parse(DATA + ":sam a :Agent .");
        Graph inferred = new Materializer().infer(ontology, data);
        inferred.find().forEach(t -> {
            assertFalse(ontology.contains(t.getSubject(), null, null), () -> "about an ontology term: " + t);
            assertFalse(data.contains(t), () -> "already asserted: " + t);
        });
        assertTrue(inferred.contains(parse(PREFIXES + ":sam a :Thing .").find().next()));
    }
}
