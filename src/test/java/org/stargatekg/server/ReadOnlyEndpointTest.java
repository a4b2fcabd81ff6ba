package org.stargatekg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.support.RunningServer;

/** The HTTP surface: SPARQL query at /sparql in every results format, GSP reads at /data, and nothing that writes or reaches out. */
class ReadOnlyEndpointTest {

    private static final String COUNT_ALL = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }";
    @RegisterExtension
    static final RunningServer server = RunningServer.extension();

    private static String describe(HttpResponse<String> response) {
        return "HTTP " + response.statusCode() + " " + response.headers().firstValue("Content-Type").orElse("") + "\n" + response.body();
    }

    private static void assertClientError(HttpResponse<String> response) {
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, () -> "expected 4xx, got " + describe(response));
    }

    @Test
    void update_request_is_refused() {
        long before = server.count(COUNT_ALL);
        HttpResponse<String> response = server.send("POST", "/sparql", "application/sparql-update",
                                                     "INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }");
        assertClientError(response);
        assertEquals(before, server.count(COUNT_ALL), "data changed after a refused update");
    }

    @Test
    void update_form_parameter_is_refused() {
        long before = server.count(COUNT_ALL);
        HttpResponse<String> response = server.send("POST", "/sparql", "application/x-www-form-urlencoded",
                                                     "update=" + RunningServer.encode("INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }"));
        assertClientError(response);
        assertEquals(before, server.count(COUNT_ALL), "data changed after a refused update");
    }

    @Test
    void update_at_the_dataset_root_and_an_update_path_is_not_served() {
        for (String path : new String[] { "/", "/update", "/sparql/update" }) {
            HttpResponse<String> response = server.send("POST", path, "application/sparql-update",
                                                        "INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }");
            assertClientError(response);
        }
        assertEquals(0, server.count("SELECT (COUNT(*) AS ?n) { <urn:x:s> ?p ?o }"));
    }

    @Test
    void query_by_get_and_by_post_form_and_post_body_agree() {
        long byGet = server.count(COUNT_ALL);
        HttpResponse<String> form = server.send("POST", "/sparql", "application/x-www-form-urlencoded",
                                                "query=" + RunningServer.encode(COUNT_ALL));
        HttpResponse<String> body = server.send("POST", "/sparql", "application/sparql-query", COUNT_ALL);
        assertEquals(200, form.statusCode(), () -> describe(form));
        assertEquals(200, body.statusCode(), () -> describe(body));
        assertTrue(byGet > 0, "the union default graph is empty");
        assertTrue(form.body().contains("\"" + byGet + "\""), () -> describe(form));
        assertTrue(body.body().contains("\"" + byGet + "\""), () -> describe(body));
    }

    @Test
    void query_results_come_as_json_xml_csv_and_tsv_by_accept_and_by_format() {
        String[][] cases = {
            { "application/sparql-results+json", "json", "\"vars\"" },
            { "application/sparql-results+xml", "xml", "<sparql" },
            { "text/csv", "csv", "n\r\n" },
            { "text/tab-separated-values", "tsv", "?n\n" },
        };
        for (String[] c : cases) {
            HttpResponse<String> byAccept = server.query(COUNT_ALL, c[0]);
            assertEquals(200, byAccept.statusCode(), () -> describe(byAccept));
            assertTrue(byAccept.headers().firstValue("Content-Type").orElse("").startsWith(c[0]), () -> describe(byAccept));
            assertTrue(byAccept.body().contains(c[2]), () -> describe(byAccept));

            HttpResponse<String> byFormat = server.get("/sparql?format=" + c[1] + "&query=" + RunningServer.encode(COUNT_ALL), "*/*");
            assertEquals(200, byFormat.statusCode(), () -> describe(byFormat));
            assertTrue(byFormat.body().contains(c[2]), () -> c[1] + ": " + describe(byFormat));
        }
    }

    @Test
    void syntax_error_query_gets_400_with_the_parser_message() {
        HttpResponse<String> response = server.query("SELECT * WHERE { ?s ?p }", RunningServer.JSON);
        assertEquals(400, response.statusCode(), () -> describe(response));
        assertTrue(response.body().contains("Parse error") && response.body().contains("line 1, column"), () -> describe(response));
    }

    @Test
    void service_query_is_refused_and_makes_no_connection() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(1500);
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return listener.accept();
                } catch (SocketTimeoutException ex) {
                    return null;
                } catch (IOException ex) {
                    return null;
                }
            });
            String target = "http://127.0.0.1:" + listener.getLocalPort() + "/sparql";
            HttpResponse<String> response = server.query("SELECT * { SERVICE <" + target + "> { ?s ?p ?o } }", RunningServer.JSON);
            assertNotEquals(200, response.statusCode(), () -> describe(response));
            assertTrue(response.body().contains("SERVICE"), () -> describe(response));
            Socket socket = accepted.get(5, TimeUnit.SECONDS);
            if (socket != null)
                socket.close();
            assertNull(socket, "the server opened a connection to the SERVICE target");
        }
    }

    @Test
    void graph_store_read_returns_a_named_graph() {
        String graph = server.base() + "graph/ontology";
        HttpResponse<String> response = server.get("/data?graph=" + RunningServer.encode(graph), "application/n-triples");
        assertEquals(200, response.statusCode(), () -> describe(response));
        long lines = response.body().lines().filter(l -> !l.isBlank()).count();
        long expected = server.count("SELECT (COUNT(*) AS ?n) { GRAPH <" + graph + "> { ?s ?p ?o } }");
        assertEquals(expected, lines, "triples returned by GSP vs. counted by SPARQL");
    }

    @Test
    void graph_store_put_post_and_delete_are_refused() {
        String target = "/data?graph=" + RunningServer.encode(server.base() + "graph/ontology");
        long before = server.count(COUNT_ALL);
        for (String method : new String[] { "PUT", "POST" }) {
            HttpResponse<String> response = server.send(method, target, "text/turtle", "<urn:x:s> <urn:x:p> <urn:x:o> .");
            assertClientError(response);
        }
        HttpResponse<String> delete = server.send(HttpRequest.newBuilder(server.uri(target)).DELETE().build());
        assertClientError(delete);
        HttpResponse<String> upload = server.send("POST", "/data?default", "text/turtle", "<urn:x:s> <urn:x:p> <urn:x:o> .");
        assertClientError(upload);
        assertEquals(before, server.count(COUNT_ALL), "data changed after refused writes");
    }

    @Test
    void admin_paths_are_absent() {
        // /$/ping and /$/metrics are ours (OperationsTest); Fuseki's admin and statistics paths stay absent.
        for (String path : new String[] { "/$/datasets", "/$/server", "/$/stats", "/$/backup", "/$/compact" }) {
            HttpResponse<String> response = server.get(path, "*/*");
            assertEquals(404, response.statusCode(), () -> path + ": " + describe(response));
        }
    }
}
