package org.stargatekg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.support.RunningServer;

/** Settings from the configuration reach the running server: the query timeout and the bound interface. */
class ServerConfigurationTest {

    @RegisterExtension
    static final RunningServer server = RunningServer.extension().timeout(Duration.ofSeconds(1));

    @Test
    void query_running_past_the_timeout_is_cancelled() {
        long started = System.nanoTime();
        HttpResponse<String> response = server.query(
                "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }", RunningServer.JSON);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertNotEquals(200, response.statusCode(), () -> "a query of ~10^13 rows finished: " + response.body());
        assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "cancelled only after " + took);
    }

    @Test
    void server_listens_on_the_loopback_address_only() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
            assertTrue(socket.isConnected());
        }
        // 127.0.0.2 is another loopback address: a server bound to 127.0.0.1 alone must not answer there.
        assertThrows(IOException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.2", server.port()), 2000);
            }
        });
    }

    @Test
    void sparql_endpoint_is_at_the_root_path() {
        HttpResponse<String> response = server.get("/sparql?query=" + RunningServer.encode("ASK {}"), RunningServer.JSON);
        assertEquals(200, response.statusCode(), response::body);
        assertTrue(response.body().contains("true"), response::body);
    }
}
