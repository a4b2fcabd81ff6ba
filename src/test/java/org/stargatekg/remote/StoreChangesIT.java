package org.stargatekg.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.stargatekg.backend.RemoteBackend;
import org.stargatekg.support.Fixtures;
import org.stargatekg.support.PrivateVirtuoso;
import org.stargatekg.support.RunningServer;
import org.stargatekg.support.ServerProcess;
import org.stargatekg.vocab.Namespaces;

/**
 * Our server in front of a Virtuoso whose content changes and which goes away: a new {@code load} shows within the
 * check interval although responses are cached; with the store stopped every request that needs it answers 503
 * naming it, quickly, {@code /$/ready} says unready while {@code /$/ping} stays up; when it starts again answers
 * resume without a restart. Skips where {@code virtuoso-t} is not installed, unless {@code KG_REQUIRE_VIRTUOSO} is set.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoreChangesIT {

    private static final String BASE = Namespaces.STANDARD;
    /** The server's query timeout: every answer, 503 or not, must come within it. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String COUNT = "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }";

    private static PrivateVirtuoso virtuoso;
    private static ServerProcess process;
    private static RunningServer server;
    private static String pageBefore;

    @BeforeAll
    static void start() throws Exception {
        if (System.getenv("KG_REQUIRE_VIRTUOSO") == null && PrivateVirtuoso.binary().isEmpty()) {
            System.out.println("[StoreChangesIT] SKIPPED: virtuoso-t is not installed (Debian: apt-get install virtuoso-opensource)");
            assumeTrue(false, "virtuoso-t is not installed");
        }
        ServerProcess.requireJar();
        virtuoso = PrivateVirtuoso.start(Path.of("target"));
        PrivateVirtuoso.LoadRun load = virtuoso.load(ServerProcess.JAR);
        assertEquals(0, load.code(), load::output);
        assertTrue(load.output().contains("meta/load>: version marker"), load::output);
        process = ServerProcess.start(Path.of("target", "store-changes-it-server.log"), "--sparql-endpoint", virtuoso.sparqlEndpoint(),
                                      "--timeout", Long.toString(TIMEOUT.toSeconds()));
        server = RunningServer.attach(process.port(), BASE, process::close);
    }

    @AfterAll
    static void stop() {
        if (server != null)
            server.close();
        if (virtuoso != null)
            virtuoso.close();
    }

    @Test
    @Order(1)
    void a_new_load_shows_within_the_check_interval_although_answers_are_cached() throws Exception {
        long before = server.count(COUNT);
        assertEquals(before, server.count(COUNT), "the same answer twice");
        String home = server.get("/", "text/html").body();
        assertFalse(home.contains("Jane Doe Praises Widgets"), "the fixture article is not loaded yet");
        assertEquals(404, server.get("/id/extra-valid-article", "text/html").statusCode());

        PrivateVirtuoso.LoadRun again = virtuoso.loadWith(ServerProcess.JAR, "--data", Fixtures.path("extra-valid").toString());
        assertEquals(0, again.code(), again::output);
        long loaded = System.nanoTime();
        Duration bound = RemoteBackend.CHECK_INTERVAL.plusSeconds(3); // one interval, the check itself and this poll's step
        long seen = waitFor(bound, () -> server.count(COUNT) > before);
        long homeSeen = waitFor(bound, () -> server.get("/", "text/html").body().contains("Jane Doe Praises Widgets"));
        System.out.printf("[StoreChangesIT] after a new load: the cached count changed in %d ms, the cached home page in %d ms"
                          + " (check interval %d ms)%n", (seen - loaded) / 1_000_000, (homeSeen - loaded) / 1_000_000,
                          RemoteBackend.CHECK_INTERVAL.toMillis());
        assertEquals(200, server.get("/id/extra-valid-article", "text/html").statusCode());
        pageBefore = server.get("/id/elon-musk", "text/html").body();
    }

    @Test
    @Order(2)
    void with_the_store_stopped_every_request_answers_503_naming_it_and_only_ready_says_unready() throws Exception {
        assertEquals(200, server.get("/$/ready", "*/*").statusCode());
        virtuoso.stop();
        waitFor(RemoteBackend.CHECK_INTERVAL.plusSeconds(TIMEOUT.toSeconds()), () -> server.get("/$/ready", "*/*").statusCode() == 503);
        HttpResponse<String> ready = server.get("/$/ready", "*/*");
        assertTrue(ready.body().contains(virtuoso.sparqlEndpoint()), ready::body);
        assertEquals(200, server.get("/$/ping", "*/*").statusCode(), "ping stays up");

        String graph = RunningServer.encode(BASE + "graph/stargate");
        List<String> paths = List.of("/id/elon-musk", "/id/sam-altman", "/id/elon-musk.ttl", "/id/stargate-article", "/",
                                     "/explore?iri=" + RunningServer.encode(BASE + "id/openai"), "/search?q=money",
                                     "/sparql?query=" + RunningServer.encode(COUNT), "/data?graph=" + graph,
                                     "/resource?uri=" + RunningServer.encode(BASE + "id/elon-musk"), "/dump/stargate-kg.nq");
        List<String> wrong = new ArrayList<>();
        for (String path : paths) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = server.get(path, path.startsWith("/sparql") ? RunningServer.JSON : "text/html");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (r.statusCode() != 503 || !r.body().contains(virtuoso.sparqlEndpoint()) || r.body().contains("Exception")
                || r.body().contains("\tat ") || ms > TIMEOUT.toMillis())
                wrong.add(path + ": HTTP " + r.statusCode() + " in " + ms + " ms: " + r.body().strip());
        }
        assertTrue(wrong.isEmpty(), () -> "with the store stopped:\n" + String.join("\n", wrong));

        // Many at once: each answered at once, none left waiting on the store.
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String path = paths.get(i % paths.size());
                // /sparql answers 406 to text/html with a query (before asking the store): ask it for JSON, as above.
                calls.add(() -> server.get(path, path.startsWith("/sparql") ? RunningServer.JSON : "text/html").statusCode());
            }
            long t0 = System.nanoTime();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls))
                statuses.add(f.get());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(statuses.stream().allMatch(s -> s == 503), statuses::toString);
            assertTrue(ms < TIMEOUT.toMillis(), "64 requests took " + ms + " ms");
        } finally {
            pool.shutdownNow();
        }
        String metrics = server.get("/$/metrics", "text/plain").body();
        assertTrue(metrics.contains("stargate_store_requests_in_flight 0"), metrics);
        assertTrue(metrics.contains("stargate_store_ready 0"), metrics);
        String log = Files.readString(process.log(), StandardCharsets.UTF_8);
        assertFalse(log.contains("\tat org."), "no stack trace in the server's log:\n" + log);
    }

    @Test
    @Order(3)
    void when_the_store_comes_back_answers_resume_without_a_restart() throws Exception {
        virtuoso.restart();
        long t0 = System.nanoTime();
        waitFor(Duration.ofSeconds(60), () -> server.get("/$/ready", "*/*").statusCode() == 200);
        System.out.printf("[StoreChangesIT] ready again %d ms after Virtuoso listened%n", (System.nanoTime() - t0) / 1_000_000);
        HttpResponse<String> page = server.get("/id/elon-musk", "text/html");
        assertEquals(200, page.statusCode(), page::body);
        assertEquals(pageBefore, page.body(), "the same page as before the outage");
        assertTrue(server.count(COUNT) > 0);
    }

    /** Polls every 100 ms until the condition holds and returns System.nanoTime() then; fails after {@code within}. */
    private static long waitFor(Duration within, Check condition) throws Exception {
        long end = System.nanoTime() + within.toNanos();
        while (true) {
            if (condition.holds())
                return System.nanoTime();
            if (System.nanoTime() > end)
                throw new AssertionError("not within " + within.toMillis() + " ms");
            Thread.sleep(100);
        }
    }

    /** A condition to wait for, which may throw. */
    private interface Check {
        boolean holds() throws Exception;
    }
}
