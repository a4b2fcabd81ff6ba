package org.stargatekg.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.stargatekg.load.KnowledgeGraph;
import org.stargatekg.load.KnowledgeGraphLoader;
import org.stargatekg.server.StargateServer;
import org.stargatekg.support.RunningServer;
import org.stargatekg.vocab.Namespaces;

/** Stopping the server (as the SIGTERM hook does) lets a query in flight finish before the connectors close. */
class GracefulStopTest {

    /**
     * A cross product of the union with itself, each row through a filter: seconds of work, so still in flight when stop
     * is called right after the server reports it running; the server's timeout is long enough for the busiest machine.
     */
    private static final String SLOW = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f FILTER (STRLEN(STR(?c)) + STRLEN(STR(?f)) > 0) }";

    @Test
    void stop_lets_a_query_in_flight_finish() throws Exception {
        KnowledgeGraph graph = KnowledgeGraphLoader.shipped(Namespaces.standard()).load();
        StargateServer server = StargateServer.create().port(0).graph(graph).queryTimeout(Duration.ofMinutes(10)).stopTimeout(Duration.ofMinutes(10)).build().start();
        int port = server.port();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sparql?query=" + RunningServer.encode(SLOW)))
                                         .header("Accept", RunningServer.JSON).GET().build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest ping = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/$/ping")).GET().build();
        assertEquals(200, client.send(ping, HttpResponse.BodyHandlers.ofString()).statusCode());
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        RunningServer.awaitGauge(port, "queries_running", n -> n >= 1, Duration.ofMinutes(1));
        assertTrue(!inFlight.isDone(), "the query finished before stop was called; the test proves nothing");
        server.stop();
        HttpResponse<String> response = inFlight.get(10, TimeUnit.MINUTES);
        System.out.println("slow query answered after " + (System.nanoTime() - start) / 1_000_000 + " ms");
        assertEquals(200, response.statusCode(), response::body);
        assertTrue(response.body().contains("\"n\""), response::body);
    }
}
