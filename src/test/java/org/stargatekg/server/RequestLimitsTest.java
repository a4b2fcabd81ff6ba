package org.stargatekg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stargatekg.support.RunningServer;

/** URLs, headers and bodies over the limits get 413, 414 and 431; requests just under them are served. */
class RequestLimitsTest {

    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

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
        HttpResponse<String> response = server.send("POST", "/sparql", "application/sparql-query", paddedQuery(2 << 20));
        assertEquals(413, response.statusCode());
    }

    @Test
    void form_body_over_1_mib_gets_413() {
        HttpResponse<String> response = server.send("POST", "/sparql", "application/x-www-form-urlencoded",
                                                    "query=" + RunningServer.encode(paddedQuery(2 << 20)));
        assertEquals(413, response.statusCode());
    }

    @Test
    void chunked_body_gets_411_length_required() {
        byte[] body = paddedQuery(100).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // A publisher of unknown length makes the client send the body chunked, without Content-Length.
        HttpRequest request = HttpRequest.newBuilder(server.uri("/sparql"))
                .header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> response = server.send(request);
        assertEquals(411, response.statusCode());
    }

    @Test
    void query_body_under_the_limit_is_served() {
        HttpResponse<String> response = server.send("POST", "/sparql", "application/sparql-query", paddedQuery(900_000));
        assertEquals(200, response.statusCode(), response::body);
        assertTrue(response.body().contains("true"), response::body);
    }
}
