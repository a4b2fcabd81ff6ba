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
import java.util.concurrent.TimeUnit;

import org.stargatekg.support.FreePort;

/** The peers, each a child process on loopback: plain Fuseki 5.6.0 and, where installed, Virtuoso 7. */
final class Peers {

    static final Path FUSEKI_JAR = Path.of("target/bench/fuseki-server.jar");
    static final Path VIRTUOSO = Path.of("/usr/bin/virtuoso-t");
    static final Path ISQL = Path.of("/usr/bin/isql-vt");
    static final String VIRTUOSO_HOW = "apt-get install -y virtuoso-opensource  (Debian/Ubuntu; gives /usr/bin/virtuoso-t and isql-vt)";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Peers() {}

    /** A server in a child process, stopped on close. */
    record Child(String name, Process process, int port, String sparqlPath, long startMillis) implements AutoCloseable {
        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS))
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts plain Fuseki with default settings on an in-memory dataset loaded from the given file; returns when it answers. */
    static Child fuseki(Path quads, Path log) throws IOException, InterruptedException {
        if (!Files.isRegularFile(FUSEKI_JAR))
            throw new IOException("No " + FUSEKI_JAR + ": run the benchmark through Maven (-Pbench), which fetches it");
        int port = FreePort.pick();
        long t0 = System.nanoTime();
        // Run in target/bench: the Fuseki jar makes its "run" folder in the working directory.
        Process p = new ProcessBuilder("java", "-jar", FUSEKI_JAR.toAbsolutePath().toString(), "--localhost", "--port=" + port,
                                       "--file=" + quads.toAbsolutePath(), "/ds")
                .directory(FUSEKI_JAR.toAbsolutePath().getParent().toFile()).redirectErrorStream(true).redirectOutput(log.toAbsolutePath().toFile()).start();
        Child child = new Child("plain Fuseki 5.6.0", p, port, "/ds/query", 0);
        long ms = awaitFirstAnswer(child, t0, 120);
        return new Child(child.name(), p, port, child.sparqlPath(), ms);
    }

    /** Starts our server from its jar (validation, inference, pages) as a child process; returns when it answers. */
    static Child ours(Path jar, Path log) throws IOException, InterruptedException {
        int port = FreePort.pick();
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("java", "-jar", jar.toString(), "--port", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(log.toAbsolutePath().toFile()).start();
        Child child = new Child("Stargate KG", p, port, "/sparql", 0);
        long ms = awaitFirstAnswer(child, t0, 120);
        return new Child(child.name(), p, port, child.sparqlPath(), ms);
    }

    /** Polls with a tiny query until a 200 comes back; returns milliseconds since {@code t0}. */
    static long awaitFirstAnswer(Child child, long t0, int timeoutSeconds) throws IOException, InterruptedException {
        String q = URLEncoder.encode("ASK { ?s ?p ?o }", StandardCharsets.UTF_8);
        URI uri = URI.create("http://127.0.0.1:" + child.port() + child.sparqlPath() + "?query=" + q);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            if (!child.process().isAlive())
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
        return Files.isExecutable(VIRTUOSO) && Files.isExecutable(ISQL);
    }

    /**
     * Starts Virtuoso with the Debian default settings (its own database under {@code dir}, loopback ports) and bulk-loads
     * the N-Quads file with ld_dir; Virtuoso answers a query without FROM over all graphs, as our default graph does.
     */
    static Child virtuoso(Path dir, Path nquads) throws IOException, InterruptedException {
        dir = dir.toAbsolutePath();
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        Path data = dir.resolve("load");
        Files.createDirectories(data);
        Files.copy(nquads, data.resolve("dataset.nq"));
        int sqlPort = FreePort.pick();
        int httpPort = FreePort.pick();
        String ini = Files.readString(Path.of("/etc/virtuoso-opensource-7/virtuoso.ini"), StandardCharsets.UTF_8)
                          .replace("/var/lib/virtuoso-opensource-7/db/", dir + "/")
                          .replaceAll("(?m)^ServerPort\\s*=\\s*1111", "ServerPort = 127.0.0.1:" + sqlPort)
                          .replaceAll("(?m)^ServerPort\\s*=\\s*8890", "ServerPort = 127.0.0.1:" + httpPort)
                          .replaceAll("(?m)^DirsAllowed\\s*=.*", "DirsAllowed = ., " + data + ", /usr/share/virtuoso-opensource-7/vad");
        Path iniFile = dir.resolve("virtuoso.ini");
        Files.writeString(iniFile, ini, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(VIRTUOSO.toString(), "+foreground", "+configfile", iniFile.toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        Child child = new Child("Virtuoso 7", p, httpPort, "/sparql", 0);
        awaitSql(sqlPort, p, 120);
        isql(sqlPort, "ld_dir('" + data + "', 'dataset.nq', 'urn:stargatekg:bench:default'); rdf_loader_run(); checkpoint;");
        awaitFirstAnswer(child, System.nanoTime(), 60);
        return child;
    }

    private static void awaitSql(int port, Process p, int seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive())
                throw new IOException("Virtuoso exited with code " + p.exitValue());
            try {
                String out = isql(port, "status();");
                if (!out.contains("Connect failed"))
                    return;
            } catch (IOException notYet) {
                // not up yet
            }
            Thread.sleep(200);
        }
        throw new IOException("Virtuoso did not open its SQL port within " + seconds + " s");
    }

    private static String isql(int port, String sql) throws IOException, InterruptedException {
        return exec(List.of(ISQL.toString(), "127.0.0.1:" + port, "dba", "dba", "exec=" + sql), 600);
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
