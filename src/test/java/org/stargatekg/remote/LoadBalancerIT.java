package org.stargatekg.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stargatekg.support.FreePort;
import org.stargatekg.support.PrivateVirtuoso;
import org.stargatekg.support.ServerProcess;

/**
 * Two of our servers over one Virtuoso behind Debian's HAProxy on loopback, with the configuration docs/stores.md gives
 * ({@code docs/examples/haproxy.cfg}, read from the project folder so that users and this test share one file):
 * clients read pages through the balancer while one server is killed (SIGKILL, as a crash); no request fails beyond
 * those in flight at that moment (HAProxy sends them again to the other server), HAProxy's health check on
 * {@code /$/ready} takes the dead one out, and the rate recovers.
 * Skips where haproxy or virtuoso-t is missing, unless {@code KG_REQUIRE_VIRTUOSO} is set (CI installs both).
 */
class LoadBalancerIT {

    private static final List<Path> HAPROXY = List.of(Path.of("/usr/sbin/haproxy"), Path.of("/usr/bin/haproxy"), Path.of("/usr/local/sbin/haproxy"));
    private static final int CLIENTS = 8;
    private static final Duration BEFORE = Duration.ofSeconds(6);
    private static final Duration AFTER = Duration.ofSeconds(10);
    /** The example configuration users copy; the test fills in its placeholders. */
    private static final Path EXAMPLE_CONFIG = Path.of("docs", "examples", "haproxy.cfg");

    private static PrivateVirtuoso virtuoso;
    private static ServerProcess first;
    private static ServerProcess second;
    private static Process haproxy;
    private static int listen;
    private static int stats;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                                                     .connectTimeout(Duration.ofSeconds(5)).build();

    static Optional<Path> haproxy() {
        return HAPROXY.stream().filter(Files::isExecutable).findFirst();
    }

    @BeforeAll
    static void start() throws Exception {
        boolean required = System.getenv("KG_REQUIRE_VIRTUOSO") != null;
        if (!required && (haproxy().isEmpty() || PrivateVirtuoso.binary().isEmpty())) {
            System.out.println("[LoadBalancerIT] SKIPPED: needs haproxy and virtuoso-t (Debian: apt-get install haproxy virtuoso-opensource)");
            assumeTrue(false, "haproxy or virtuoso-t is not installed");
        }
        assertTrue(haproxy().isPresent(), "haproxy is not installed (Debian: apt-get install haproxy)");
        ServerProcess.requireJar();
        virtuoso = PrivateVirtuoso.start(Path.of("target"));
        PrivateVirtuoso.LoadRun load = virtuoso.load(ServerProcess.JAR);
        assertEquals(0, load.code(), load::output);
        first = ServerProcess.start(Path.of("target", "load-balancer-it-1.log"), "--sparql-endpoint", virtuoso.sparqlEndpoint());
        second = ServerProcess.start(Path.of("target", "load-balancer-it-2.log"), "--sparql-endpoint", virtuoso.sparqlEndpoint());
        listen = FreePort.pick();
        stats = FreePort.pick();
        String cfg = Files.readString(EXAMPLE_CONFIG)
                                    .replace("@LISTEN@", "127.0.0.1:" + listen).replace("@STATS@", "127.0.0.1:" + stats)
                                    .replace("@SERVER1@", "127.0.0.1:" + first.port()).replace("@SERVER2@", "127.0.0.1:" + second.port());
        Path file = Path.of("target", "load-balancer-it-haproxy.cfg");
        Files.writeString(file, cfg);
        haproxy = new ProcessBuilder(haproxy().get().toString(), "-f", file.toString(), "-db").redirectErrorStream(true)
                .redirectOutput(Path.of("target", "load-balancer-it-haproxy.log").toFile()).start();
        PrivateVirtuoso.waitForPort(listen, haproxy, Duration.ofSeconds(30));
        // Both servers in rotation before the load starts.
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (upServers() < 2 && System.nanoTime() < end)
            Thread.sleep(200);
        assertEquals(2, upServers(), () -> "HAProxy's view: " + statsCsv());
    }

    @AfterAll
    static void stop() {
        if (haproxy != null)
            haproxy.destroy();
        for (ServerProcess p : new ServerProcess[] {first, second})
            if (p != null)
                p.close();
        if (virtuoso != null)
            virtuoso.close();
    }

    /** One request's end: when (ms since the start), and whether it got a 200. */
    private record Done(long atMillis, boolean ok, String what) {}

    @Test
    void killing_one_server_mid_run_fails_no_request_beyond_those_in_flight_and_the_rate_recovers() throws Exception {
        List<String> pages = List.of("/id/elon-musk", "/id/sam-altman", "/id/stargate", "/id/openai", "/id/softbank",
                                     "/id/musk-softbank-funding-claim", "/id/altman-rebuts-musk", "/id/stargate-article",
                                     "/evidence/musk-quote-softbank", "/ontology/Statement");
        // Each server answers each page once before the clock starts: what is measured is serving, not warming up.
        for (ServerProcess server : List.of(first, second))
            for (String page : pages)
                HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + page)).header("Accept", "text/html").GET().build(),
                          HttpResponse.BodyHandlers.discarding());
        ConcurrentLinkedQueue<Done> done = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long end = start + BEFORE.plus(AFTER).toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++)
            clients.submit(() -> {
                while (System.nanoTime() < end) {
                    String page = pages.get(ThreadLocalRandom.current().nextInt(pages.size()));
                    String what;
                    boolean ok;
                    try {
                        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listen + page))
                                                                      .header("Accept", "text/html").timeout(Duration.ofSeconds(40)).GET().build(),
                                                           HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                        ok = r.statusCode() == 200;
                        what = page + " HTTP " + r.statusCode();
                    } catch (IOException ex) {
                        ok = false;
                        what = page + " " + ex;
                    } catch (InterruptedException ex) {
                        return;
                    }
                    done.add(new Done((System.nanoTime() - start) / 1_000_000, ok, what));
                }
            });
        // The load runs BEFORE, and at least until both servers have answered some of it (a busy machine is slow to start).
        long until = System.nanoTime() + BEFORE.toNanos(), latest = until + TimeUnit.SECONDS.toNanos(60);
        while ((System.nanoTime() < until || done.size() < 20) && System.nanoTime() < latest)
            Thread.sleep(50);
        long killedAt = (System.nanoTime() - start) / 1_000_000;
        first.kill();
        clients.shutdown();
        assertTrue(clients.awaitTermination(AFTER.toSeconds() + 60, TimeUnit.SECONDS), "clients did not finish");

        List<Done> all = new ArrayList<>(done);
        List<Done> failed = all.stream().filter(d -> !d.ok()).toList();
        double before = rate(all, 1_000, killedAt);
        double after = rate(all, killedAt + AFTER.toMillis() / 2, killedAt + AFTER.toMillis());
        String view = statsCsv();
        System.out.printf("[LoadBalancerIT] %d requests through HAProxy, %d failed; %.0f pages/s with two servers, %.0f pages/s "
                          + "with one (last %d s); server 1 killed at %d ms%n", all.size(), failed.size(), before, after,
                          AFTER.toSeconds() / 2, killedAt);
        assertTrue(failed.size() <= CLIENTS, () -> failed.size() + " failed requests, more than the " + CLIENTS + " that can be in flight:\n"
                                                   + failed.stream().limit(20).map(Done::what).toList());
        assertTrue(after >= 0.25 * before && after > 0, () -> "the rate did not recover: " + before + " pages/s before, " + after + " after");
        assertEquals(1, upServers(), () -> "HAProxy still sends requests to the killed server:\n" + view);
    }

    /** Successful requests per second between two moments (ms since start). */
    private static double rate(List<Done> all, long from, long to) {
        long n = all.stream().filter(d -> d.ok() && d.atMillis() >= from && d.atMillis() < to).count();
        return n * 1000.0 / Math.max(1, to - from);
    }

    /** How many servers of the backend HAProxy has up. */
    private static int upServers() {
        return (int) statsCsv().lines().filter(l -> l.startsWith("stargate_servers,s")).filter(l -> l.split(",")[17].startsWith("UP")).count();
    }

    private static String statsCsv() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stats + "/stats;csv")).GET().build(),
                             HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException ex) {
            return ex.toString();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return ex.toString();
        }
    }
}
