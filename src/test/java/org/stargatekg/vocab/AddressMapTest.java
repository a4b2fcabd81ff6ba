package org.stargatekg.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.stargatekg.vocab.Namespaces;
import org.stargatekg.vocab.SG;

class AddressMapTest {

    private final AddressMap standard = new AddressMap(Namespaces.standard(), () -> "http://localhost:3030/");
    private final AddressMap publisher = new AddressMap(new Namespaces("https://news.example.org/kg/"), () -> "https://kg.example.org/");

    @Test
    void paths_map_onto_the_dataset_namespace_and_the_ontology_namespace() {
        assertEquals("https://w3id.org/stargate-kg/id/elon-musk", standard.iri("/id/elon-musk"));
        assertEquals(SG.speaker.getURI(), standard.iri("/ontology/speaker"));
        assertEquals("https://news.example.org/kg/id/jane-doe", publisher.iri("/id/jane-doe"));
        assertEquals(SG.speaker.getURI(), publisher.iri("/ontology/speaker"), "another publisher's data still uses our ontology");
        assertEquals(SG.ONTOLOGY.getURI(), publisher.iri("/ontology"));
    }

    @Test
    void iris_map_back_to_the_same_paths() {
        for (AddressMap map : new AddressMap[] { standard, publisher })
            for (String path : new String[] { "/id/x", "/evidence/x-said", "/graph/stargate/external", "/ontology", "/ontology/Statement" })
                assertEquals(path, map.path(map.iri(path)));
    }

    @Test
    void other_iris_are_not_local_and_link_to_themselves() {
        assertNull(publisher.path("https://w3id.org/stargate-kg/id/elon-musk"));
        assertFalse(standard.isLocal("http://www.wikidata.org/entity/Q317521"));
        assertEquals("http://www.wikidata.org/entity/Q317521", standard.href("http://www.wikidata.org/entity/Q317521"));
        assertNull(standard.path("https://w3id.org/stargate-kg-other/id/x"));
    }

    @Test
    void addresses_sit_under_the_public_base_and_never_enter_iris() {
        assertEquals("https://kg.example.org/sparql", publisher.address("/sparql"));
        assertEquals("https://news.example.org/kg/sparql", publisher.iri("/sparql"));
    }
}
