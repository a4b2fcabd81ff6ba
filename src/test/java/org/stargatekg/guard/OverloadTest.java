package org.stargatekg.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stargatekg.support.RunningServer;

/**
 * Slow clients and a pile of expensive queries cannot take the server from everyone else (issue 15, finding 3: 18
 * connections sending a POST body a byte every few seconds, or reading a large CSV a byte every 5 s, held every worker
 * thread, and 24 expensive queries delayed ping by 4 s). Here, on loopback and within about a minute: 24 slow bodies,
 * 24 slow readers and 40 expensive queries at once, while ping, a static file and a cached answer are timed.
 */
class OverloadTest {

    private static final Limits LIMITS = Limits.DEFAULT.withQueries(4, 8, Duration.ofSeconds(2))
                                                       .withSlowClients(Duration.ofSeconds(4), 4096, Duration.ofSeconds(2), Duration.ofSeconds(20));
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    /**
     * Bounds far above an idle answer (on a machine shared with other builds) and far below the failure they guard
     * against: without these limits ping took 18 s here, and requests that never came back.
     */
    // Generous bounds (the machine may be busy): what they catch is waiting behind the slow clients and expensive
    // queries, which takes their whole timeouts; how fast it is stays the benchmark's business.
    private static final long MAX_MILLIS = 10_000;
    private static final long MEDIAN_MILLIS = 3_000;
    private static final String EXPENSIVE = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    private static final String CHEAP = "SELECT ?s { ?s a <http://www.w3.org/2002/07/owl#Class> } LIMIT 3";

    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.startWith(b -> b.queryTimeout(TIMEOUT).limits(LIMITS));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void ping_static_files_and_cached_answers_stay_fast_under_slow_clients_and_expensive_queries() throws Exception {
        // The cache keeps an answer the second time it is asked for (ResponseCache#admit): from then on it is cached.
        for (int i = 0; i < 2; i++)
            assertEquals(200, server.query(CHEAP, RunningServer.JSON).statusCode());
        Map<String, List<Long>> idle = new ConcurrentHashMap<>();
        for (int i = 0; i < 5; i++)
            time(idle, "ping", () -> server.get("/$/ping", "text/plain"));
        System.out.println("ping idle (ms): median " + median(idle.get("ping")));
        ExecutorService pool = Executors.newCachedThreadPool();
        AtomicBoolean storm = new AtomicBoolean(true);
        Map<String, List<Long>> timings = new ConcurrentHashMap<>();
        List<CompletableFuture<String>> slowBodies = new ArrayList<>();
        List<CompletableFuture<Long>> slowReaders = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> expensive = new ArrayList<>();
        try {
            for (int i = 0; i < 24; i++)
                slowBodies.add(CompletableFuture.supplyAsync(OverloadTest::slowBody, pool));
            for (int i = 0; i < 24; i++)
                slowReaders.add(CompletableFuture.supplyAsync(() -> slowReader(storm), pool));
            Thread.sleep(500);
            for (int i = 0; i < 40; i++)
                expensive.add(CompletableFuture.supplyAsync(() -> server.query(EXPENSIVE, RunningServer.JSON), pool));
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            long maxRunning = 0;
            while (System.nanoTime() < end) {
                time(timings, "ping", () -> server.get("/$/ping", "text/plain"));
                time(timings, "static file", () -> server.get("/static/style.css", "text/css"));
                time(timings, "cached answer", () -> server.query(CHEAP, RunningServer.JSON));
                maxRunning = Math.max(maxRunning, gauge("stargate_queries_running"));
                Thread.sleep(200);
            }
            timings.forEach((what, ms) -> System.out.println(what + " under load (ms): median " + median(ms) + ", max " + Collections.max(ms) + " of " + ms.size()));
            for (Map.Entry<String, List<Long>> e : timings.entrySet()) {
                assertTrue(Collections.max(e.getValue()) < MAX_MILLIS, e.getKey() + " took up to " + Collections.max(e.getValue()) + " ms: " + e.getValue());
                assertTrue(median(e.getValue()) < MEDIAN_MILLIS, e.getKey() + " took " + e.getValue() + " ms");
            }
            assertTrue(maxRunning <= LIMITS.concurrentQueries(), "queries evaluated at once: " + maxRunning);

            // Expensive queries: a few run (and time out), the rest are turned away with Retry-After.
            int refused = 0;
            for (CompletableFuture<HttpResponse<String>> f : expensive) {
                HttpResponse<String> r = f.get(30, TimeUnit.SECONDS);
                assertEquals(503, r.statusCode(), r::body);
                if (r.body().startsWith("The server is busy")) {
                    refused++;
                    assertTrue(r.headers().firstValue("Retry-After").isPresent(), "503 without Retry-After");
                }
            }
            System.out.println("expensive queries turned away: " + refused + " of " + expensive.size());
            assertTrue(refused >= expensive.size() - LIMITS.concurrentQueries() - LIMITS.queuedQueries() - 8,
                       "only " + refused + " of " + expensive.size() + " were turned away");

            // Slow bodies were answered 408 once their time was up, without holding a thread meanwhile.
            for (CompletableFuture<String> f : slowBodies) {
                String status = f.get(30, TimeUnit.SECONDS);
                assertTrue(status.startsWith("HTTP/1.1 408"), "a slow body got: " + status);
            }
        } finally {
            storm.set(false);
            pool.shutdownNow();
        }
        // Slow readers are still connected and still not reading, yet no query is left running for them.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(25);
        long running = gauge("stargate_queries_running");
        while (running > 0 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            running = gauge("stargate_queries_running");
        }
        assertEquals(0, running, "queries still held by clients that stopped reading");
        assertEquals(200, server.get("/$/ping", "text/plain").statusCode());
    }

    private static void time(Map<String, List<Long>> timings, String what, java.util.function.Supplier<HttpResponse<String>> request) {
        long start = System.nanoTime();
        HttpResponse<String> r = request.get();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, r.statusCode(), what + ": " + r.body());
        timings.computeIfAbsent(what, k -> Collections.synchronizedList(new ArrayList<>())).add(millis);
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static long gauge(String name) {
        return server.gauge(name);
    }

    /** Sends a POST announcing 200 bytes, one byte a second, and returns the status line it gets back. */
    private static String slowBody() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                       + "Content-Length: 200\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < end) {
                try {
                    out.write('#');
                    out.flush();
                } catch (IOException closed) {
                    // The server may close before the client notices its answer; read it below.
                }
                try {
                    byte[] head = in.readNBytes(12);
                    if (head.length > 0)
                        return new String(head, StandardCharsets.ISO_8859_1);
                    return "closed without an answer";
                } catch (java.net.SocketTimeoutException nothingYet) {
                    // keep trickling
                }
            }
            return "no answer after 20 s";
        } catch (IOException ex) {
            return "failed: " + ex;
        }
    }

    /** Asks for a large CSV answer on a connection with a tiny receive buffer, then reads a byte a second. */
    private static Long slowReader(AtomicBoolean storm) {
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(1024);
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            socket.setSoTimeout(1000);
            String query = RunningServer.encode("SELECT * { ?a ?b ?c . ?d ?e ?f }");
            socket.getOutputStream().write(("GET /sparql?query=" + query + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/csv\r\n\r\n")
                                           .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            long start = System.nanoTime();
            while (storm.get()) {
                try {
                    if (in.read() < 0)
                        break;
                } catch (java.net.SocketTimeoutException nothing) {
                    // nothing to read this second
                }
                Thread.sleep(1000);
            }
            return (System.nanoTime() - start) / 1_000_000;
        } catch (IOException ex) {
            return -1L;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return -1L;
        }
    }
}
