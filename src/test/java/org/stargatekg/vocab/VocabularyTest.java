package org.stargatekg.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.stargatekg.load.ShippedSources;

/** {@link SG} and the ontology file agree: every constant is a declared term, every declared term has its constant. */
class VocabularyTest {

    private static Set<String> declared() {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(ShippedSources.locate().ontologyDir().resolve("stargate.ttl")).parse(g);
        Set<String> out = new TreeSet<>();
        g.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(SG.NS))
                out.add(t.getSubject().getURI());
        });
        return out;
    }

    private static Set<String> constants() throws IllegalAccessException {
        Set<String> out = new TreeSet<>();
        for (Field f : SG.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && Resource.class.isAssignableFrom(f.getType()) && f.get(null) != SG.ONTOLOGY)
                out.add(((Resource) f.get(null)).getURI());
        }
        return out;
    }

    @Test
    void every_constant_is_a_term_the_ontology_declares() throws IllegalAccessException {
        Set<String> missing = new TreeSet<>(constants());
        missing.removeAll(declared());
        assertTrue(missing.isEmpty(), () -> "constants with no declaration in ontology/stargate.ttl: " + missing);
    }

    @Test
    void every_declared_term_has_a_constant() throws IllegalAccessException {
        Set<String> missing = new TreeSet<>(declared());
        missing.removeAll(constants());
        assertTrue(missing.isEmpty(), () -> "terms of ontology/stargate.ttl without a constant in SG: " + missing);
    }

    @Test
    void the_namespace_is_permanent_and_a_slash_namespace() {
        assertEquals("https://w3id.org/stargate-kg/ontology/", SG.NS);
        assertEquals(SG.NS, SG.ONTOLOGY.getURI() + "/");
    }
}
