package org.stargatekg.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.support.RunningServer;

/** Operations: health check, Prometheus metrics by endpoint, and CORS for browser tools on other origins. */
class OperationsTest {

    @RegisterExtension
    static final RunningServer server = RunningServer.extension();

    @Test
    void ping_answers_200_text() {
        HttpResponse<String> r = server.get("/$/ping", "*/*");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), r.headers()::toString);
    }

    @Test
    void metrics_count_requests_and_latency_by_endpoint() {
        server.select("SELECT * { ?s ?p ?o } LIMIT 1");
        server.get("/search?q=money", "application/json");
        server.get("/id/elon-musk", "text/html");
        server.get("/static/style.css", "text/css");
        HttpResponse<String> r = server.get("/$/metrics", "text/plain");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"), r.headers()::toString);
        String body = r.body();
        for (String endpoint : new String[] {"sparql", "search", "pages", "static"}) {
            assertTrue(count(body, "stargate_http_requests_total\\{endpoint=\"" + endpoint + "\",status=\"200\"\\}") >= 1, () -> endpoint + "\n" + body);
            assertTrue(count(body, "stargate_http_request_duration_seconds_count\\{endpoint=\"" + endpoint + "\"\\}") >= 1, () -> endpoint + "\n" + body);
            assertTrue(body.contains("stargate_http_request_duration_seconds_bucket{endpoint=\"" + endpoint + "\",le=\"+Inf\"}"), body);
        }
        assertTrue(body.contains("# TYPE stargate_http_request_duration_seconds histogram"), body);
        assertTrue(count(body, "stargate_dataset_quads") > 0, body);
    }

    private static long count(String body, String metric) {
        Matcher m = Pattern.compile("^" + metric + " (\\d+)$", Pattern.MULTILINE).matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    @Test
    void browser_tools_on_other_origins_may_query_and_fetch_rdf() {
        HttpResponse<String> preflight = server.send(HttpRequest.newBuilder(server.uri("/sparql"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://tools.example.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .build());
        assertTrue(preflight.statusCode() / 100 == 2, () -> preflight.statusCode() + " " + preflight.headers());
        assertEquals("*", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null), preflight.headers()::toString);
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase().contains("content-type"));

        HttpResponse<String> post = server.send(HttpRequest.newBuilder(server.uri("/sparql"))
                .header("Origin", "https://tools.example.org")
                .header("Content-Type", "application/sparql-query")
                .header("Accept", RunningServer.JSON)
                .POST(HttpRequest.BodyPublishers.ofString("ASK {}")).build());
        assertEquals(200, post.statusCode(), post::body);
        assertEquals("*", post.headers().firstValue("Access-Control-Allow-Origin").orElse(null), post.headers()::toString);

        HttpResponse<String> rdf = server.send(HttpRequest.newBuilder(server.uri("/id/elon-musk"))
                .header("Origin", "https://tools.example.org").header("Accept", "text/turtle").GET().build());
        assertEquals(200, rdf.statusCode());
        assertEquals("*", rdf.headers().firstValue("Access-Control-Allow-Origin").orElse(null), rdf.headers()::toString);
        assertTrue(rdf.headers().firstValue("Access-Control-Expose-Headers").orElse("").contains("Link"));
    }

    @Test
    void access_log_keeps_at_most_200_characters_of_the_query_string() {
        String q = "query=" + "x".repeat(500);
        assertEquals("/sparql?" + q.substring(0, 200) + "…", OpsFilter.loggedTarget("/sparql", q));
        assertEquals("/id/elon-musk", OpsFilter.loggedTarget("/id/elon-musk", null));
    }

    @Test
    void requests_are_labelled_by_endpoint() {
        assertEquals("sparql", OpsFilter.endpoint("/sparql"));
        assertEquals("pages", OpsFilter.endpoint("/id/elon-musk"));
        assertEquals("search", OpsFilter.endpoint("/search"));
        assertEquals("dump", OpsFilter.endpoint("/dump/stargate-kg.nq"));
        assertEquals("ops", OpsFilter.endpoint("/$/ping"));
    }
}
