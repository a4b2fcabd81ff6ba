package org.stargatekg.web;

import org.stargatekg.http.Headers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.support.RunningServer;

/** Every response carries the CSP, nosniff and frame headers: pages, Fuseki's answers, static files, 404s and errors. */
class SecurityHeadersTest {

    @RegisterExtension
    static final RunningServer server = RunningServer.extension();

    private static void assertSecured(String what, HttpResponse<String> response) {
        assertEquals(Headers.CSP, response.headers().firstValue("Content-Security-Policy").orElse(null), what);
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null), what);
        assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(null), what);
    }

    @Test
    void every_kind_of_response_carries_the_security_headers() throws Exception {
        String query = RunningServer.encode("SELECT * { ?s ?p ?o } LIMIT 1");
        Map<String, HttpResponse<String>> responses = new LinkedHashMap<>();
        responses.put("home page", server.get("/", "text/html"));
        responses.put("resource page", server.get("/id/elon-musk", "text/html"));
        responses.put("resource as Turtle", server.get("/id/elon-musk.ttl", "*/*"));
        responses.put("graph view", server.get("/explore", "text/html"));
        responses.put("SPARQL editor", server.get("/sparql", "text/html"));
        responses.put("static file", server.get("/static/style.css", "*/*"));
        responses.put("query result", server.get("/sparql?query=" + query, RunningServer.JSON));
        responses.put("graph store read", server.get("/data?graph=" + RunningServer.encode(server.base() + "graph/ontology"), "text/turtle"));
        responses.put("404 page", server.get("/id/no-such-thing", "text/html"));
        responses.put("404 text", server.get("/id/no-such-thing", "text/turtle"));
        responses.put("404 admin", server.get("/$/datasets", "*/*"));
        responses.put("406", server.get("/id/elon-musk", "image/png"));
        responses.put("400 syntax error", server.get("/sparql?query=SELECT", RunningServer.JSON));
        responses.put("400 ambiguous URI", server.get("/static/%2e%2e/pom.xml", "*/*"));
        responses.put("404 climbing path", server.get("/static/../pom.xml", "*/*"));
        responses.put("405 update", server.send("POST", "/sparql", "application/sparql-update", "CLEAR ALL"));
        responses.put("414 URL", server.get("/id/" + "x".repeat(70_000), "text/html"));
        responses.put("431 headers", server.send(HttpRequest.newBuilder(server.uri("/")).header("X-Pad", "y".repeat(70_000)).build()));
        responses.put("411 chunked body", server.sendOnNewConnection(HttpRequest.newBuilder(server.uri("/sparql"))
                .header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream("ASK {}".getBytes()))).build()));
        responses.forEach(SecurityHeadersTest::assertSecured);
    }

    /** Requests sent byte for byte: bad percent-encodings, a NUL in the path, and a body announced over the limit (413). */
    @Test
    void refusals_of_malformed_urls_carry_the_security_headers() {
        for (String path : new String[] { "/data?graph=%zz", "/sparql?query=%", "/static/style.css%00", "/%c0%ae%c0%ae/pom.xml", "413" }) {
            String response = path.equals("413") ? server.rawPostHead("/sparql", "application/sparql-query", 2 << 20)
                                                 : server.rawGet(path);
            String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase();
            org.junit.jupiter.api.Assertions.assertTrue(RunningServer.status(response) >= 400, path + "\n" + response);
            for (String header : new String[] { "content-security-policy: " + Headers.CSP.toLowerCase(), "x-content-type-options: nosniff",
                                                "x-frame-options: deny" })
                org.junit.jupiter.api.Assertions.assertTrue(head.contains(header), () -> path + " lacks " + header + "\n" + head);
        }
    }
}
