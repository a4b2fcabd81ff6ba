package org.stargatekg.engine.query;

import org.stargatekg.support.Threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stargatekg.support.RunningServer;

/**
 * Regular expressions honour the query deadline wherever a query puts them, constant folding included, and leave no
 * thread behind after a timeout or a stop (issue 15, finding 2: {@code BIND(REGEX("aaa…a!", "(.*a){30}$") AS ?m)}
 * took 221 s on a server with a 5 s timeout, and its thread outlived a graceful stop). Their answers stay Jena's.
 */
class RegexDeadlineTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final long SLACK_MILLIS = 4000;
    /** Thirty a's and a mark: {@code (.*a){30}$} backtracks through some 10^17 ways to fail on it. */
    private static final String INPUT = "a".repeat(30) + "!";
    private static final String EVIL = "(.*a){30}$";
    @RegisterExtension
    static final RunningServer server = RunningServer.extension().timeout(TIMEOUT);

    /** Each place a regular expression can sit in a query; {@code $IN} and {@code $RE} stand for the input and pattern. */
    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT ?m { BIND(REGEX(\"$IN\", \"$RE\") AS ?m) }",
            "SELECT ?m { BIND(REGEX(\"$IN\", \"$RE\", \"i\") AS ?m) }",
            "SELECT ?m { BIND(REPLACE(\"$IN\", \"$RE\", \"x\") AS ?m) }",
            "PREFIX fn: <http://www.w3.org/2005/xpath-functions#> SELECT ?m { BIND(fn:matches(\"$IN\", \"$RE\") AS ?m) }",
            "PREFIX fn: <http://www.w3.org/2005/xpath-functions#> SELECT ?m { BIND(fn:replace(\"$IN\", \"$RE\", \"x\") AS ?m) }",
            "PREFIX sparql: <http://www.w3.org/ns/sparql#> SELECT ?m { BIND(sparql:regex(\"$IN\", \"$RE\") AS ?m) }",
            "SELECT (REGEX(\"$IN\", \"$RE\") AS ?m) {}",
            "ASK { FILTER(REGEX(\"$IN\", \"$RE\")) }",
            "SELECT * { ?s a ?t BIND(CONCAT(\"$IN\", STR(?t)) AS ?x) FILTER(REGEX(?x, \"$RE\")) } LIMIT 1",
            "SELECT * { ?s a ?t FILTER EXISTS { BIND(REGEX(\"$IN\", \"$RE\") AS ?m) FILTER(?m) } } LIMIT 1",
            "SELECT (GROUP_CONCAT(REPLACE(CONCAT(\"$IN\", STR(?t)), \"$RE\", \"\")) AS ?g) { ?s a ?t }",
            "SELECT ?s { ?s a ?t } ORDER BY (REGEX(CONCAT(\"$IN\", STR(?t)), \"$RE\")) LIMIT 3",
            "SELECT ?t (COUNT(*) AS ?n) { ?s a ?t } GROUP BY ?t HAVING (REGEX(CONCAT(\"$IN\", STR(?t)), \"$RE\"))",
            "SELECT * { ?s a ?t OPTIONAL { ?s ?p ?o FILTER(REGEX(CONCAT(\"$IN\", STR(?o)), \"$RE\")) } } LIMIT 1",
            "SELECT * { { SELECT (REGEX(\"$IN\", \"$RE\") AS ?m) {} } }",
            "CONSTRUCT { ?s ?p ?m } { ?s ?p ?o BIND(REGEX(CONCAT(\"$IN\", STR(?o)), \"$RE\") AS ?m) }"})
    void backtracking_regex_stops_at_the_timeout_and_leaves_no_thread(String template) throws InterruptedException {
        String query = template.replace("$IN", INPUT).replace("$RE", EVIL.replace("\\", "\\\\"));
        long start = System.nanoTime();
        HttpResponse<String> response = server.query(query, RunningServer.JSON);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, response.statusCode(), () -> query + "\n" + response.body());
        assertTrue(millis < TIMEOUT.toMillis() + SLACK_MILLIS, query + " took " + millis + " ms with a 1 s timeout");
        List<String> busy = Threads.awaitNoneBusyIn("java.util.regex", 2000);
        assertTrue(busy.isEmpty(), "threads still matching after the answer: " + busy);
    }

    @Test
    void stop_cancels_a_query_stuck_in_a_regex_and_no_thread_outlives_it() throws Exception {
        RunningServer patient = RunningServer.startWith(b -> b.queryTimeout(Duration.ofSeconds(120)).stopTimeout(Duration.ofSeconds(1)));
        CompletableFuture<HttpResponse<String>> stuck = CompletableFuture.supplyAsync(() -> patient.query(
                "SELECT ?m { BIND(REGEX(\"" + "a".repeat(40) + "!\", \"(.*a){40}$\") AS ?m) }", RunningServer.JSON));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (Threads.busyIn("java.util.regex").isEmpty() && System.nanoTime() < deadline)
            Thread.sleep(20);
        assertTrue(!Threads.busyIn("java.util.regex").isEmpty(), "the regex never started");
        long start = System.nanoTime();
        patient.close();
        long stopMillis = (System.nanoTime() - start) / 1_000_000;
        List<String> busy = Threads.awaitNoneBusyIn("java.util.regex", 3000);
        assertTrue(busy.isEmpty(), "threads still matching after the stop: " + busy);
        assertTrue(stopMillis < 8000, "stop took " + stopMillis + " ms");
        try {
            stuck.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException closed) {
            // The client may see the connection closed instead of an answer: either way it is not left waiting.
        }
    }

    /** Expressions whose values must come out as Jena computes them. */
    private static final List<String> EXPRESSIONS = List.of(
            "REGEX(\"Abc\", \"^a\", \"i\")", "REGEX(\"a.c\", \".\", \"q\")", "REGEX(\"abc\", \"a.c\")", "REGEX(\"a\\nb\", \"a.b\", \"s\")",
            "REGEX(\"x\\nab\", \"^a\", \"m\")", "REGEX(\"abc\", \"a b c\", \"x\")", "REGEX(\"abc\"@en, \"b\")", "REGEX(\"\", \"^$\")",
            "REPLACE(\"abcabc\", \"b(.)\", \"<$1>\")", "REPLACE(\"abc\"@en, \"b\", \"B\")", "REPLACE(\"abc\", \"x*\", \"-\")",
            "REPLACE(\"aaa\", \"a\", \"b\", \"i\")", "REPLACE(\"a.b\", \".\", \"!\", \"q\")", "REPLACE(\"abc\", \"z\", \"y\")",
            "REPLACE(\"abc\"^^<http://www.w3.org/2001/XMLSchema#string>, \"a\", \"A\")",
            "<http://www.w3.org/2005/xpath-functions#matches>(\"abc\", \"B\", \"i\")",
            "<http://www.w3.org/2005/xpath-functions#replace>(\"abc\", \"B\", \"x\", \"i\")",
            "REGEX(STR(<http://example.org/a>), \"example\")", "REGEX(1, \"1\")");

    @Test
    void regex_answers_are_the_same_as_jenas() {
        StringBuilder select = new StringBuilder("SELECT");
        for (int i = 0; i < EXPRESSIONS.size(); i++)
            select.append(" (").append(EXPRESSIONS.get(i)).append(" AS ?v").append(i).append(')');
        String query = select + " {}";
        List<String> ours = new ArrayList<>();
        RunningServer.Results results = server.select(query);
        for (int i = 0; i < EXPRESSIONS.size(); i++)
            ours.add(String.valueOf(results.rows().get(0).get("v" + i)));
        List<String> jenas = new ArrayList<>();
        Query parsed = QueryFactory.create(query);
        try (QueryExec exec = QueryExec.dataset(DatasetGraphFactory.create()).query(parsed).build()) {
            RowSet rows = exec.select();
            var row = rows.next();
            for (int i = 0; i < EXPRESSIONS.size(); i++)
                jenas.add(String.valueOf(row.get("v" + i)));
        }
        for (int i = 0; i < EXPRESSIONS.size(); i++)
            assertEquals(jenas.get(i), ours.get(i), EXPRESSIONS.get(i));
    }

    @Test
    void functions_loaded_by_class_name_are_not_available() {
        RunningServer.Results split = server.select("PREFIX apf: <http://jena.apache.org/ARQ/property#> SELECT ?x { ?x apf:strSplit (\"a,b\" \",\") }");
        assertEquals(List.of(), split.rows(), "apf:strSplit, a property function Jena loads by class name, split a string");
        RunningServer.Results replaced = server.select("SELECT ?x { BIND(<java:org.apache.jena.sparql.function.library.FN_StrReplace>(\"abc\", \"b\", \"x\") AS ?x) }");
        assertEquals(null, replaced.rows().get(0).get("x"), "a java: function was loaded and called");
    }
}
