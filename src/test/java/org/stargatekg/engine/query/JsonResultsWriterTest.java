package org.stargatekg.engine.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.TextDirection;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetWriter;
import org.apache.jena.riot.rowset.RowSetWriterRegistry;
import org.apache.jena.riot.rowset.rw.RowSetWriterJSON;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stargatekg.load.KnowledgeGraphLoader;
import org.stargatekg.vocab.Namespaces;

/** Our SPARQL JSON results writer gives exactly the bytes of Jena's, for the served data's answers and for awkward terms. */
class JsonResultsWriterTest {

    private static final RowSetWriter JENA = RowSetWriterJSON.factory.create(ResultSetLang.RS_JSON);
    private static final RowSetWriter OURS = JsonResultsWriter.FACTORY.create(ResultSetLang.RS_JSON);

    private static DatasetGraph data;

    @BeforeAll
    static void load() {
        data = KnowledgeGraphLoader.shipped(Namespaces.standard()).load().dataset().asDatasetGraph();
    }

    @Test
    void every_shipped_select_query_is_written_byte_for_byte_as_jena_writes_it() throws IOException {
        int checked = 0;
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("src/main/resources/queries"))) {
            files = s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
        }
        for (Path file : files) {
            String text = Files.readString(file);
            // Full-text search needs the server's index in the query context; the other queries run on the data alone.
            if (text.contains("http://jena.apache.org/text#"))
                continue;
            Query query = QueryFactory.create(text);
            if (!query.isSelectType())
                continue;
            List<Binding> rows = Txn.calculateRead(data, () -> {
                try (QueryExec exec = QueryExec.dataset(data).query(query).build()) {
                    List<Binding> all = new ArrayList<>();
                    exec.select().forEachRemaining(all::add);
                    return all;
                }
            });
            List<Var> vars = query.getProjectVars();
            assertSameBytes(vars, rows, null, file.toString());
            checked++;
        }
        assertTrue(checked >= 28, "only " + checked + " SELECT queries found");
    }

    @Test
    void awkward_terms_are_escaped_and_laid_out_as_jena_does() {
        List<Var> vars = List.of(Var.alloc("s"), Var.alloc("o"), Var.alloc("x y"), Var.alloc("ünï"));
        List<String> texts = List.of("", "plain", "a</b", "</</", "<//>", "\"quoted\"", "back\\slash", "\b\f\n\r\t",
                                     "\u0001\u001f", "\u007f\u0085\u009f\u00a0", "\u1fff\u2000\u2028\u20ff\u2100", "emoji 😀 ok",
                                     "lone \uD83D high", "lone \uDE00 low", "crlf\r\nend", "tab\tend", "slash/after");
        List<Binding> rows = new ArrayList<>();
        for (String t : texts) {
            rows.add(row(vars, NodeFactory.createURI("http://example.org/" + t.replace(" ", "%20")), NodeFactory.createLiteralString(t),
                         NodeFactory.createLiteralLang(t, "en-GB"), NodeFactory.createLiteralDT(t, XSDDatatype.XSDstring)));
            rows.add(row(vars, NodeFactory.createBlankNode(), NodeFactory.createLiteralDirLang(t, "ar", TextDirection.RTL),
                         NodeFactory.createLiteralDT("12" + t.length(), XSDDatatype.XSDdecimal), null));
            rows.add(row(vars, null, null, null, null));
            rows.add(row(vars, NodeFactory.createTripleTerm(NodeFactory.createURI("http://example.org/s"),
                                                            NodeFactory.createURI("http://example.org/p"), NodeFactory.createLiteralString(t)),
                         NodeFactory.createBlankNode("given-label"), null, NodeFactory.createURI("urn:x:" + t.length())));
        }
        assertSameBytes(vars, rows, null, "awkward terms");
        Context asGiven = new Context();
        asGiven.set(ARQ.outputGraphBNodeLabels, true);
        assertSameBytes(vars, rows, asGiven, "awkward terms, blank node labels as given");
        assertSameBytes(vars, List.of(), null, "no rows");
        assertSameBytes(List.of(), List.of(BindingFactory.empty(), BindingFactory.empty()), null, "no variables");
    }

    @Test
    void a_long_answer_crossing_buffer_boundaries_in_surrogate_pairs_is_the_same() {
        Random random = new Random(17);
        List<Var> vars = List.of(Var.alloc("a"), Var.alloc("b"));
        List<Binding> rows = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = random.nextInt(40); j > 0; j--)
                sb.append(random.nextInt(5) == 0 ? "😀" : random.nextInt(3) == 0 ? "é" : "x");
            rows.add(row(vars, NodeFactory.createLiteralString(sb.toString()), NodeFactory.createURI("http://example.org/" + i)));
        }
        assertSameBytes(vars, rows, null, "3,000 rows");
    }

    @Test
    void ask_answers_are_the_same() {
        for (boolean b : new boolean[] {true, false}) {
            ByteArrayOutputStream jena = new ByteArrayOutputStream(), ours = new ByteArrayOutputStream();
            JENA.write(jena, b, null);
            OURS.write(ours, b, null);
            assertEquals(jena.toString(StandardCharsets.UTF_8), ours.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void install_puts_it_in_jenas_registry() {
        JsonResultsWriter.install();
        assertSame(JsonResultsWriter.FACTORY, RowSetWriterRegistry.getFactory(ResultSetLang.RS_JSON));
    }

    private static Binding row(List<Var> vars, Node... values) {
        BindingBuilder b = BindingFactory.builder();
        for (int i = 0; i < values.length; i++)
            if (values[i] != null)
                b.add(vars.get(i), values[i]);
        return b.build();
    }

    private static void assertSameBytes(List<Var> vars, List<Binding> rows, Context context, String what) {
        ByteArrayOutputStream jena = new ByteArrayOutputStream(), ours = new ByteArrayOutputStream();
        JENA.write(jena, RowSetStream.create(vars, rows.iterator()), context);
        OURS.write(ours, RowSetStream.create(vars, rows.iterator()), context);
        String expected = jena.toString(StandardCharsets.UTF_8);
        String actual = ours.toString(StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            int i = 0;
            while (i < Math.min(expected.length(), actual.length()) && expected.charAt(i) == actual.charAt(i))
                i++;
            int from = Math.max(0, i - 80);
            throw new AssertionError(what + ": first difference at character " + i + "\nJena: …"
                                     + expected.substring(from, Math.min(expected.length(), i + 80)) + "\nours: …"
                                     + actual.substring(from, Math.min(actual.length(), i + 80)));
        }
        assertEquals(jena.size(), ours.size(), what);
        assertTrue(java.util.Arrays.equals(jena.toByteArray(), ours.toByteArray()), what + ": bytes differ");
    }
}
