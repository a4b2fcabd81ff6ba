package org.stargatekg.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stargatekg.support.RunningServer;

/**
 * Fuseki's {@code timeout} parameter, in its one- and two-value forms, by GET or in a form, and any header a client
 * might try, can lower the server's query timeout but never lift it (issue 15, finding 1: {@code timeout=60,60} ran a
 * cross product for 60 s on a server started with {@code --timeout 5}).
 */
class ClientTimeoutCeilingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** Generous for a machine shared with other builds, and still far below the 60 s asked for. */
    private static final long SLACK_MILLIS = 4000;
    /** A triple cross join over some 2,600 quads: billions of rows, far past any timeout. */
    static final String SLOW = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    @RegisterExtension
    static final RunningServer server = RunningServer.extension().timeout(TIMEOUT);

    private static void assertCutAtTheServerTimeout(HttpRequest request, String what) {
        long start = System.nanoTime();
        HttpResponse<String> response = server.send(request);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, response.statusCode(), what + ": " + response.body());
        assertTrue(millis < TIMEOUT.toMillis() + SLACK_MILLIS, what + " ran " + millis + " ms on a server with a " + TIMEOUT.toMillis() + " ms timeout");
    }

    @ParameterizedTest
    @ValueSource(strings = {"60", "60,60", "60000,60000", "0,60", "60,0", "-1,-1", "0"})
    void timeout_parameter_by_get_cannot_lift_the_server_timeout(String timeout) {
        String uri = "/sparql?timeout=" + RunningServer.encode(timeout) + "&query=" + RunningServer.encode(SLOW);
        assertCutAtTheServerTimeout(HttpRequest.newBuilder(server.uri(uri)).header("Accept", RunningServer.JSON).build(), "timeout=" + timeout);
    }

    @ParameterizedTest
    @ValueSource(strings = {"60", "60,60", "60000,60000"})
    void timeout_parameter_in_a_form_cannot_lift_the_server_timeout(String timeout) {
        String form = "timeout=" + RunningServer.encode(timeout) + "&query=" + RunningServer.encode(SLOW);
        assertCutAtTheServerTimeout(HttpRequest.newBuilder(server.uri("/sparql"))
                                               .header("Content-Type", "application/x-www-form-urlencoded")
                                               .POST(HttpRequest.BodyPublishers.ofString(form)).build(), "form timeout=" + timeout);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Timeout", "X-Timeout", "Query-Timeout"})
    void timeout_headers_cannot_lift_the_server_timeout(String header) {
        assertCutAtTheServerTimeout(HttpRequest.newBuilder(server.uri("/sparql")).header(header, "60,60")
                                               .header("Content-Type", "application/sparql-query")
                                               .POST(HttpRequest.BodyPublishers.ofString(SLOW)).build(), header + " header");
    }

    @org.junit.jupiter.api.Test
    void timeout_parameter_can_lower_the_server_timeout() {
        try (RunningServer patient = RunningServer.startWith(b -> b.queryTimeout(Duration.ofSeconds(30)))) {
            long start = System.nanoTime();
            HttpResponse<String> response = patient.get("/sparql?timeout=1&query=" + RunningServer.encode(SLOW), RunningServer.JSON);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(503, response.statusCode(), response::body);
            assertTrue(millis < 1000 + SLACK_MILLIS, "timeout=1 on a 30 s server took " + millis + " ms");
        }
    }
}
