package org.stargatekg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.support.ClasspathFolder;
import org.stargatekg.support.RunningServer;

/**
 * Sixteen loopback clients send a mix of competency queries and pages for a bounded time: no errors, and the used
 * heap after a full GC ends close to where it started. The normal build runs the short form (5 s per test); the
 * full form runs 60 s per test:
 * <pre>mvn -B verify -Dtest=SustainedLoadTest -Dstargate.load.seconds=60</pre>
 */
class SustainedLoadTest {

    private static final int CLIENTS = 16;
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("stargate.load.seconds", 5));
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** Heap growth allowed over a run, after GC: far below what a leak of one object per request would leave. */
    private static final long HEAP_SLACK_BYTES = 48L << 20;

    @RegisterExtension
    static final RunningServer server = RunningServer.extension().timeout(TIMEOUT);
    private static List<String> targets;

    @BeforeAll
    static void start() {
        List<String> t = new ArrayList<>();
        for (String file : ClasspathFolder.fileNames("queries/competency", ".rq")) {
            String q = ClasspathFolder.read("queries/competency/" + file);
            t.add("/sparql?query=" + RunningServer.encode(q));
        }
        t.addAll(List.of("/", "/id/elon-musk", "/id/stargate", "/explore", "/explore?iri=" + RunningServer.encode(server.base() + "id/sam-altman"),
                         "/id/elon-musk.ttl", "/id/elon-musk.jsonld", "/ontology", "/static/style.css", "/sparql",
                         "/data?graph=" + RunningServer.encode(server.base() + "graph/ontology")));
        targets = List.copyOf(t);
    }


    /** What a run counted. */
    record Tally(long requests, long errors, long timeouts, long maxMillis, Map<String, Long> errorKinds) {}

    /** Sends requests round-robin from each client until the time is up; each client has its own connection pool. */
    private static Tally drive(int clients, List<String> paths, Duration run) throws Exception {
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong timeouts = new AtomicLong();
        AtomicLong maxMillis = new AtomicLong();
        Map<String, Long> kinds = new ConcurrentHashMap<>();
        long end = System.nanoTime() + run.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int offset = c;
            futures.add(pool.submit(() -> {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                for (int i = offset; System.nanoTime() < end; i++) {
                    String path = paths.get(i % paths.size());
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                            .timeout(Duration.ofSeconds(30))
                            .header("Accept", path.startsWith("/sparql?") ? RunningServer.JSON : "text/html, */*;q=0.5")
                            .GET().build();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() == 503 && new String(response.body()).contains("timed out"))
                            timeouts.incrementAndGet();
                        else if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                            kinds.merge(response.statusCode() + " " + path.substring(0, Math.min(40, path.length())), 1L, Long::sum);
                        }
                    } catch (IOException ex) {
                        errors.incrementAndGet();
                        kinds.merge(ex.toString(), 1L, Long::sum);
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    requests.incrementAndGet();
                    maxMillis.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                }
            }));
        }
        for (Future<?> f : futures)
            f.get(run.toSeconds() + 60, TimeUnit.SECONDS);
        pool.shutdownNow();
        return new Tally(requests.get(), errors.get(), timeouts.get(), maxMillis.get(), Map.copyOf(kinds));
    }

    /** Used heap after asking for full collections until it stops falling. */
    static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            long now = memory.getHeapMemoryUsage().getUsed();
            if (now >= used)
                break;
            used = now;
        }
        return Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }

    private static String report(String what, int clients, Tally t, long heapBefore, long heapAfter) {
        return String.format("%s: %d clients, %d s, %d requests (%.0f/s), %d errors, %d timeouts, max %d ms, "
                             + "heap after GC %d MiB -> %d MiB%s",
                             what, clients, RUN.toSeconds(), t.requests(), t.requests() / (double) RUN.toSeconds(), t.errors(),
                             t.timeouts(), t.maxMillis(), heapBefore >> 20, heapAfter >> 20,
                             t.errorKinds().isEmpty() ? "" : "; errors: " + t.errorKinds());
    }

    @Test
    void sixteen_clients_get_no_errors_and_the_heap_stays_flat() throws Exception {
        drive(CLIENTS, targets, Duration.ofSeconds(1)); // warm up, so the heap baseline holds the caches
        long before = usedHeapAfterGc();
        Tally tally = drive(CLIENTS, targets, RUN);
        long after = usedHeapAfterGc();
        String report = report("mixed load", CLIENTS, tally, before, after);
        System.out.println(report);
        assertEquals(0, tally.errors(), report);
        assertEquals(0, tally.timeouts(), report);
        assertTrue(tally.requests() > CLIENTS * 10, report);
        assertTrue(after < before + HEAP_SLACK_BYTES, report);
    }

    @Test
    void a_client_sending_queries_that_time_out_does_not_cause_errors_for_the_others() throws Exception {
        String slow = "/sparql?query=" + RunningServer.encode(QueryTimeoutTest.SLOW);
        ExecutorService hog = Executors.newSingleThreadExecutor();
        long before = usedHeapAfterGc();
        Future<Tally> slowTally = hog.submit(() -> drive(1, List.of(slow), RUN));
        Tally tally = drive(CLIENTS - 1, targets, RUN);
        Tally slowOnes = slowTally.get(RUN.toSeconds() + 60, TimeUnit.SECONDS);
        hog.shutdownNow();
        long after = usedHeapAfterGc();
        String report = report("mixed load beside a timing-out client", CLIENTS - 1, tally, before, after)
                        + String.format("; the slow client: %d requests, %d timeouts, %d errors, max %d ms",
                                        slowOnes.requests(), slowOnes.timeouts(), slowOnes.errors(), slowOnes.maxMillis());
        System.out.println(report);
        assertEquals(0, tally.errors(), report);
        assertEquals(0, tally.timeouts(), report);
        assertEquals(0, slowOnes.errors(), report);
        assertTrue(slowOnes.timeouts() >= 1, report);
        assertTrue(slowOnes.maxMillis() <= TIMEOUT.toMillis() + 1000, report);
        assertTrue(after < before + HEAP_SLACK_BYTES, report);
    }
}
