package org.stargatekg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.support.RunningServer;

/** Every way of writing over HTTP is refused with a 4xx, and a checksum of all quads is the same before and after. */
class RefusedWritesTest {

    @RegisterExtension
    static final RunningServer server = RunningServer.extension();
    private static String checksum;

    @BeforeAll
    static void start() {
        checksum = server.quadChecksum();
    }


    private static void assertRefusedAndUnchanged(HttpResponse<String> response) {
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500,
                   () -> "expected 4xx, got HTTP " + response.statusCode() + "\n" + response.body());
        assertEquals(checksum, server.quadChecksum(), "the quads changed after a refused write");
    }

    private static HttpResponse<String> update(String update) {
        return server.send("POST", "/sparql", "application/sparql-update", update);
    }

    @Test
    void update_request_leaves_every_quad_unchanged() {
        assertRefusedAndUnchanged(update("INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> <urn:x:o> } }"));
    }

    @Test
    void delete_where_update_leaves_every_quad_unchanged() {
        assertRefusedAndUnchanged(update("DELETE WHERE { GRAPH ?g { ?s ?p ?o } }"));
    }

    @Test
    void update_as_form_parameter_leaves_every_quad_unchanged() {
        assertRefusedAndUnchanged(server.send("POST", "/sparql", "application/x-www-form-urlencoded",
                                              "update=" + RunningServer.encode("CLEAR ALL")));
    }

    @Test
    void update_as_get_parameter_leaves_every_quad_unchanged() {
        assertRefusedAndUnchanged(server.get("/sparql?update=" + RunningServer.encode("CLEAR ALL"), RunningServer.JSON));
    }

    @Test
    void load_request_leaves_every_quad_unchanged() {
        assertRefusedAndUnchanged(update("LOAD <http://127.0.0.1:9/data.ttl> INTO GRAPH <urn:x:g>"));
    }

    @Test
    void clear_request_leaves_every_quad_unchanged() {
        assertRefusedAndUnchanged(update("CLEAR ALL"));
        assertRefusedAndUnchanged(update("DROP GRAPH <" + server.base() + "graph/ontology>"));
    }

    @Test
    void clear_sent_as_a_query_leaves_every_quad_unchanged() {
        assertRefusedAndUnchanged(server.query("CLEAR ALL", RunningServer.JSON));
    }

    @Test
    void graph_store_put_leaves_every_quad_unchanged() {
        assertRefusedAndUnchanged(server.send("PUT", "/data?graph=" + RunningServer.encode(server.base() + "graph/ontology"),
                                              "text/turtle", "<urn:x:s> <urn:x:p> <urn:x:o> ."));
    }

    @Test
    void graph_store_post_leaves_every_quad_unchanged() {
        assertRefusedAndUnchanged(server.send("POST", "/data?graph=" + RunningServer.encode("urn:x:new"),
                                              "text/turtle", "<urn:x:s> <urn:x:p> <urn:x:o> ."));
        assertRefusedAndUnchanged(server.send("POST", "/data?default", "application/n-quads",
                                              "<urn:x:s> <urn:x:p> <urn:x:o> <urn:x:g> ."));
    }

    @Test
    void graph_store_delete_leaves_every_quad_unchanged() {
        assertRefusedAndUnchanged(server.send(HttpRequest.newBuilder(
                server.uri("/data?graph=" + RunningServer.encode(server.base() + "graph/ontology"))).DELETE().build()));
        assertRefusedAndUnchanged(server.send(HttpRequest.newBuilder(server.uri("/data?default")).DELETE().build()));
    }

    @Test
    void writes_to_pages_and_unknown_paths_leave_every_quad_unchanged() {
        for (String path : new String[] { "/", "/id/elon-musk", "/update", "/upload", "/$/datasets" })
            assertRefusedAndUnchanged(server.send("POST", path, "text/turtle", "<urn:x:s> <urn:x:p> <urn:x:o> ."));
    }
}
