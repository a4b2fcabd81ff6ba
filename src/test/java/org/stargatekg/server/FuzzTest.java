package org.stargatekg.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.support.ClasspathFolder;
import org.stargatekg.support.RunningServer;

/**
 * Thousands of mutated queries and URLs, from a fixed seed so that a failure can be replayed: none gets a 5xx
 * (other than a query timeout: a 503, or an aborted transfer once the answer had started) and none hangs. Seed and
 * count can be changed with {@code -Dstargate.fuzz.seed=N -Dstargate.fuzz.count=N}.
 */
class FuzzTest {

    private static final long SEED = Long.getLong("stargate.fuzz.seed", 20260125L);
    private static final int COUNT = Integer.getInteger("stargate.fuzz.count", 1000);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final String[] QUERY_BITS = { "{", "}", "(", ")", "<", ">", "\"", "'", "\"\"\"", "\\", "?", "$", "#", ".", ";",
            ",", "^^", "@en", "*", "/", "|", "!", "+", "FILTER(", "GRAPH ?g", "OPTIONAL {", "UNION", "SERVICE <http://127.0.0.1:9/>",
            "VALUES ?x { 1 }", "BIND(1 AS ?x)", "LIMIT 0", "OFFSET -1", "ORDER BY", "GROUP BY ?x", "HAVING", "COUNT(*)",
            "REGEX(?x, \"(a+)+$\")", "<javascript:alert(1)>", "\u0000", "\uFFFF", "\uD83D\uDE00", "\uD800", "%", "%00", "INSERT DATA", "LOAD",
            "DESCRIBE", "CONSTRUCT", "ASK", "1e999999", "\"x\"^^<http://www.w3.org/2001/XMLSchema#integer>", "_:b", "[]", "()" };
    private static final String[] PATH_BITS = { "..", ".", "/", "//", "%", "%2e", "%2f", "%00", "%zz", "%c0%ae", ";", "?", "#", "&", "=",
            "%3Cscript%3E", "~", "%ff", "%e2%80%ae", "\u00e9", "\uD83D\uDE00", "x".repeat(300), ".ttl", ".html", ".jsonld", ".nq", "iri=", "q=" };

    @RegisterExtension
    static final RunningServer server = RunningServer.extension().timeout(TIMEOUT);
    private static List<String> queries;
    private static List<String> paths;

    @BeforeAll
    static void start() {
        List<String> q = new ArrayList<>(List.of("SELECT * { ?s ?p ?o } LIMIT 5", "ASK { ?s a ?t }",
                "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 3", "DESCRIBE <https://w3id.org/stargate-kg/id/elon-musk>"));
        for (String file : ClasspathFolder.fileNames("queries/competency", ".rq"))
            q.add(ClasspathFolder.read("queries/competency/" + file));
        queries = List.copyOf(q);
        paths = List.of("/", "/id/elon-musk", "/id/stargate", "/evidence/musk-criticized", "/ontology", "/ontology/Statement",
                        "/explore", "/explore?iri=" + RunningServer.encode(server.base() + "id/openai"), "/static/style.css",
                        "/static/explore.js", "/sparql", "/data", "/data?default", "/graph/ontology", "/id/elon-musk.ttl", "/$/ping");
    }


    private static String mutate(Random random, String text, String[] bits) {
        StringBuilder s = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = s.length() == 0 ? 0 : random.nextInt(s.length());
            switch (random.nextInt(5)) {
                case 0 -> s.insert(at, bits[random.nextInt(bits.length)]);
                case 1 -> s.delete(at, Math.min(s.length(), at + 1 + random.nextInt(12)));
                case 2 -> s.insert(at, s.substring(at, Math.min(s.length(), at + random.nextInt(30))));
                case 3 -> { if (s.length() > 0) s.setCharAt(at, (char) (32 + random.nextInt(95))); }
                default -> s.insert(at, (char) random.nextInt(0x3000));
            }
        }
        return s.toString();
    }

    /** Percent-encodes what java.net.URI will not take, keeping everything else (including %, .. and ;) as mutated. */
    private static String uriSafe(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c > 32 && c < 127 && "\"<>\\^`{|} ".indexOf(c) < 0)
                out.append((char) c);
            else
                out.append('%').append(String.format("%02X", c));
        }
        return out.toString();
    }

    private record Outcome(String request, int status, String body) {}

    @Test
    void mutated_queries_and_urls_never_get_a_server_error_or_hang() throws Exception {
        Random random = new Random(SEED);
        List<HttpRequest> requests = new ArrayList<>();
        List<String> described = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            String q = mutate(random, queries.get(random.nextInt(queries.size())), QUERY_BITS);
            boolean byGet = random.nextBoolean();
            HttpRequest.Builder b = HttpRequest.newBuilder(server.uri("/sparql" + (byGet ? "?query=" + RunningServer.encode(q) : "")))
                                               .timeout(Duration.ofSeconds(15)).header("Accept", RunningServer.JSON);
            requests.add(!byGet
                    ? b.header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofString(q)).build()
                    : b.GET().build());
            described.add("query #" + i + ":\n" + q);
        }
        List<String> rawPaths = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            String p = mutate(random, paths.get(random.nextInt(paths.size())), PATH_BITS);
            if (!p.startsWith("/"))
                p = "/" + p;
            rawPaths.add(p);
            String accept = random.nextInt(4) == 0 ? "image/png" : "text/html, */*;q=0.1";
            try {
                requests.add(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + uriSafe(p)))
                                        .timeout(Duration.ofSeconds(15)).header("Accept", accept).GET().build());
                described.add("path #" + i + ": " + uriSafe(p));
            } catch (IllegalArgumentException notAUri) {
                // the raw-socket pass below sends it as is
            }
        }
        List<Outcome> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger timeouts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                try {
                    HttpResponse<String> r = http.send(requests.get(n), HttpResponse.BodyHandlers.ofString());
                    sent.incrementAndGet();
                    if (r.statusCode() == 503 && r.body().contains("timed out"))
                        timeouts.incrementAndGet();
                    else if (r.statusCode() >= 500)
                        failures.add(new Outcome(described.get(n), r.statusCode(), r.body()));
                } catch (IOException ex) {
                    // A query cut off by its timeout after the start of its answer was sent ends in an aborted
                    // transfer (CutOffAnswers): the client sees the chunked body end early. That is a timeout too.
                    if (String.valueOf(ex.getMessage()).contains("chunked transfer encoding"))
                        timeouts.incrementAndGet();
                    else
                        failures.add(new Outcome(described.get(n), -1, ex.toString()));
                } catch (InterruptedException ex) {
                    failures.add(new Outcome(described.get(n), -1, ex.toString()));
                }
            }));
        }
        // The same paths byte for byte over a socket, so that no client cleans them up first.
        for (String p : rawPaths) {
            futures.add(pool.submit(() -> {
                String status = rawStatus(p);
                sent.incrementAndGet();
                if (!status.matches("HTTP/1\\.1 [1-4]\\d\\d.*"))
                    failures.add(new Outcome("raw path: " + p, -1, status));
            }));
        }
        for (Future<?> f : futures)
            f.get(60, TimeUnit.SECONDS);
        pool.shutdownNow();
        System.out.printf("fuzz: seed %d, %d requests (%d queries, %d URLs by client, %d raw paths), %d query timeouts, %d failures%n",
                          SEED, sent.get(), COUNT, requests.size() - COUNT, rawPaths.size(), timeouts.get(), failures.size());
        assertTrue(failures.isEmpty(), () -> failures.size() + " failures, first ones:\n"
                + failures.stream().limit(5).map(o -> o.request() + "\n-> " + o.status() + " " + o.body()).reduce("", (a, b) -> a + "\n" + b));
    }

    /** The status line for a GET of a path sent as raw bytes, or what went wrong. */
    private static String rawStatus(String path) {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path.replace("\r", "").replace("\n", "") + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                              .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(64);
            in.readAllBytes();
            String s = new String(head, StandardCharsets.ISO_8859_1);
            int eol = s.indexOf('\r');
            return eol < 0 ? s : s.substring(0, eol);
        } catch (SocketTimeoutException ex) {
            return "hang: no answer in 15 s";
        } catch (IOException ex) {
            return ex.toString();
        }
    }
}
