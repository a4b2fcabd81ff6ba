package org.stargatekg.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.stargatekg.support.FreePort;
import org.stargatekg.support.PrivateVirtuoso;

/**
 * The peers, each a child process on loopback: plain Fuseki 5.6.0 and, where installed, Virtuoso 7 (a
 * {@link PrivateVirtuoso}, the same helper the integration test uses); and our own jar as a child process.
 */
final class Peers {

    static final Path FUSEKI_JAR = Path.of("target/bench/fuseki-server.jar");
    static final String VIRTUOSO_HOW = "apt-get install -y virtuoso-opensource  (Debian/Ubuntu; gives /usr/bin/virtuoso-t and isql-vt)";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Peers() {}

    /** A server in a child process (null: started and stopped elsewhere), stopped on close. */
    record Child(String name, Process process, int port, String sparqlPath, long startMillis) implements AutoCloseable {
        @Override
        public void close() {
            if (process == null)
                return;
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS))
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts plain Fuseki with default settings (and our JVM flag) on an in-memory dataset loaded from the given file; returns when it answers. */
    static Child fuseki(Path quads, Path log) throws IOException, InterruptedException {
        if (!Files.isRegularFile(FUSEKI_JAR))
            throw new IOException("No " + FUSEKI_JAR + ": run the benchmark through Maven (-Pbench), which fetches it");
        int port = FreePort.pick();
        long t0 = System.nanoTime();
        // Run in target/bench: the Fuseki jar makes its "run" folder in the working directory.
        // The same JVM flag as ours, so that neither side is measured with ARQ's lexer interpreted.
        Process p = new ProcessBuilder("java", OURS_JVM_FLAG, "-jar", FUSEKI_JAR.toAbsolutePath().toString(), "--localhost", "--port=" + port,
                                       "--file=" + quads.toAbsolutePath(), "/ds")
                .directory(FUSEKI_JAR.toAbsolutePath().getParent().toFile()).redirectErrorStream(true).redirectOutput(log.toAbsolutePath().toFile()).start();
        Child child = new Child("plain Fuseki 5.6.0", p, port, "/ds/query", 0);
        long ms = awaitFirstAnswer(child, t0, 120);
        return new Child(child.name(), p, port, child.sparqlPath(), ms);
    }

    /** Starts our server from its jar (validation, inference, pages) as a child process; returns when it answers. */
    static Child ours(Path jar, Path log) throws IOException, InterruptedException {
        return ours("Stargate KG", jar, log);
    }

    /** Starts our server from its jar with more options (e.g. {@code --sparql-endpoint}); returns when it answers. */
    /**
     * The flag our jar is started with, as the README's quick start gives it: HotSpot then compiles ARQ's query lexer,
     * whose 14,779-byte method it otherwise leaves to the interpreter (history entry 9). Plain Fuseki gets it too (the
     * same lexer), so that the comparison is between the two servers, not between two JVM settings.
     */
    static final String OURS_JVM_FLAG = "-XX:-DontCompileHugeMethods";

    static Child ours(String name, Path jar, Path log, String... options) throws IOException, InterruptedException {
        int port = FreePort.pick();
        long t0 = System.nanoTime();
        List<String> cmd = new ArrayList<>(List.of("java", OURS_JVM_FLAG, "-jar", jar.toString(), "--port", Integer.toString(port)));
        cmd.addAll(List.of(options));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toAbsolutePath().toFile()).start();
        Child child = new Child(name, p, port, "/sparql", 0);
        long ms = awaitFirstAnswer(child, t0, 120);
        return new Child(child.name(), p, port, child.sparqlPath(), ms);
    }

    /** Polls with a tiny query until a 200 comes back; returns milliseconds since {@code t0}. */
    static long awaitFirstAnswer(Child child, long t0, int timeoutSeconds) throws IOException, InterruptedException {
        String q = URLEncoder.encode("ASK { ?s ?p ?o }", StandardCharsets.UTF_8);
        URI uri = URI.create("http://127.0.0.1:" + child.port() + child.sparqlPath() + "?query=" + q);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            if (child.process() != null && !child.process().isAlive())
                throw new IOException(child.name() + " exited with code " + child.process().exitValue());
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).header("Accept", "application/sparql-results+json")
                                                              .timeout(Duration.ofSeconds(5)).GET().build(),
                                                   HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200)
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        child.close();
        throw new IOException(child.name() + " did not answer within " + timeoutSeconds + " s");
    }

    /** Heap in use after a full GC of a child JVM, in bytes, read with jcmd; -1 if jcmd cannot tell. */
    static long heapAfterGc(Process p) {
        try {
            exec(List.of("jcmd", Long.toString(p.pid()), "GC.run"), 60);
            String info = exec(List.of("jcmd", Long.toString(p.pid()), "GC.heap_info"), 60);
            var m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(info);
            return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
        } catch (IOException | InterruptedException ex) {
            return -1;
        }
    }

    static boolean virtuosoInstalled() {
        return PrivateVirtuoso.binary().isPresent();
    }

    /**
     * Starts a private Virtuoso with the installed package's settings (its own database under {@code parent}, loopback
     * ports; see {@link PrivateVirtuoso#startWithPackageSettings}), fills it with our {@code load} command from the jar
     * as a user of {@code --sparql-endpoint} would, adds the free-text rule, and returns when it
     * answers SPARQL. Virtuoso answers a query without FROM over all graphs, as our default graph does.
     */
    static PrivateVirtuoso virtuoso(Path parent, Path jar) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar))
            throw new IOException("No " + jar + ": run the benchmark through Maven (mvn -B -Pbench verify), after package");
        PrivateVirtuoso v = PrivateVirtuoso.startWithPackageSettings(parent);
        try {
            long t0 = System.nanoTime();
            PrivateVirtuoso.LoadRun load = v.load(jar);
            if (load.code() != 0)
                throw new IOException("the load command failed (exit " + load.code() + "):\n" + load.output());
            System.out.printf(Locale.ROOT, "Virtuoso at %s loaded by the load command in %d ms%n", v.folder(),
                              TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            v.indexText();
            awaitFirstAnswer(new Child("Virtuoso 7", null, v.httpPort(), "/sparql", 0), System.nanoTime(), 60);
            return v;
        } catch (IOException | InterruptedException | RuntimeException ex) {
            v.close();
            throw ex;
        }
    }

    private static String exec(List<String> cmd, int seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + cmd);
        }
        if (p.exitValue() != 0)
            throw new IOException(cmd.get(0) + " exited " + p.exitValue() + ": " + out);
        return out;
    }
}
