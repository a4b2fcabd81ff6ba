package org.stargatekg.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stargatekg.support.RunningServer;

/**
 * One query cannot fill the heap within its timeout (issue 23, finding 2): the strings it builds and the rows it
 * feeds into DISTINCT, GROUP BY and ORDER BY are bounded ({@link Limits#maxStringLength()},
 * {@link Limits#maxHeldRows()}), with a 400 naming the limit; four such queries at once leave ping answering.
 */
class QueryMemoryTest {

    @RegisterExtension
    static final RunningServer server = RunningServer.extension().timeout(Duration.ofSeconds(20));

    private static final String GROUP_CONCAT = "SELECT (GROUP_CONCAT(CONCAT(STR(?a), STR(?c))) AS ?x) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            GROUP_CONCAT + "|maxStringLength",
            "SELECT (GROUP_CONCAT(DISTINCT CONCAT(STR(?a), STR(?d))) AS ?x) WHERE { ?a ?b ?c . ?d ?e ?f }|maxStringLength",
            "SELECT DISTINCT ?a ?f WHERE { ?a ?b ?c . ?d ?e ?f } OFFSET 9000000|maxHeldRows",
            "SELECT (COUNT(DISTINCT *) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }|maxHeldRows",
            "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f|maxHeldRows",
            "SELECT ?x WHERE { BIND(\"$K\" AS ?a) BIND(CONCAT(?a, ?a, ?a, ?a) AS ?b) BIND(CONCAT(?b, ?b, ?b, ?b) AS ?c) BIND(CONCAT(?c, ?c, ?c, ?c) AS ?d) BIND(CONCAT(?d, ?d, ?d, ?d) AS ?e) BIND(CONCAT(?e, ?e, ?e, ?e) AS ?x) }|maxStringLength",
            "PREFIX fn: <http://www.w3.org/2005/xpath-functions#> SELECT ?x WHERE { BIND(\"$K\" AS ?a) BIND(fn:concat(?a, ?a, ?a, ?a) AS ?b) BIND(fn:concat(?b, ?b, ?b, ?b) AS ?c) BIND(fn:concat(?c, ?c, ?c, ?c) AS ?d) BIND(fn:concat(?d, ?d, ?d, ?d) AS ?e) BIND(fn:concat(?e, ?e, ?e, ?e) AS ?x) }|maxStringLength",
            "SELECT ?x WHERE { BIND(REPLACE(\"$K\", \"a\", \"$K\") AS ?x) }|maxStringLength"})
    void query_past_its_memory_budget_gets_400_naming_the_limit(String template, String limit) {
        String query = template.replace("$K", "a".repeat(1100));
        long start = System.nanoTime();
        HttpResponse<String> r = server.query(query, RunningServer.JSON);
        long millis = (System.nanoTime() - start) / 1_000_000;
        String body = r.body().length() > 300 ? r.body().substring(0, 300) : r.body();
        assertEquals(400, r.statusCode(), query + " (" + millis + " ms): " + body);
        assertTrue(r.body().contains(limit), "the answer does not name " + limit + ": " + body);
        System.out.println(limit + " in " + millis + " ms: " + query.substring(0, Math.min(80, query.length())));
    }

    /** DISTINCT streams: past the held start of the answer, going over the budget cuts the transfer, as a timeout does. */
    @Test
    void streaming_answer_past_its_budget_is_cut_off() {
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = server.query("SELECT DISTINCT * WHERE { ?a ?b ?c . ?d ?e ?f }", "text/csv");
            throw new AssertionError("a complete answer of " + r.body().length() + " characters, status " + r.statusCode());
        } catch (RuntimeException cut) {
            assertTrue(cut instanceof java.io.UncheckedIOException || cut.getCause() instanceof java.io.IOException, "not a cut transfer: " + cut);
            System.out.println("cut off after " + (System.nanoTime() - start) / 1_000_000 + " ms: " + cut);
        }
    }

    @Test
    void ordinary_grouping_sorting_and_joining_still_answer() {
        assertTrue(server.count("SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o }") > 100);
        RunningServer.Results top = server.select("SELECT ?s { ?s ?p ?o } ORDER BY DESC(?s) LIMIT 3");
        assertEquals(3, top.rows().size());
        RunningServer.Results joined = server.select("SELECT (GROUP_CONCAT(DISTINCT STR(?t); separator=\"|\") AS ?g) { ?s a ?t }");
        assertTrue(String.valueOf(joined.rows().get(0).get("g")).contains("|"), joined.rows().toString());
    }

    @Test
    void four_such_queries_at_once_leave_the_heap_bounded_and_ping_answering() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long base = memory.getHeapMemoryUsage().getUsed();
        List<CompletableFuture<HttpResponse<String>>> heavy = new ArrayList<>();
        for (int i = 0; i < 4; i++)
            heavy.add(CompletableFuture.supplyAsync(() -> server.query(GROUP_CONCAT, RunningServer.JSON)));
        long peak = 0;
        long slowestPing = 0;
        while (heavy.stream().anyMatch(f -> !f.isDone())) {
            long start = System.nanoTime();
            assertEquals(200, server.get("/$/ping", "text/plain").statusCode());
            slowestPing = Math.max(slowestPing, (System.nanoTime() - start) / 1_000_000);
            peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed() - base);
            Thread.sleep(20);
        }
        for (CompletableFuture<HttpResponse<String>> f : heavy)
            assertEquals(400, f.get(60, TimeUnit.SECONDS).statusCode());
        System.out.println("four GROUP_CONCAT cross products: heap grew at most " + peak / (1 << 20) + " MiB, slowest ping " + slowestPing + " ms");
        assertTrue(slowestPing < 1000, "ping took " + slowestPing + " ms");
        assertTrue(peak < 1024L << 20, "the heap grew by " + peak / (1 << 20) + " MiB");
    }

}
