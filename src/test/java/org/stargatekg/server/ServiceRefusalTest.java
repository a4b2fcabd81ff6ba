package org.stargatekg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.support.RunningServer;

/**
 * SERVICE is refused in every form it can take (a constant IRI, a variable, inside a subquery, SILENT) and the
 * server never opens a connection: a listener on a loopback port counts the connections it accepts.
 */
class ServiceRefusalTest {

    @RegisterExtension
    static final RunningServer server = RunningServer.extension();
    private static ServerSocket listener;
    private static final AtomicInteger connections = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket s = listener.accept()) {
                    connections.incrementAndGet();
                } catch (SocketException closed) {
                    return;
                } catch (IOException ex) {
                    // keep accepting
                }
            }
        }, "service-target");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterAll
    static void stop() throws IOException {
        listener.close();
    }

    private static String target() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    private static String describe(HttpResponse<String> r) {
        return "HTTP " + r.statusCode() + "\n" + r.body();
    }

    @Test
    void service_calls_in_every_form_are_refused_without_a_connection() {
        List<String> queries = List.of(
                "SELECT * { SERVICE <" + target() + "/> { ?s ?p ?o } }",
                "SELECT * { SERVICE <" + target() + "/sparql> { ?s ?p ?o } }",
                "SELECT * { SERVICE <http://localhost:" + listener.getLocalPort() + "/sparql> { ?s ?p ?o } }",
                "SELECT * { SERVICE <http://[::1]:" + listener.getLocalPort() + "/sparql> { ?s ?p ?o } }",
                "SELECT * { { SELECT * { SERVICE <" + target() + "/sparql> { ?s ?p ?o } } LIMIT 1 } }",
                "SELECT * { BIND(<" + target() + "/sparql> AS ?u) SERVICE ?u { ?s ?p ?o } }",
                "SELECT * { VALUES ?u { <" + target() + "/a> <" + target() + "/b> } SERVICE ?u { ?s ?p ?o } }",
                "SELECT * { OPTIONAL { SERVICE <" + target() + "/> { ?s ?p ?o } } }",
                "ASK { SERVICE <" + target() + "/> { ?s ?p ?o } }",
                "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <" + target() + "/> { ?s ?p ?o } }",
                "SELECT * { SERVICE <" + server.uri("/sparql") + "> { ?s ?p ?o } }");
        for (String q : queries) {
            HttpResponse<String> response = server.query(q, RunningServer.JSON);
            assertNotEquals(200, response.statusCode(), () -> q + "\n" + describe(response));
            assertFalse(response.statusCode() >= 500, () -> "a SERVICE query should be a client error\n" + q + "\n" + describe(response));
        }
        assertEquals(0, connections.get(), "connections the server opened to the SERVICE target");
    }

    /** Where SERVICE sits in a filter or is SILENT, its error is swallowed: the answer may be 200, but it holds nothing from outside. */
    @Test
    void silent_service_and_service_in_a_filter_answer_without_outside_data_and_without_a_connection() {
        List<String> queries = List.of(
                "SELECT ?o { SERVICE SILENT <" + target() + "/> { ?s ?p ?o } }",
                "SELECT ?x { ?x ?y ?z FILTER EXISTS { SERVICE <" + target() + "/> { ?s ?p ?o } } } LIMIT 1");
        for (String q : queries) {
            HttpResponse<String> response = server.query(q, RunningServer.JSON);
            assertFalse(response.statusCode() >= 500, () -> q + "\n" + describe(response));
            assertFalse(response.body().contains("\"type\""), () -> "the query produced bindings\n" + q + "\n" + describe(response));
        }
        assertEquals(0, connections.get(), "connections the server opened to the SERVICE target");
    }
}
