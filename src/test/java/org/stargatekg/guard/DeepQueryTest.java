package org.stargatekg.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stargatekg.support.LogCapture;
import org.stargatekg.support.RunningServer;

/**
 * A query nested thousands deep is answered 400 with a one-line reason and one line in the log (issue 15, finding 8:
 * {@code BIND(1+1+…)} with 50,000 terms answered an empty 500, and with 5,000 terms one 10 KB request wrote 89 KB of
 * stack trace to the log); queries nested within the limit are answered as before.
 */
class DeepQueryTest {

    @RegisterExtension
    static final RunningServer server = RunningServer.extension();

    /** Query shapes that nest n deep: an expression chain, parentheses, OPTIONALs, UNIONs, BINDs, a path, EXISTS. */
    private static final List<IntFunction<String>> SHAPES = List.of(
            n -> "SELECT ?x { BIND(" + "1+".repeat(n - 1) + "1 AS ?x) }",
            n -> "SELECT * { ?s ?p ?o FILTER(?o = " + "1+".repeat(n - 1) + "1) } LIMIT 1",
            n -> "SELECT ?x { BIND(" + "(".repeat(n) + "1" + ")".repeat(n) + " AS ?x) }",
            n -> "SELECT * { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o } ".repeat(n) + "} LIMIT 1",
            n -> "SELECT * { " + "{ ?s ?p ?o } UNION ".repeat(n) + "{ ?s ?p ?o } } LIMIT 1",
            n -> "SELECT * { " + "BIND(1 AS ?x) ".repeat(1) + java.util.stream.IntStream.range(0, n).mapToObj(i -> "BIND(1 AS ?v" + i + ") ").reduce("", String::concat) + "}",
            n -> "SELECT * { ?s " + "<urn:p>/".repeat(n) + "<urn:p> ?o }",
            n -> "ASK { " + "FILTER EXISTS { ".repeat(n) + "}".repeat(n) + " }",
            n -> "SELECT ?x { BIND(" + "STR(".repeat(n) + "1" + ")".repeat(n) + " AS ?x) }");

    @ParameterizedTest
    @ValueSource(ints = {5_000, 50_000})
    void deep_sum_is_answered_400_with_one_log_line(int terms) {
        String query = "SELECT ?x { BIND(" + "1+".repeat(terms - 1) + "1 AS ?x) }";
        try (LogCapture log = new LogCapture()) {
            HttpResponse<String> response = server.send("POST", "/sparql", "application/sparql-query", query);
            assertEquals(400, response.statusCode(), response::body);
            assertTrue(response.body().startsWith("Query too complex"), response.body());
            assertEquals(1, response.body().strip().lines().count(), response.body());
            List<LogCapture.Line> lines = log.lines();
            assertEquals(1, lines.size(), () -> "log: " + lines);
            assertNull(lines.get(0).thrown(), () -> "a stack trace was logged: " + lines);
            assertFalse(lines.get(0).message().contains("\n"), lines.get(0).message());
        }
    }

    @Test
    void every_deep_shape_is_answered_400_and_logs_no_stack_trace() {
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < SHAPES.size(); i++) {
                String query = SHAPES.get(i).apply(5_000);
                HttpResponse<String> response = server.send("POST", "/sparql", "application/sparql-query", query);
                assertEquals(400, response.statusCode(), "shape " + i + ": " + response.body());
            }
            List<LogCapture.Line> traces = log.lines().stream().filter(l -> l.thrown() != null || l.message().contains("\n\tat ")).toList();
            assertEquals(List.of(), traces);
        }
    }

    /**
     * Also guards against planning that grows exponentially: Jena 5.6's constant folding re-folded each nested
     * EXISTS, so 200 nested {@code FILTER EXISTS} planned for hours, past any timeout ({@link DeadlineOptimizer}).
     */
    @Test
    void shapes_within_the_limit_are_answered_in_reasonable_time() {
        for (int i = 0; i < SHAPES.size(); i++) {
            String query = SHAPES.get(i).apply(200);
            long start = System.nanoTime();
            HttpResponse<String> response = server.send("POST", "/sparql", "application/sparql-query", query);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(200, response.statusCode(), "shape " + i + ": " + response.body());
            assertTrue(millis < 20_000, "shape " + i + " took " + millis + " ms");
        }
    }

    @Test
    void deep_query_by_get_and_form_is_answered_400_too() {
        String query = SHAPES.get(0).apply(5_000);
        HttpResponse<String> get = server.get("/sparql?query=" + RunningServer.encode(query), RunningServer.JSON);
        assertEquals(400, get.statusCode(), get::body);
        HttpResponse<String> form = server.send("POST", "/sparql", "application/x-www-form-urlencoded", "query=" + RunningServer.encode(query));
        assertEquals(400, form.statusCode(), form::body);
    }
}
