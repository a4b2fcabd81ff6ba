package org.stargatekg.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stargatekg.load.KnowledgeGraph;
import org.stargatekg.load.KnowledgeGraphLoader;
import org.stargatekg.vocab.Namespaces;

/** The frozen store finds exactly what Jena's transactional in-memory dataset finds, for every kind of pattern. */
class FrozenDatasetGraphTest {

    private static DatasetGraph reference;
    private static FrozenDatasetGraph frozen;

    @BeforeAll
    static void load() {
        KnowledgeGraph kg = KnowledgeGraphLoader.shipped(Namespaces.standard()).load();
        DatasetGraph served = kg.dataset().asDatasetGraph();
        reference = DatasetGraphFactory.createTxnMem();
        FrozenDatasetGraph.Builder builder = FrozenDatasetGraph.builder();
        Txn.executeRead(served, () -> served.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
            Txn.executeWrite(reference, () -> reference.add(q));
            builder.add(q);
        }));
        frozen = builder.build();
    }

    @Test
    void everyPatternOfEveryQuadFindsTheSameQuadsInOneGraphAndAcrossGraphs() {
        List<Quad> all = Txn.calculateRead(reference, () -> Iter.toList(reference.find()));
        assertEquals(all.size(), frozen.quadCount());
        int checked = 0;
        for (int i = 0; i < all.size(); i += 7) {
            Quad q = all.get(i);
            for (int mask = 0; mask < 16; mask++) {
                Node g = (mask & 8) != 0 ? q.getGraph() : Node.ANY;
                Node s = (mask & 4) != 0 ? q.getSubject() : Node.ANY;
                Node p = (mask & 2) != 0 ? q.getPredicate() : Node.ANY;
                Node o = (mask & 1) != 0 ? q.getObject() : Node.ANY;
                assertEquals(quads(reference, g, s, p, o), quads(frozen, g, s, p, o), "find(" + g + ", " + s + ", " + p + ", " + o + ")");
                if (g == Node.ANY)
                    assertEquals(triples(reference.getUnionGraph(), s, p, o), triples(frozen.getUnionGraph(), s, p, o),
                                 "union find(" + s + ", " + p + ", " + o + ")");
                checked++;
            }
        }
        assertTrue(checked > 5_000, "patterns checked: " + checked);
    }

    @Test
    void theUnionGraphGivesATripleHeldInTwoGraphsOnce() {
        Node a = NodeFactory.createURI("http://example.org/a");
        Node b = NodeFactory.createURI("http://example.org/b");
        Triple t = Triple.create(a, a, NodeFactory.createLiteralString("x"));
        FrozenDatasetGraph twice = FrozenDatasetGraph.builder()
                .add(Quad.create(a, t)).add(Quad.create(b, t)).add(Quad.create(b, t)).build();
        assertEquals(2, twice.quadCount(), "a quad added twice to one graph is kept once");
        assertEquals(2, Iter.count(twice.find(Node.ANY, a, Node.ANY, Node.ANY)));
        assertEquals(1, twice.getUnionGraph().find(a, Node.ANY, Node.ANY).toList().size());
        assertEquals(List.of(a, b), Iter.toList(twice.listGraphNodes()));
    }

    @Test
    void theUnionGraphContainsAndCountsWhatJenasUnionGraphDoes() {
        Graph ref = reference.getUnionGraph();
        Graph ours = frozen.getUnionGraph();
        assertEquals(Txn.calculateRead(reference, () -> Iter.count(ref.find())), (long) ours.size());
        List<Triple> all = Txn.calculateRead(reference, () -> Iter.toList(ref.find()));
        int present = 0, absent = 0;
        for (int i = 0; i < all.size(); i += 3) {
            Triple t = all.get(i);
            assertTrue(ours.contains(t), () -> "missing " + t);
            present++;
            // The same terms in another arrangement: most such triples are in no graph.
            Triple swapped = Triple.create(t.getSubject(), t.getPredicate(), all.get((i * 7 + 1) % all.size()).getObject());
            boolean expected = Txn.calculateRead(reference, () -> ref.contains(swapped));
            assertEquals(expected, ours.contains(swapped), () -> "contains " + swapped);
            if (!expected)
                absent++;
        }
        assertTrue(present > 500 && absent > 500, present + " present, " + absent + " absent checked");
        Node a = NodeFactory.createURI("http://example.org/not-in-the-data");
        assertFalse(ours.contains(Triple.create(a, a, a)));
    }

    @Test
    void aSnapshotKeepsWhatWasAddedBeforeItAndTheBuilderGoesOn() {
        Node g1 = NodeFactory.createURI("http://example.org/g1"), g2 = NodeFactory.createURI("http://example.org/g2");
        Node a = NodeFactory.createURI("http://example.org/a"), b = NodeFactory.createURI("http://example.org/b");
        FrozenDatasetGraph.Builder builder = FrozenDatasetGraph.builder().add(Quad.create(g1, a, a, b));
        FrozenDatasetGraph first = builder.snapshot();
        Node fresh = NodeFactory.createURI("http://example.org/added-after");
        builder.add(Quad.create(g2, b, b, fresh)).add(Quad.create(g1, a, a, b));
        FrozenDatasetGraph last = builder.build();
        assertEquals(1, first.quadCount());
        assertFalse(first.getUnionGraph().contains(Triple.create(b, b, fresh)));
        assertEquals(List.of(g1), Iter.toList(first.listGraphNodes()));
        assertEquals(2, last.quadCount(), "the quad added again to g1 is kept once");
        assertTrue(last.getUnionGraph().contains(Triple.create(b, b, fresh)));
        assertEquals(2, last.getUnionGraph().size());
    }

    @Test
    void quadsAddedToTheDefaultGraphAreItsOwnAndInNoNamedGraphNorTheUnion() {
        Node a = NodeFactory.createURI("http://example.org/a");
        Node g = NodeFactory.createURI("http://example.org/g");
        Triple inDefault = Triple.create(a, a, NodeFactory.createLiteralString("default"));
        Triple inNamed = Triple.create(a, a, NodeFactory.createLiteralString("named"));
        FrozenDatasetGraph both = FrozenDatasetGraph.builder()
                .add(Quad.create(Quad.defaultGraphNodeGenerated, inDefault)).add(Quad.create(g, inNamed)).build();
        assertEquals(List.of(inDefault), both.getDefaultGraph().find().toList());
        assertEquals(List.of(inNamed), both.getUnionGraph().find().toList());
        assertEquals(1, both.getUnionGraph().size(), "the union graph's size leaves the default graph out");
        assertFalse(both.getUnionGraph().contains(inDefault), "the union graph does not contain the default graph's triple");
        assertTrue(both.getUnionGraph().contains(inNamed));
        assertEquals(List.of(inNamed), both.getGraph(g).find().toList());
        assertEquals(List.of(g), Iter.toList(both.listGraphNodes()));
        assertEquals(1, Iter.count(both.findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY)), "named graphs only");
        assertEquals(2, Iter.count(both.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY)), "every quad, the default graph's too");
        assertEquals(1, select(DatasetFactory.wrap(both), "SELECT * { ?s ?p \"default\" }").size());
        assertEquals(0, select(DatasetFactory.wrap(both), "SELECT * { GRAPH ?g { ?s ?p \"default\" } }").size());
    }

    @Test
    void aTermInNoQuadMatchesNothing() {
        Node absent = NodeFactory.createURI("http://example.org/absent");
        assertFalse(frozen.find(Node.ANY, absent, Node.ANY, Node.ANY).hasNext());
        assertFalse(frozen.containsGraph(absent));
        assertFalse(frozen.getUnionGraph().contains(absent, Node.ANY, Node.ANY));
    }

    @Test
    void literalsKeepTheirLexicalFormAsWritten() {
        Node decimal = NodeFactory.createLiteralDT("80000000000", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal);
        Node canonical = NodeFactory.createLiteralDT("80000000000.0", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal);
        assertTrue(frozen.contains(Node.ANY, Node.ANY, Node.ANY, decimal), "the article's $80 billion as written");
        assertFalse(frozen.contains(Node.ANY, Node.ANY, Node.ANY, canonical));
    }

    @Test
    void writesAreRefused() {
        Node a = NodeFactory.createURI("http://example.org/a");
        assertThrows(RuntimeException.class, () -> frozen.add(a, a, a, a));
        assertThrows(RuntimeException.class, () -> frozen.delete(Quad.create(a, a, a, a)));
        assertThrows(RuntimeException.class, () -> frozen.addGraph(a, org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph()));
        assertThrows(RuntimeException.class, () -> frozen.getGraph(a).add(a, a, a));
    }

    @Test
    void sparqlQueriesGiveTheSameResultsAsOverJenasDataset() {
        List<String> queries = List.of(
                "SELECT ?s ?p ?o { GRAPH <urn:x-arq:UnionGraph> { ?s ?p ?o } }",
                "SELECT ?g ?s ?p ?o { GRAPH ?g { ?s ?p ?o } }",
                "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
                "SELECT ?st ?q { GRAPH <urn:x-arq:UnionGraph> { ?st a ?c . ?c <http://www.w3.org/2000/01/rdf-schema#subClassOf>* ?top . ?st ?p ?q FILTER isLiteral(?q) } }",
                "SELECT DISTINCT ?o { GRAPH <urn:x-arq:UnionGraph> { ?s <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> ?o } }");
        Dataset ref = DatasetFactory.wrap(reference);
        Dataset ours = DatasetFactory.wrap(frozen);
        for (String q : queries) {
            ResultSetRewindable expected = select(ref, q);
            // Every query has rows (the default graph of both is empty, so each reads the named graphs).
            assertTrue(expected.size() > 0, "rows for " + q);
            expected.reset();
            assertTrue(ResultSetCompare.equalsByTerm(expected, select(ours, q)), q);
        }
    }

    @Test
    void thePlannerJoinsTheRarerPatternFirstWhateverTheWrittenOrder() {
        Node g = NodeFactory.createURI("http://example.org/g");
        Node type = org.apache.jena.vocabulary.RDF.type.asNode();
        Node cls = NodeFactory.createURI("http://example.org/Statement");
        Node speaker = NodeFactory.createURI("http://example.org/speaker");
        Node musk = NodeFactory.createURI("http://example.org/musk");
        FrozenDatasetGraph.Builder b = FrozenDatasetGraph.builder();
        for (int i = 0; i < 1_000; i++) {
            Node st = NodeFactory.createURI("http://example.org/st" + i);
            b.add(Quad.create(g, st, type, cls));
            b.add(Quad.create(g, st, speaker, NodeFactory.createURI("http://example.org/person" + (i % 100))));
        }
        b.add(Quad.create(g, NodeFactory.createURI("http://example.org/st7"), speaker, musk));
        FrozenDatasetGraph store = b.build();
        var x = org.apache.jena.sparql.core.Var.alloc("x");
        org.apache.jena.sparql.core.BasicPattern written = new org.apache.jena.sparql.core.BasicPattern();
        written.add(Triple.create(x, type, cls));
        written.add(Triple.create(x, speaker, musk));
        var planned = new CountingStageGenerator.CountingReorder(store).reorder(written);
        assertEquals(Triple.create(x, speaker, musk), planned.get(0), "1 match before 1,000");
        assertEquals(Triple.create(x, type, cls), planned.get(1));
        written = new org.apache.jena.sparql.core.BasicPattern();
        written.add(Triple.create(x, speaker, NodeFactory.createURI("http://example.org/nobody")));
        written.add(Triple.create(x, type, cls));
        assertEquals(Triple.create(x, type, cls), new CountingStageGenerator.CountingReorder(store).reorder(written).get(1),
                     "a term in no quad goes first: nothing to join");
        Dataset ds = DatasetFactory.wrap(store);
        ResultSetRewindable rows = select(ds, "SELECT ?x { GRAPH ?g { ?x a <http://example.org/Statement> ; <http://example.org/speaker> <http://example.org/musk> } }");
        assertEquals(1, rows.size());
    }

    private static ResultSetRewindable select(Dataset ds, String q) {
        try (QueryExecution qe = QueryExecution.dataset(ds).query(q).build()) {
            return ResultSetFactory.makeRewindable(qe.execSelect());
        }
    }

    private static Set<Quad> quads(DatasetGraph dsg, Node g, Node s, Node p, Node o) {
        Set<Quad> out = new HashSet<>();
        List<Quad> list = new ArrayList<>();
        Txn.executeRead(dsg, () -> dsg.find(g, s, p, o).forEachRemaining(list::add));
        out.addAll(list);
        assertEquals(out.size(), list.size(), "no quad twice");
        return out;
    }

    private static Set<Triple> triples(Graph graph, Node s, Node p, Node o) {
        List<Triple> list = graph.find(s, p, o).toList();
        Set<Triple> out = new HashSet<>(list);
        assertEquals(out.size(), list.size(), "no triple twice in the union");
        return out;
    }
}
