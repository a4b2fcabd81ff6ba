package org.stargatekg.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.support.RunningServer;

/**
 * A client can always tell an answer cut off by the timeout (issue 15, finding 6: a cross product streamed as JSON
 * answered 200 and ended after 79 MB with a text line that JSON clients cannot notice): a cut within the held start
 * of the answer is a clean 503; past it, the answer ends with Fuseki's marker line and an aborted transfer.
 */
class CutOffAnswerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** A few rows at once, then a triple cross product that finds nothing until long after the timeout. */
    private static final String FEW_THEN_STUCK = "SELECT ?x { { ?x a ?t } UNION { ?a ?b ?c . ?d ?e ?f . ?g ?h ?x "
                                                 + "FILTER(STRLEN(STR(?a)) + STRLEN(STR(?g)) < 0) } }";
    /** Millions of rows streamed: far more than is held back, and more than the timeout allows. */
    private static final String ENDLESS = "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    @RegisterExtension
    static final RunningServer server = RunningServer.extension().timeout(TIMEOUT);

    @Test
    void timeout_before_the_held_start_is_sent_gives_a_clean_503() {
        for (String accept : new String[] {RunningServer.JSON, "text/csv", "application/sparql-results+xml", "text/tab-separated-values"}) {
            HttpResponse<String> response = server.query(FEW_THEN_STUCK, accept);
            assertEquals(503, response.statusCode(), () -> accept + ": " + response.body());
            assertEquals("Query timed out\n", response.body(), accept);
        }
    }

    @Test
    void json_client_cannot_take_a_long_cut_off_answer_for_a_complete_one() {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(server.uri("/sparql?query=" + RunningServer.encode(ENDLESS)))
                                         .header("Accept", RunningServer.JSON).timeout(Duration.ofSeconds(60)).build();
        IOException failure = assertThrows(IOException.class, () -> http.send(request, HttpResponse.BodyHandlers.ofString()));
        System.out.println("The client saw: " + failure);
    }

    @Test
    void long_cut_off_answer_ends_with_the_marker_and_no_final_chunk() throws IOException {
        byte[] raw = rawGet("/sparql?query=" + RunningServer.encode(ENDLESS), "text/csv");
        String text = new String(raw, 0, Math.min(raw.length, 4096), StandardCharsets.ISO_8859_1);
        String head = text.substring(0, Math.max(0, text.indexOf("\r\n\r\n")));
        assertTrue(head.startsWith("HTTP/1.1 200"), head);
        assertTrue(head.toLowerCase().contains("transfer-encoding: chunked"), head);
        String end = new String(raw, Math.max(0, raw.length - 400), Math.min(raw.length, 400), StandardCharsets.ISO_8859_1);
        assertTrue(end.contains(CutOffAnswers.MARKER), "no marker at the end:\n" + end);
        assertFalse(end.endsWith("0\r\n\r\n"), "the transfer ended normally:\n" + end);
    }

    @Test
    void cut_off_answers_are_not_cached() {
        assertEquals(503, server.query(FEW_THEN_STUCK, RunningServer.JSON).statusCode());
        long kept = server.cache().size();
        assertEquals(503, server.query(FEW_THEN_STUCK, RunningServer.JSON).statusCode(), "the second ask got a kept answer");
        assertEquals(kept, server.cache().size());
    }

    @Test
    void complete_answers_are_unchanged() {
        // Some 300 KB of CSV: more than is held back, so it is passed on while it is written.
        HttpResponse<String> response = server.query("SELECT ?s ?p ?o { ?s ?p ?o }", "text/csv");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().length() > 256 * 1024, "length: " + response.body().length());
        assertTrue(response.body().lines().count() > 2600, "rows: " + response.body().lines().count());
        assertFalse(response.body().contains("##"), response.body());
    }

    /** Reads a whole raw response until the server closes the connection (or the read times out). */
    private static byte[] rawGet(String path, String accept) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            // Kept alive (no "Connection: close"), so that the answer is chunked and only an abort ends the read.
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: " + accept
                                            + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[1 << 16];
            try {
                for (int n; (n = in.read(buffer)) > 0;)
                    out.write(buffer, 0, n);
            } catch (IOException reset) {
                // A reset after the marker is one way for the transfer to end abnormally.
            }
            return out.toByteArray();
        }
    }
}
