package org.stargatekg.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
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
        Map<String, Double> m = parse(body);
        for (String endpoint : new String[] {"sparql", "search", "pages", "static"}) {
            assertTrue(value(m, "stargate_http_requests_total{endpoint=\"" + endpoint + "\",status=\"200\"}") >= 1, () -> endpoint + "\n" + body);
            assertTrue(value(m, "stargate_http_request_duration_seconds_count{endpoint=\"" + endpoint + "\"}") >= 1, () -> endpoint + "\n" + body);
            assertTrue(value(m, "stargate_http_request_duration_seconds_bucket{endpoint=\"" + endpoint + "\",le=\"+Inf\"}") >= 1, body);
        }
        assertTrue(body.contains("# TYPE stargate_http_request_duration_seconds histogram"), body);
        assertTrue(body.contains("# TYPE stargate_http_requests_total counter"), body);
        assertTrue(value(m, "stargate_dataset_quads") > 2000, body);
    }

    @Test
    void metrics_include_jvm_process_and_jetty_and_our_counters_grow_with_requests() {
        Map<String, Double> before = parse(server.get("/$/metrics", "*/*").body());
        String sparql = "stargate_http_requests_total{endpoint=\"sparql\",status=\"200\"}";
        String pages = "stargate_http_requests_total{endpoint=\"pages\",status=\"200\"}";
        server.select("SELECT * { ?s ?p ?o } LIMIT 2");
        server.select("SELECT * { ?s ?p ?o } LIMIT 3");
        server.get("/id/sam-altman", "text/html");
        String body = server.get("/$/metrics", "*/*").body();
        Map<String, Double> after = parse(body);
        assertEquals(orZero(before, sparql) + 2, value(after, sparql), () -> "sparql requests before " + before.get(sparql) + "\n" + body);
        assertEquals(orZero(before, pages) + 1, value(after, pages), () -> "page requests before " + before.get(pages) + "\n" + body);
        assertTrue(sum(after, "jetty_server_requests_seconds_count") > sum(before, "jetty_server_requests_seconds_count"), body);
        assertTrue(sum(after, "jvm_memory_used_bytes{area=\"heap\"") > 0, body);
        assertTrue(sum(after, "jvm_memory_max_bytes") > 0, body);
        assertTrue(sum(after, "jvm_threads_live_threads") > 0, body);
        assertTrue(after.keySet().stream().anyMatch(k -> k.startsWith("jvm_gc_")), body);
        assertTrue(sum(after, "jvm_classes_loaded_classes") > 1000, body);
        assertTrue(after.containsKey("process_cpu_usage") && after.containsKey("system_cpu_count"), body);
        assertTrue(sum(after, "process_uptime_seconds") > 0, body);
        assertTrue(sum(after, "jetty_threads_current") > 0, body);
        assertTrue(after.keySet().stream().anyMatch(k -> k.startsWith("jetty_connections_")), body);
    }

    @Test
    void made_up_http_methods_share_one_series_instead_of_opening_one_each() {
        for (String method : new String[] { "FOO123", "BAR456", "BAZ789" })
            server.send(HttpRequest.newBuilder(server.uri("/id/elon-musk")).method(method, HttpRequest.BodyPublishers.noBody()).build());
        String body = server.get("/$/metrics", "*/*").body();
        Map<String, Double> m = parse(body);
        assertTrue(m.keySet().stream().noneMatch(k -> k.contains("FOO123") || k.contains("BAR456") || k.contains("BAZ789")), body);
        assertTrue(m.keySet().stream().anyMatch(k -> k.startsWith("jetty_server_requests_seconds_count{") && k.contains("method=\"OTHER\"")), body);
    }

    /** Series to value from the Prometheus text format; fails on any line that is neither a comment nor "series value". */
    static Map<String, Double> parse(String exposition) {
        Pattern sample = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{.*\\})?) (\\S+)");
        Map<String, Double> out = new java.util.TreeMap<>();
        for (String line : exposition.split("\n")) {
            if (line.isEmpty() || line.startsWith("#"))
                continue;
            Matcher m = sample.matcher(line);
            assertTrue(m.matches(), () -> "not a sample line: " + line);
            String v = m.group(2);
            out.put(m.group(1), v.equals("+Inf") ? Double.POSITIVE_INFINITY : v.equals("NaN") ? Double.NaN : Double.parseDouble(v));
        }
        assertFalse(out.isEmpty(), "no samples");
        return out;
    }

    private static double value(Map<String, Double> metrics, String series) {
        Double v = metrics.get(series);
        assertNotNull(v, () -> "no series " + series + " among " + metrics.keySet());
        return v;
    }

    private static double orZero(Map<String, Double> metrics, String series) {
        return metrics.getOrDefault(series, 0.0);
    }

    /** The sum of every series whose text starts with the prefix (a name, or a name and its first labels). */
    private static double sum(Map<String, Double> metrics, String prefix) {
        return metrics.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToDouble(Map.Entry::getValue).sum();
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
