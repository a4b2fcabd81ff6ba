package org.stargatekg.describe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.stargatekg.load.KnowledgeGraph;
import org.stargatekg.load.KnowledgeGraphLoader;
import org.stargatekg.vocab.Namespaces;

/** Counting in one pass over the graphs gives exactly what the SPARQL COUNT queries answer. */
class DatasetStatisticsTest {

    @Test
    void one_pass_counts_equal_the_sparql_counts_on_the_shipped_graph() {
        KnowledgeGraph kg = KnowledgeGraphLoader.shipped(Namespaces.standard()).load();
        DatasetGraph dsg = kg.dataset().asDatasetGraph();
        DatasetStatistics fast = DatasetStatistics.of(dsg);
        assertEquals(DatasetStatistics.viaSparql(dsg), fast);
        assertEquals(kg.quadCount(), fast.quads());
        assertTrue(fast.union().triples() <= fast.quads(), "the union holds each triple once");
        assertTrue(fast.graphs().size() >= 4 && !fast.classes().isEmpty() && !fast.properties().isEmpty());
    }
}
