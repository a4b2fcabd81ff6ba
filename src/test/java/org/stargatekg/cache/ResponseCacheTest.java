package org.stargatekg.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.load.KnowledgeGraphLoader;
import org.stargatekg.server.StargateServer;
import org.stargatekg.support.RunningServer;
import org.stargatekg.vocab.Namespaces;

/** The response cache never changes an answer: it varies on format and exact query, and keeps no errors or timeouts. */
class ResponseCacheTest {

    private static final String XML = "application/sparql-results+xml";
    private static final String LABELS = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                                         + "SELECT ?s ?l { ?s rdfs:label ?l } ORDER BY ?s ?l LIMIT 3";

    @RegisterExtension
    static final RunningServer server = RunningServer.extension().timeout(Duration.ofSeconds(1));

    private static String type(HttpResponse<String> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }

    @Test
    void same_query_with_another_accept_gets_its_own_format() {
        HttpResponse<String> json1 = server.query(LABELS, RunningServer.JSON);
        HttpResponse<String> xml1 = server.query(LABELS, XML);
        HttpResponse<String> json2 = server.query(LABELS, RunningServer.JSON);
        HttpResponse<String> xml2 = server.query(LABELS, XML);
        assertEquals(200, json1.statusCode());
        assertEquals(200, xml1.statusCode());
        assertTrue(type(json1).startsWith(RunningServer.JSON), type(json1));
        assertTrue(type(xml1).startsWith(XML), type(xml1));
        assertNotEquals(json1.body(), xml1.body());
        assertEquals(json1.body(), json2.body(), "a repeated JSON request differs from the first");
        assertEquals(type(json1), type(json2));
        assertEquals(xml1.body(), xml2.body(), "a repeated XML request differs from the first");
        assertEquals(type(xml1), type(xml2));
        assertTrue(server.cache().size() >= 2, "nothing was cached");
    }

    @Test
    void a_different_query_text_gets_a_different_answer() {
        HttpResponse<String> three = server.query(LABELS, RunningServer.JSON);
        HttpResponse<String> one = server.query(LABELS.replace("LIMIT 3", "LIMIT 1"), RunningServer.JSON);
        HttpResponse<String> threeAgain = server.query(LABELS, RunningServer.JSON);
        assertNotEquals(three.body(), one.body());
        assertEquals(three.body(), threeAgain.body());
        assertEquals(1, one.body().split("\"s\"").length - 2, () -> "LIMIT 1 gave:\n" + one.body());
    }

    @Test
    void page_formats_are_kept_apart() {
        HttpResponse<String> html = server.get("/id/stargate", "text/html");
        HttpResponse<String> ttl = server.get("/id/stargate", "text/turtle");
        HttpResponse<String> html2 = server.get("/id/stargate", "text/html");
        HttpResponse<String> ttl2 = server.get("/id/stargate", "text/turtle");
        assertTrue(type(html).startsWith("text/html"), type(html));
        assertTrue(type(ttl).startsWith("text/turtle"), type(ttl));
        assertEquals(html.body(), html2.body());
        assertEquals(ttl.body(), ttl2.body());
        assertTrue(type(html2).startsWith("text/html"), type(html2));
        assertTrue(type(ttl2).startsWith("text/turtle"), type(ttl2));
        assertEquals(html.headers().firstValue("Content-Security-Policy"), html2.headers().firstValue("Content-Security-Policy"));
        assertEquals(html.headers().firstValue("Link"), html2.headers().firstValue("Link"));
        assertEquals(html.headers().firstValue("Vary"), html2.headers().firstValue("Vary"));
    }

    @Test
    void post_bodies_are_keyed_by_their_text() {
        HttpResponse<String> get = server.query(LABELS, RunningServer.JSON);
        String q = "BASE <" + server.base() + ">\n" + LABELS;
        HttpResponse<String> post1 = server.send("POST", "/sparql", "application/sparql-query", q);
        HttpResponse<String> post2 = server.send("POST", "/sparql", "application/sparql-query", q);
        HttpResponse<String> other = server.send("POST", "/sparql", "application/sparql-query", q.replace("LIMIT 3", "LIMIT 2"));
        HttpResponse<String> form = server.send("POST", "/sparql", "application/x-www-form-urlencoded", "query=" + RunningServer.encode(q));
        HttpResponse<String> form2 = server.send("POST", "/sparql", "application/x-www-form-urlencoded",
                                                 "query=" + RunningServer.encode(q.replace("LIMIT 3", "LIMIT 2")));
        assertEquals(get.body(), post1.body());
        assertEquals(post1.body(), post2.body());
        assertNotEquals(post1.body(), other.body());
        assertEquals(get.body(), form.body());
        assertEquals(other.body(), form2.body());
    }

    @Test
    void errors_are_not_cached() {
        String badQuery = "SELECT * { ?s ?p }";
        for (int i = 0; i < 2; i++) {
            assertEquals(400, server.query(badQuery, RunningServer.JSON).statusCode());
            assertEquals(404, server.get("/id/no-such-thing-here", "text/html").statusCode());
            assertEquals(406, server.get("/id/stargate", "image/png").statusCode());
        }
        // Asked per key: another test's answer may still be being stored (the put follows the response), so the
        // cache's size says nothing about these requests.
        assertFalse(server.cache().holds(k -> badQuery.equals(k.query()) || (k.query() != null && k.query().contains(RunningServer.encode(badQuery)))),
                    "the 400 answer was kept");
        assertFalse(server.cache().holds(k -> k.path().equals("/id/no-such-thing-here")), "the 404 answer was kept");
        assertFalse(server.cache().holds(k -> k.path().equals("/id/stargate") && String.valueOf(k.accept()).contains("image/png")),
                    "the 406 answer was kept");
    }

    @Test
    void timed_out_queries_are_not_cached() {
        String slow = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
        for (int i = 0; i < 2; i++)
            assertNotEquals(200, server.query(slow, RunningServer.JSON).statusCode(), "a timeout was replayed as a success");
        // This one streams past the held start (status 200 already sent) before the timeout cuts it short: the
        // transfer is then aborted, which the client sees as an I/O error.
        String streaming = "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
        for (int i = 0; i < 2; i++) {
            try {
                HttpResponse<String> r = server.query(streaming, RunningServer.JSON);
                assertTrue(r.statusCode() != 200 || !r.body().trim().endsWith("}"), "a 1 s timeout let ~10^10 rows through?");
            } catch (java.io.UncheckedIOException aborted) {
                // The cut-off answer's transfer was aborted, as CutOffAnswers documents.
            }
        }
        assertFalse(server.cache().holds(k -> k.query() != null && (k.query().contains("%3Fj") || k.query().contains("?j")
                                                                   || k.query().contains(RunningServer.encode(streaming)))),
                    "a timed-out response was kept");
    }

    /** The builder's switch (used by the benchmark's "response cache off" row): no cache, the same answers. */
    @Test
    void switched_off_nothing_is_kept_and_answers_are_the_same() {
        StargateServer off = StargateServer.create().port(0).responseCache(false)
                .graph(KnowledgeGraphLoader.shipped(new Namespaces(server.base())).load()).build().start();
        try (RunningServer uncached = RunningServer.attach(off.port(), server.base(), off::stop)) {
            assertNull(off.responseCache());
            for (int i = 0; i < 2; i++) {
                assertEquals(server.query(LABELS, RunningServer.JSON).body(), uncached.query(LABELS, RunningServer.JSON).body());
                assertEquals(server.get("/id/stargate", "text/turtle").body(), uncached.get("/id/stargate", "text/turtle").body());
            }
        }
    }
}
