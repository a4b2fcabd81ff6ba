package org.stargatekg.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stargatekg.support.RunningServer;

/**
 * Nothing a client sends is reflected into an answer, and TRACE is refused (issue 15, finding 7: {@code stylesheet=}
 * landed verbatim in an XML answer's {@code <?xml-stylesheet?>}, {@code callback=} before a JSON answer, and TRACE
 * echoed the request's headers); a compressed body, which Fuseki would inflate without bound, is refused too.
 */
class RefusedRequestsTest {

    private static final String PROBE = "</x><script>alert('probe-7')</script>";
    @RegisterExtension
    static final RunningServer server = RunningServer.extension();

    @ParameterizedTest
    @ValueSource(strings = {"/", "/sparql", "/sparql?query=ASK%7B%7D", "/id/elon-musk", "/data", "/$/ping", "/static/style.css"})
    void trace_is_refused_and_echoes_nothing(String path) {
        String answer = rawRequest("TRACE " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Probe: " + PROBE + "\r\nConnection: close\r\n\r\n");
        assertEquals(405, RunningServer.status(answer), answer);
        assertFalse(answer.contains("probe-7"), "TRACE echoed the request:\n" + answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stylesheet", "callback"})
    void reflected_parameters_are_refused(String parameter) {
        for (String accept : new String[] {"application/sparql-results+xml", RunningServer.JSON, "text/html"}) {
            HttpResponse<String> response = server.get("/sparql?query=" + RunningServer.encode("SELECT * { ?s ?p ?o } LIMIT 1")
                                                       + "&" + parameter + "=" + RunningServer.encode(PROBE), accept);
            assertEquals(400, response.statusCode(), response::body);
            assertFalse(response.body().contains("probe-7"), "reflected: " + response.body());
        }
        HttpResponse<String> form = server.send(HttpRequest.newBuilder(server.uri("/sparql"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/sparql-results+xml")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + RunningServer.encode("ASK {}") + "&" + parameter + "=" + RunningServer.encode(PROBE)))
                .build());
        assertEquals(400, form.statusCode(), form::body);
        assertFalse(form.body().contains("probe-7"), "reflected: " + form.body());
    }

    @Test
    void answers_without_those_parameters_are_served() {
        HttpResponse<String> xml = server.get("/sparql?query=" + RunningServer.encode("ASK {}"), "application/sparql-results+xml");
        assertEquals(200, xml.statusCode(), xml::body);
        assertFalse(xml.body().contains("xml-stylesheet"), xml.body());
    }

    @Test
    void compressed_body_is_refused_before_it_is_inflated() throws IOException {
        // 1 MiB of zeros compresses to about 1 KiB: a bomb of any size would be as small.
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(("# " + "x".repeat(1 << 20) + "\nASK {}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/sparql"))
                .header("Content-Type", "application/sparql-query").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray())).build());
        assertEquals(415, response.statusCode(), response::body);
    }

    private static String rawRequest(String request) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
