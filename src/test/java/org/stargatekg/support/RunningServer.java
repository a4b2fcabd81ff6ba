package org.stargatekg.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.engine.binding.Binding;
import org.stargatekg.load.KnowledgeGraph;
import org.stargatekg.load.KnowledgeGraphLoader;
import org.stargatekg.server.StargateServer;
import org.stargatekg.vocab.Namespaces;

/**
 * The real server, loaded from the shipped files, listening on a port the system picks (port 0, read back once bound),
 * and an HTTP client that talks to it. Its IRIs are the permanent ones ({@link #base()}), whatever the port. Start one
 * per test class and close it after.
 */
public final class RunningServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    /** SPARQL JSON results media type. */
    public static final String JSON = "application/sparql-results+json";

    private int port;
    private Runnable stop;
    private final String base;
    private StargateServer server;
    private Duration timeout = Duration.ofSeconds(30);
    private Path[] extraArticles = new Path[0];
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningServer(int port, Runnable stop, String base, StargateServer server) {
        this.port = port;
        this.stop = stop;
        this.base = base;
        this.server = server;
    }

    private RunningServer(StargateServer server, String base) {
        this(server.port(), server::stop, base, server);
    }

    /**
     * A server for a test class to hold in a static field marked {@code @RegisterExtension}: JUnit starts it (port 0,
     * read back once bound) before the class's first test and stops it after the last.
     */
    public static RunningServer extension(Path... extraArticles) {
        RunningServer s = new RunningServer(0, () -> { }, Namespaces.STANDARD, null);
        s.extraArticles = extraArticles.clone();
        return s;
    }

    /** The query timeout of a server made by {@link #extension}, before it starts; default 30 s. */
    public RunningServer timeout(Duration timeout) {
        if (server != null)
            throw new IllegalStateException("already started");
        this.timeout = timeout;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        RunningServer started = start(timeout, extraArticles);
        this.server = started.server;
        this.port = started.port;
        this.stop = started.stop;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** A server already listening on a port (another process, say), stopped by {@code stop}. */
    public static RunningServer attach(int port, String base, Runnable stop) {
        return new RunningServer(port, stop, base, null);
    }

    /** Loads the shipped graph plus extra article folders and starts the server with a 30 s query timeout. */
    public static RunningServer start(Path... extraArticles) {
        return start(Duration.ofSeconds(30), extraArticles);
    }

    /** Loads the shipped graph plus extra article folders and starts the server with the given query timeout. */
    public static RunningServer start(Duration timeout, Path... extraArticles) {
        KnowledgeGraphLoader loader = KnowledgeGraphLoader.shipped(Namespaces.standard());
        for (Path dir : extraArticles)
            loader.article(dir);
        KnowledgeGraph graph = loader.load();
        StargateServer server = StargateServer.create().port(0).queryTimeout(timeout).graph(graph).build().start();
        return new RunningServer(server, Namespaces.STANDARD);
    }

    /** Loads the shipped graph and starts the server on port 0 with more settings applied to its builder: a timeout, limits, no response cache. */
    public static RunningServer startWith(java.util.function.UnaryOperator<StargateServer.Builder> settings) {
        KnowledgeGraph graph = KnowledgeGraphLoader.shipped(Namespaces.standard()).load();
        StargateServer server = settings.apply(StargateServer.create().port(0).graph(graph)).build().start();
        return new RunningServer(server, Namespaces.STANDARD);
    }

    /** The server itself, to stop it from a test. */
    public StargateServer server() {
        if (server == null)
            throw new IllegalStateException("attached to a server in another process");
        return server;
    }

    /** The dataset namespace the served IRIs sit under (not an address: see {@link #uri} and {@link #address}), ending in "/". */
    public String base() {
        return base;
    }

    /** The server's response cache. */
    public org.stargatekg.cache.ResponseCache cache() {
        if (server == null)
            throw new IllegalStateException("attached to a server in another process: its cache is not reachable");
        return server.responseCache();
    }

    /** The port the server listens on. */
    public int port() {
        return port;
    }

    /** The address people reach a path at by default: {@code http://localhost:PORT/path}, as the server's self-description gives it. */
    public String address(String pathAndQuery) {
        return "http://localhost:" + port() + pathAndQuery;
    }

    /** The URI of a path (and query string) on the server, addressed by its loopback IP. */
    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    /** Sends a request and returns the response with its body as text. */
    public HttpResponse<String> send(HttpRequest request) {
        return send(http, request);
    }

    /** Sends a request on a new connection: for requests the server may answer before reading their body, then close. */
    public HttpResponse<String> sendOnNewConnection(HttpRequest request) {
        return send(HttpClient.newHttpClient(), request);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Sends "GET path HTTP/1.1" byte for byte over a socket, so that no client checks or normalizes the path, and
     * returns the whole response, status line first.
     */
    public String rawGet(String path) {
        return raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\nConnection: close\r\n\r\n");
    }

    /**
     * POSTs only the head of a request that announces a body of the given length, and returns the answer: a server
     * refuses an oversized body on its Content-Length, before the client has to send a byte of it.
     */
    public String rawPostHead(String path, String contentType, long contentLength) {
        return raw("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
                   + "\r\nContent-Length: " + contentLength + "\r\nConnection: close\r\n\r\n");
    }

    private String raw(String head) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port())) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The status code of a raw response. */
    public static int status(String rawResponse) {
        return Integer.parseInt(rawResponse.substring(9, 12));
    }

    /** GETs a path with an Accept header. */
    public HttpResponse<String> get(String pathAndQuery, String accept) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).header("Accept", accept).GET().build());
    }

    /**
     * Sends a body with a method and content type, accepting SPARQL JSON results. A new connection each time:
     * the server may close one after refusing a request whose body it did not read.
     */
    public HttpResponse<String> send(String method, String pathAndQuery, String contentType, String body) {
        return send(HttpClient.newHttpClient(), HttpRequest.newBuilder(uri(pathAndQuery))
                               .header("Content-Type", contentType)
                               .header("Accept", JSON)
                               .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                               .build());
    }

    /** Sends a query by GET to /sparql, as written: its IRIs are absolute, as any client's would be. */
    public HttpResponse<String> query(String sparql, String accept) {
        return get(StargateServer.SPARQL_PATH + "?query=" + encode(sparql), accept);
    }

    /** Runs a SELECT query over HTTP and parses the JSON results; fails showing the response if it is not 200. */
    public Results select(String sparql) {
        HttpResponse<String> response = query(sparql, JSON);
        if (response.statusCode() != 200)
            throw new AssertionError("HTTP " + response.statusCode() + " for query:\n" + sparql + "\n---\n" + response.body());
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)),
                                         ResultSetLang.RS_JSON);
        List<String> vars = List.copyOf(rs.getResultVars());
        List<Map<String, Node>> rows = new ArrayList<>();
        while (rs.hasNext()) {
            Binding b = rs.nextBinding();
            Map<String, Node> row = new LinkedHashMap<>();
            for (String v : vars)
                row.put(v, b.get(v));
            rows.add(row);
        }
        return new Results(vars, rows);
    }

    /** Runs a query whose single result is a number in ?n. */
    public long count(String sparql) {
        Results results = select(sparql);
        if (results.rows().size() != 1)
            throw new AssertionError("Expected one row from:\n" + sparql + "\ngot " + results.rows());
        return Long.parseLong(results.rows().get(0).get("n").getLiteralLexicalForm());
    }

    /**
     * A SHA-256 of every quad the server holds, named graphs and all: the sorted lines of a TSV answer to
     * {@code SELECT ?g ?s ?p ?o { GRAPH ?g { ?s ?p ?o } }}, with the quad count in front so a failure reads well.
     */
    public String quadChecksum() {
        HttpResponse<String> response = query("SELECT ?g ?s ?p ?o { GRAPH ?g { ?s ?p ?o } }", "text/tab-separated-values");
        if (response.statusCode() != 200)
            throw new AssertionError("HTTP " + response.statusCode() + " for the checksum query\n" + response.body());
        List<String> lines = response.body().lines().skip(1).sorted().toList();
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (String line : lines)
                sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
            return lines.size() + " quads, sha256 " + java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A gauge's value as the server reports it at {@code /$/metrics} (Micrometer writes every gauge as a double). */
    public long gauge(String name) {
        return gauge(port(), name);
    }

    /** A gauge's value as the server on a port reports it at {@code /$/metrics}. */
    public static long gauge(int port, String name) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/$/metrics"))
                                         .header("Accept", "text/plain").GET().build();
        String metrics;
        try {
            metrics = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        String key = name.startsWith("stargate_") ? name : "stargate_" + name;
        return metrics.lines().filter(l -> l.startsWith(key + " "))
                      .mapToLong(l -> (long) Double.parseDouble(l.substring(key.length() + 1).strip()))
                      .findFirst().orElseThrow(() -> new AssertionError("no " + key + " in\n" + metrics));
    }

    /**
     * Waits until a gauge the server reports meets a condition (polling, never a fixed sleep), or fails after
     * {@code patience} naming the last value: a test's way to know that a query is in flight, or that none is.
     */
    public static long awaitGauge(int port, String name, java.util.function.LongPredicate condition, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        long value = gauge(port, name);
        while (!condition.test(value)) {
            if (System.nanoTime() > deadline)
                throw new AssertionError(name + " is still " + value + " after " + patience.toSeconds() + " s");
            try {
                Thread.sleep(5);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
            value = gauge(port, name);
        }
        return value;
    }

    /** As {@link #awaitGauge(int, String, java.util.function.LongPredicate, Duration)} for this server. */
    public long awaitGauge(String name, java.util.function.LongPredicate condition, Duration patience) {
        return awaitGauge(port(), name, condition, patience);
    }

    /** Percent-encodes a form or query-string value. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Stops the server. */
    @Override
    public void close() {
        stop.run();
    }

    /** Variables and rows of a SELECT result; a row maps each variable to its node, or null when unbound. */
    public record Results(List<String> vars, List<Map<String, Node>> rows) {}
}
