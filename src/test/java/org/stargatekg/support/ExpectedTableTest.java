package org.stargatekg.support;

import org.stargatekg.vocab.Namespaces;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;

/** The comparison behind CompetencyQuestionsTest catches wrong, missing, extra and misordered rows. */
class ExpectedTableTest {

    private static final String BASE = Namespaces.STANDARD;

    private static ExpectedTable fixture(String name) throws IOException {
        return ExpectedTable.parse(Files.readString(Fixtures.path("expected/" + name)), name);
    }

    /** Builds results from rows of (IRI, literal) pairs; a null literal is unbound. */
    private static RunningServer.Results results(String var1, String var2, String[]... rows) {
        return new RunningServer.Results(List.of(var1, var2), Arrays.stream(rows).map(r -> {
            Map<String, Node> row = new LinkedHashMap<>();
            row.put(var1, NodeFactory.createURI(r[0].startsWith("http") ? r[0] : BASE + r[0]));
            row.put(var2, r[1] == null ? null : NodeFactory.createLiteralString(r[1]));
            return row;
        }).toList());
    }

    @Test
    void matching_rows_in_order_pass() throws IOException {
        assertNull(fixture("ordered.expected.tsv").differences(results("org", "name",
                new String[] { "id/openai", "OpenAI" }, new String[] { "id/oracle", "Oracle" },
                new String[] { "http://www.wikidata.org/entity/Q201653", "SoftBank" }), BASE));
    }

    @Test
    void rows_out_of_order_fail_when_order_is_asked_for() throws IOException {
        String diff = fixture("ordered.expected.tsv").differences(results("org", "name",
                new String[] { "id/oracle", "Oracle" }, new String[] { "id/openai", "OpenAI" },
                new String[] { "http://www.wikidata.org/entity/Q201653", "SoftBank" }), BASE);
        assertNotNull(diff);
        assertTrue(diff.contains("wrong order"), diff);
    }

    @Test
    void missing_and_unexpected_rows_are_listed() throws IOException {
        String diff = fixture("ordered.expected.tsv").differences(results("org", "name",
                new String[] { "id/openai", "OpenAI" }, new String[] { "id/microsoft", "Microsoft" }), BASE);
        assertNotNull(diff);
        assertTrue(diff.contains("missing rows") && diff.contains("id/oracle\tOracle"), diff);
        assertTrue(diff.contains("unexpected rows") && diff.contains("id/microsoft\tMicrosoft"), diff);
    }

    @Test
    void unordered_tables_compare_as_multisets_with_unbound_as_empty() throws IOException {
        ExpectedTable table = fixture("multiset.expected.tsv");
        assertNull(table.differences(results("org", "amount",
                new String[] { "id/b", null }, new String[] { "id/a", "1" }, new String[] { "id/a", "1" }), BASE));
        assertNotNull(table.differences(results("org", "amount",
                new String[] { "id/b", null }, new String[] { "id/a", "1" }), BASE), "a duplicate row went missing unnoticed");
    }

    @Test
    void a_different_header_fails() throws IOException {
        String diff = fixture("multiset.expected.tsv").differences(results("org", "value"), BASE);
        assertNotNull(diff);
        assertTrue(diff.contains("header"), diff);
    }

    @Test
    void a_row_with_the_wrong_number_of_cells_is_reported_with_its_line() {
        AssertionError error = assertThrows(AssertionError.class, () -> ExpectedTable.parse("a\tb\nonly-one\n", "bad.tsv"));
        assertEquals("bad.tsv line 2 has 1 cells, the header has 2: only-one", error.getMessage());
    }
}
