package org.stargatekg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.support.RunningServer;

/** URLs, headers and bodies over the limits get 413, 414 and 431; requests just under them are served. */
class RequestLimitsTest {

    @RegisterExtension
    static final RunningServer server = RunningServer.extension();

    /** A query of about the given length: ASK {} behind a comment that pads it. */
    private static String paddedQuery(int length) {
        return "# " + "x".repeat(Math.max(0, length - 10)) + "\nASK {}";
    }

    @Test
    void url_over_64_kib_gets_414() {
        HttpResponse<String> response = server.get("/sparql?query=" + RunningServer.encode(paddedQuery(70_000)), RunningServer.JSON);
        assertEquals(414, response.statusCode(), response::body);
        HttpResponse<String> page = server.get("/id/" + "x".repeat(70_000), "text/html");
        assertEquals(414, page.statusCode());
    }

    @Test
    void url_under_the_limit_is_served() {
        HttpResponse<String> response = server.get("/sparql?query=" + RunningServer.encode(paddedQuery(60_000)), RunningServer.JSON);
        assertEquals(200, response.statusCode(), response::body);
    }

    @Test
    void headers_over_64_kib_get_431() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/")).header("X-Padding", "y".repeat(70_000)).build());
        assertEquals(431, response.statusCode());
    }

    @Test
    void query_body_over_1_mib_gets_413() {
        String response = server.rawPostHead("/sparql", "application/sparql-query", 2 << 20);
        assertEquals(413, RunningServer.status(response), response);
    }

    @Test
    void form_body_over_1_mib_gets_413() {
        String response = server.rawPostHead("/sparql", "application/x-www-form-urlencoded", 2 << 20);
        assertEquals(413, RunningServer.status(response), response);
    }

    /** A body of unknown length: the client sends it chunked, without Content-Length. */
    private static HttpResponse<String> sendChunked(String query) {
        byte[] body = query.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(server.uri("/sparql"))
                .header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build();
        return server.sendOnNewConnection(request);
    }

    @Test
    void chunked_body_gets_411_length_required() {
        assertEquals(411, sendChunked(paddedQuery(100)).statusCode());
    }

    @Test
    void chunked_body_over_1_mib_gets_413() {
        assertEquals(413, sendChunked(paddedQuery(2 << 20)).statusCode());
    }

    @Test
    void query_body_under_the_limit_is_served() {
        HttpResponse<String> response = server.send("POST", "/sparql", "application/sparql-query", paddedQuery(900_000));
        assertEquals(200, response.statusCode(), response::body);
        assertTrue(response.body().contains("true"), response::body);
    }
}
