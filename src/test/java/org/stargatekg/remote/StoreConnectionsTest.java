package org.stargatekg.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * Requests to the store ask it to close the connection after each answer (Nagle's delay on Virtuoso's kept-alive
 * connections, {@link ClosedConnections}): a stand-in store records the {@code Connection} header of each request.
 */
class StoreConnectionsTest {

    private static final String ROWS = """
            <?xml version="1.0"?>
            <sparql xmlns="http://www.w3.org/2005/sparql-results#">
              <head><variable name="x"/></head>
              <results><result><binding name="x"><literal>1</literal></binding></result></results>
            </sparql>
            """;

    private static HttpServer store;
    private static final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        store = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        store.createContext("/sparql", exchange -> {
            seen.add(String.valueOf(exchange.getRequestHeaders().getFirst("Connection")));
            byte[] body = ROWS.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/sparql-results+xml");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        store.start();
    }

    @AfterAll
    static void stop() {
        store.stop(0);
    }

    @BeforeEach
    void forget() {
        seen.clear();
    }

    private static RemoteStore at() {
        return RemoteStore.at("http://127.0.0.1:" + store.getAddress().getPort() + "/sparql", "https://example.org/graph/");
    }

    @Test
    void each_store_request_asks_for_its_connection_to_be_closed() {
        RemoteStore remote = at();
        assertTrue(remote.closesConnections(), "the test JVM sets " + ClosedConnections.PROPERTY + " as the command line does");
        for (int i = 0; i < 3; i++)
            assertEquals(1, remote.select("SELECT ?x WHERE { ?x ?y ?z }").size());
        assertEquals(List.of("close", "close", "close"), seen);
    }

    @Test
    void the_benchmark_baseline_keeps_its_connections_open() {
        RemoteStore remote = at().keepConnections();
        remote.select("SELECT ?x WHERE { ?x ?y ?z }");
        remote.select("SELECT ?x WHERE { ?x ?y ?z }");
        assertTrue(seen.stream().noneMatch("close"::equalsIgnoreCase), seen::toString);
        assertEquals(2, seen.size());
    }
}
