package org.stargatekg.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.support.LogCapture;
import org.stargatekg.support.RunningServer;

/** Accept headers as the server reads them on every path (issue 23, findings 3 and 7). */
class AcceptHeaderTest {

    @RegisterExtension
    static final RunningServer server = RunningServer.extension();

    private static final String QUERY = "/sparql?query=" + RunningServer.encode("SELECT * { ?s ?p ?o } LIMIT 1");

    private static HttpResponse<String> get(String path, String accept) {
        return server.send(HttpRequest.newBuilder(server.uri(path)).header("Accept", accept).GET().build());
    }

    @Test
    void accept_header_of_three_thousand_types_gets_400_without_a_stack_trace() {
        String accept = String.join(", ", Collections.nCopies(3000, "x/a;q=.5"));
        try (LogCapture log = new LogCapture()) {
            for (String path : new String[] {QUERY, "/id/elon-musk", "/", "/search?q=musk", "/.well-known/void", "/data"}) {
                HttpResponse<String> r = get(path, accept);
                assertEquals(400, r.statusCode(), path + ": " + r.body());
            }
            assertTrue(log.lines().stream().noneMatch(l -> l.thrown() != null), "stack traces: " + log.lines());
        }
    }

    @Test
    void one_hundred_types_are_read_and_one_more_is_refused() {
        String hundred = String.join(", ", Collections.nCopies(99, "application/x-a")) + ", text/csv";
        HttpResponse<String> ok = get(QUERY, hundred);
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(400, get(QUERY, hundred + ", text/csv").statusCode());
    }

    @Test
    void csv_with_q_zero_is_not_sent() {
        HttpResponse<String> r = get(QUERY, "text/csv;q=0");
        assertEquals(406, r.statusCode(), r.body());
        HttpResponse<String> other = get(QUERY, "text/csv;q=0, */*;q=0.5");
        assertEquals(200, other.statusCode(), other.body());
        assertTrue(!other.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), "CSV sent: " + other.headers().map());
        HttpResponse<String> page = get("/id/elon-musk", "text/turtle;q=0, application/n-triples;q=0.5");
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("application/n-triples"), "page type: " + page.headers().map());
    }

    @Test
    void media_types_are_case_insensitive() {
        HttpResponse<String> r = get(QUERY, "TEXT/CSV");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), "type: " + r.headers().map());
        HttpResponse<String> page = get("/id/elon-musk", "Text/Turtle");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"), "page type: " + page.headers().map());
    }
}
