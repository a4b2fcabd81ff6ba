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
    void chunked_body_over_1_mib_gets_413() throws Exception {
        assertEquals("HTTP/1.1 413 Payload Too Large", chunkedStatusLine(paddedQuery(2 << 20)));
    }

    /**
     * Sends a chunked body on a socket while another thread reads the answer: the server may answer and close before
     * the body ends, and a client that reads only after writing everything would see the reset instead of the answer.
     */
    private static String chunkedStatusLine(String query) throws Exception {
        byte[] body = query.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(60_000);
            java.util.concurrent.CompletableFuture<String> status = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                                                                                      java.nio.charset.StandardCharsets.ISO_8859_1)).readLine();
                } catch (java.io.IOException ex) {
                    return "no answer: " + ex;
                }
            });
            try {
                java.io.OutputStream out = socket.getOutputStream();
                out.write(("POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                           + "Transfer-Encoding: chunked\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                for (int from = 0; from < body.length; from += 16_384) {
                    int n = Math.min(16_384, body.length - from);
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                    out.write(body, from, n);
                    out.write("\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                }
                out.write("0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (java.io.IOException closedEarly) {
                // The server answered and closed before the body ended, as it may.
            }
            return status.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void query_body_under_the_limit_is_served() {
        HttpResponse<String> response = server.send("POST", "/sparql", "application/sparql-query", paddedQuery(900_000));
        assertEquals(200, response.statusCode(), response::body);
        assertTrue(response.body().contains("true"), response::body);
    }
}
