package org.stargatekg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.stargatekg.support.ListeningPort;
import org.stargatekg.support.RunningServer;

/**
 * The real command in its own JVM, stopped with SIGTERM ({@link Process#destroy()}) while requests are in flight:
 * every request already being answered gets its complete answer, and the process ends promptly with 0 or 143.
 */
class GracefulShutdownTest {

    private static final int TIMEOUT_SECONDS = 3;

    /** The classpath this test runs with; it holds target/classes and every dependency of the command. */
    private static String classpath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void sigterm_during_load_lets_requests_in_flight_finish_and_exits_promptly() throws Exception {
        Path log = Files.createTempFile("stargate-shutdown", ".log");
        Process process = new ProcessBuilder(java(), "-Xmx256m", "-cp", classpath(), "org.stargatekg.cli.Main",
                                             "--port", "0", "--timeout", Integer.toString(TIMEOUT_SECONDS))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + ListeningPort.await(log, process, Duration.ofSeconds(60));
        try {
            awaitReady(http, base + "/sparql?query=" + RunningServer.encode("ASK {}"), process, log);

            // Requests that are surely in flight at SIGTERM: slow queries the server answers at its timeout (503).
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (int i = 0; i < 4; i++)
                inFlight.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/sparql?query=" + RunningServer.encode(QueryTimeoutTest.SLOW)))
                                                       .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()));
            // Background load that keeps going through the stop.
            AtomicBoolean running = new AtomicBoolean(true);
            Map<String, Integer> background = new ConcurrentHashMap<>();
            List<Thread> loaders = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Thread t = new Thread(() -> {
                    while (running.get()) {
                        String outcome;
                        try {
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/id/elon-musk"))
                                                                          .timeout(Duration.ofSeconds(30)).build(),
                                                               HttpResponse.BodyHandlers.ofString());
                            outcome = r.statusCode() == 200 && r.body().strip().endsWith("</html>") ? "200 complete" : "HTTP " + r.statusCode();
                        } catch (IOException ex) {
                            outcome = "refused or closed before an answer";
                            try {
                                Thread.sleep(20);
                            } catch (InterruptedException stop) {
                                return;
                            }
                        } catch (InterruptedException ex) {
                            return;
                        }
                        background.merge(outcome, 1, Integer::sum);
                    }
                });
                t.start();
                loaders.add(t);
            }
            // In flight means the server reports the slow queries running and the background load answered.
            int port = Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
            RunningServer.awaitGauge(port, "queries_running", n -> n >= 1, Duration.ofSeconds(60));
            long waitFor = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (background.isEmpty() && System.nanoTime() < waitFor)
                Thread.sleep(10);

            long stopAt = System.nanoTime();
            process.destroy(); // SIGTERM
            boolean ended = process.waitFor(StargateServer.STOP_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
            long stopMillis = (System.nanoTime() - stopAt) / 1_000_000;
            running.set(false);
            for (Thread t : loaders)
                t.join(10_000);

            List<String> answers = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> f : inFlight) {
                try {
                    HttpResponse<String> r = f.get(10, TimeUnit.SECONDS);
                    answers.add(r.statusCode() + " " + r.body().strip());
                } catch (Exception ex) {
                    answers.add("no complete answer: " + ex);
                }
            }
            String report = "exit " + (ended ? process.exitValue() : "none") + " after " + stopMillis + " ms; in flight: " + answers
                            + "; background: " + background + "\n--- log:\n" + Files.readString(log);
            System.out.println("shutdown: " + report.substring(0, report.indexOf("\n--- log")));
            assertTrue(ended, report);
            assertTrue(process.exitValue() == 0 || process.exitValue() == 143, report);
            for (String a : answers)
                assertTrue(a.startsWith("503 Query timed out") || a.startsWith("200"), report);
            assertTrue(background.getOrDefault("200 complete", 0) > 0, report);
            assertEquals(background.keySet().stream().filter(k -> !k.equals("200 complete") && !k.startsWith("refused") && !k.equals("HTTP 503")).toList(),
                         List.of(), report);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    private static void awaitReady(HttpClient http, String url, Process process, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive())
                throw new AssertionError("the server exited with " + process.exitValue() + ":\n" + Files.readString(log));
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200)
                    return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server did not answer within 90 s:\n" + Files.readString(log));
    }
}
