package org.stargatekg.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.backend.RemoteBackend;
import org.stargatekg.server.StargateServer;
import org.stargatekg.support.RunningServer;
import org.stargatekg.vocab.Namespaces;

/**
 * Through an external store, a SELECT answer streams from the store to the client instead of being held whole
 * (issue 23, finding 6: a 3,000,000-row answer grew the front server's heap from 40 MB to 2.6 GB), and an answer the
 * store cuts off ends as a cut answer or a 503, never a 500.
 */
class StreamedAnswersTest {

    @RegisterExtension
    static final RunningServer store = RunningServer.extension().timeout(Duration.ofSeconds(120));
    private static StargateServer through;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CROSS = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }";

    @BeforeAll
    static void start() {
        RemoteStore remote = RemoteStore.at(store.uri("/sparql").toString(), Namespaces.STANDARD + "graph/");
        RemoteBackend backend = new RemoteBackend(remote, Namespaces.standard(), Duration.ofHours(1));
        through = StargateServer.create().port(0).backend(backend).responseCache(false).queryTimeout(Duration.ofSeconds(60)).build().start();
    }

    @AfterAll
    static void stop() {
        if (through != null)
            through.stop();
    }

    private static HttpResponse<InputStream> ask(String query) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + through.port() + "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(uri).header("Accept", "text/csv").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    /**
     * Proof of streaming: the first rows of an answer the store takes a long time to send all of (2,000,000 rows) reach
     * the client long before the store could have sent the rest; held whole, nothing came until the store was done.
     */
    @Test
    void the_first_rows_arrive_before_the_store_has_sent_them_all() throws Exception {
        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long base = memory.getHeapMemoryUsage().getUsed();
        long start = System.nanoTime();
        HttpResponse<InputStream> r = ask(CROSS + " LIMIT 2000000");
        assertEquals(200, r.statusCode());
        long rows = 0;
        long peak = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            while (rows < 50_001 && in.readLine() != null) {
                if (++rows % 5_000 == 0)
                    peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed() - base);
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("first 50,000 of 2,000,000 rows through the store in " + millis + " ms, heap grew at most " + peak / (1 << 20) + " MiB");
        assertEquals(50_001, rows);
        // The store sends about 10,000 rows a second here: all 2,000,000 take minutes.
        assertTrue(millis < 60_000, "the first rows took " + millis + " ms");
    }

    /** CONSTRUCT and DESCRIBE with a pattern are built from rows streamed from the store: the same graphs as the store's own. */
    @Test
    void construct_and_describe_through_the_store_give_the_graphs_the_store_itself_gives() throws Exception {
        String sg = "PREFIX sg: <https://w3id.org/stargate-kg/ontology/> ";
        for (String query : new String[] {
                sg + "CONSTRUCT { ?s sg:said ?q } WHERE { ?q a sg:Statement ; sg:speaker ?s }",
                "CONSTRUCT { ?a <urn:x:near> ?c } WHERE { ?a ?b ?c . ?d ?e ?f FILTER(isIRI(?c)) } LIMIT 30000",
                sg + "DESCRIBE ?x WHERE { ?x a sg:Statement }",
                "DESCRIBE <" + store.base() + "id/sam-altman>" }) {
            org.apache.jena.graph.Graph here = graph("http://127.0.0.1:" + through.port(), query);
            org.apache.jena.graph.Graph there = graph(store.address(""), query);
            assertTrue(there.size() > 0, "the store answered nothing to " + query);
            assertTrue(org.apache.jena.sparql.util.IsoMatcher.isomorphic(there, here),
                       query + ": " + here.size() + " triples through the store, " + there.size() + " from it");
        }
    }

    private static org.apache.jena.graph.Graph graph(String server, String query) throws Exception {
        URI uri = URI.create(server + "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).header("Accept", "application/n-triples").GET().build(),
                                           HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r::body);
        return org.apache.jena.riot.RDFParser.fromString(r.body(), org.apache.jena.riot.Lang.NTRIPLES).toGraph();
    }

    @Test
    void an_answer_the_store_cuts_off_is_never_a_500() throws Exception {
        RunningServer hasty = RunningServer.startWith(b -> b.queryTimeout(Duration.ofSeconds(2)));
        RemoteStore remote = RemoteStore.at(hasty.uri("/sparql").toString(), Namespaces.STANDARD + "graph/");
        StargateServer front = StargateServer.create().port(0).backend(new RemoteBackend(remote, Namespaces.standard(), Duration.ofHours(1)))
                                             .responseCache(false).queryTimeout(Duration.ofSeconds(60)).build().start();
        try {
            cutOff(front);
        } finally {
            front.stop();
            hasty.close();
        }
    }

    private static void cutOff(StargateServer front) throws Exception {
        long start = System.nanoTime();
        int status;
        String outcome;
        try {
            URI uri = URI.create("http://127.0.0.1:" + front.port() + "/sparql?query="
                                 + URLEncoder.encode("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", StandardCharsets.UTF_8));
            HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(uri).header("Accept", "text/csv").GET().build(),
                                                    HttpResponse.BodyHandlers.ofInputStream());
            status = r.statusCode();
            try (InputStream in = r.body()) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
                outcome = "complete";
            } catch (java.io.IOException cut) {
                outcome = "cut: " + cut;
            }
        } catch (java.io.IOException cut) {
            status = -1;
            outcome = "cut before the status: " + cut;
        }
        System.out.println("store timeout: status " + status + ", " + outcome + " after " + (System.nanoTime() - start) / 1_000_000 + " ms");
        assertTrue(status != 500, "500: " + outcome);
        assertTrue(status == 503 || outcome.startsWith("cut"), "status " + status + ", " + outcome);
    }
}
