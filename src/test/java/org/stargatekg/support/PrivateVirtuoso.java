package org.stargatekg.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A Virtuoso of our own for tests and the benchmark: Debian's {@code virtuoso-t} with its config and database in a
 * fresh folder under {@code target/}, listening on two free loopback ports, its dba password changed to a random one.
 * Never the system instance. {@link #load} fills it with the jar's {@code load} command; {@link #close()} stops it.
 */
public final class PrivateVirtuoso implements AutoCloseable {

    private static final List<Path> BINARIES = List.of(Path.of("/usr/bin/virtuoso-t"), Path.of("/usr/local/bin/virtuoso-t"));

    private Process process;
    private final int httpPort;
    private final int sqlPort;
    private final String password;
    private final Path folder;

    private PrivateVirtuoso(Process process, int httpPort, int sqlPort, String password, Path folder) {
        this.process = process;
        this.httpPort = httpPort;
        this.sqlPort = sqlPort;
        this.password = password;
        this.folder = folder;
    }

    /** The virtuoso-t binary, if installed; the system property {@code virtuoso.binary} names another (or a missing one). */
    public static Optional<Path> binary() {
        String given = System.getProperty("virtuoso.binary");
        if (given != null)
            return Optional.of(Path.of(given)).filter(Files::isExecutable);
        return BINARIES.stream().filter(Files::isExecutable).findFirst();
    }

    /** Starts one in a new folder under {@code parent}, with small settings of our own, and waits until it answers SPARQL. */
    public static PrivateVirtuoso start(Path parent) throws IOException, InterruptedException {
        return start(parent, (sqlPort, httpPort) -> String.join("\n",
                "[Database]", "DatabaseFile = virtuoso.db", "ErrorLogFile = virtuoso.log", "LockFile = virtuoso.lck",
                "TransactionFile = virtuoso.trx", "xa_persistent_file = virtuoso.pxa", "ErrorLogLevel = 7", "FileExtend = 200",
                "Striping = 0", "TempStorage = TempDatabase",
                "[TempDatabase]", "DatabaseFile = virtuoso-temp.db", "TransactionFile = virtuoso-temp.trx", "Striping = 0",
                "[Parameters]", "ServerPort = 127.0.0.1:" + sqlPort, "DisableUnixSocket = 1", "DisableTcpSocket = 0",
                "MaxClientConnections = 10", "CheckpointInterval = 60", "CaseMode = 2", "DirsAllowed = .",
                "ThreadsPerQuery = 2", "NumberOfBuffers = 10000", "MaxDirtyBuffers = 6000", "MaxQueryMem = 200M",
                "[HTTPServer]", "ServerPort = 127.0.0.1:" + httpPort, "ServerRoot = .", "MaxClientConnections = 10",
                "ServerThreads = 10", "MaxKeepAlives = 10", "KeepAliveTimeout = 10", "Charset = UTF-8", "EnabledGzipContent = 0",
                "[SPARQL]", "ResultSetMaxRows = 100000", "MaxQueryExecutionTime = 60", ""));
    }

    /** The configuration the Debian package installs, used as it is but for the paths and ports. */
    public static final Path PACKAGE_SETTINGS = Path.of("/etc/virtuoso-opensource-7/virtuoso.ini");

    /**
     * Starts one in a new folder under {@code parent} with the settings of the installed package
     * ({@link #PACKAGE_SETTINGS}: its buffers, threads, limits), only its database files moved into the folder, its
     * ports moved to free loopback ones and the two settings docs/stores.md gives for a store behind our servers
     * ({@link #COST_ESTIMATION}, {@link #THREADS_PER_QUERY}): Virtuoso as a user who installed it would run it, for the benchmark.
     */
    public static PrivateVirtuoso startWithPackageSettings(Path parent) throws IOException, InterruptedException {
        if (!Files.isRegularFile(PACKAGE_SETTINGS))
            throw new IOException("No " + PACKAGE_SETTINGS + " (the virtuoso-opensource package's settings)");
        String packaged = Files.readString(PACKAGE_SETTINGS);
        return start(parent, (sqlPort, httpPort) -> packaged
                .replace("/var/lib/virtuoso-opensource-7/db/", "./")
                .replaceAll("(?m)^ServerPort\\s*=\\s*1111\\b", "ServerPort = 127.0.0.1:" + sqlPort)
                .replaceAll("(?m)^ServerPort\\s*=\\s*8890\\b", "ServerPort = 127.0.0.1:" + httpPort)
                .replaceAll("(?m)^MaxQueryCostEstimationTime\\s*=\\s*\\d+", "MaxQueryCostEstimationTime = " + COST_ESTIMATION)
                .replaceAll("(?m)^ThreadsPerQuery\\s*=\\s*\\d+", "ThreadsPerQuery = " + THREADS_PER_QUERY));
    }

    /**
     * What the benchmark sets Virtuoso's {@code [SPARQL] MaxQueryCostEstimationTime} to: {@code 0} (no estimate, as
     * docs/stores.md recommends behind our server) unless {@code -Dvirtuoso.costEstimation=400} asks for the package's.
     */
    public static final String COST_ESTIMATION = System.getProperty("virtuoso.costEstimation", "0");

    /**
     * What the benchmark sets Virtuoso's {@code [Parameters] ThreadsPerQuery} to: {@code 1} (one thread per query, as
     * docs/stores.md recommends behind our server) unless {@code -Dvirtuoso.threadsPerQuery=4} asks for the package's.
     */
    public static final String THREADS_PER_QUERY = System.getProperty("virtuoso.threadsPerQuery", "1");

    /** The text of a virtuoso.ini for a database in the working directory, listening on the two ports given. */
    private interface Settings {
        String ini(int sqlPort, int httpPort);
    }

    private static PrivateVirtuoso start(Path parent, Settings settings) throws IOException, InterruptedException {
        Path bin = binary().orElseThrow(() -> new IllegalStateException("virtuoso-t is not installed"));
        Path folder = Files.createDirectories(parent.resolve("virtuoso-" + System.currentTimeMillis())).toAbsolutePath();
        int sqlPort = FreePort.pick();
        int httpPort = FreePort.pick();
        String ini = settings.ini(sqlPort, httpPort);
        if (!ini.contains("127.0.0.1:" + sqlPort) || !ini.contains("127.0.0.1:" + httpPort))
            throw new IllegalStateException("the settings do not put both ports on loopback: " + folder.resolve("virtuoso.ini"));
        Files.writeString(folder.resolve("virtuoso.ini"), ini);
        Process process = launch(bin, folder);
        String password = "pw" + UUID.randomUUID().toString().replace("-", "");
        PrivateVirtuoso v = new PrivateVirtuoso(process, httpPort, sqlPort, password, folder);
        try {
            waitForPort(sqlPort, process, Duration.ofSeconds(60));
            waitForPort(httpPort, process, Duration.ofSeconds(60));
            v.isql(sqlPort, "dba", "dba", "USER_SET_PASSWORD('dba', '" + password + "');");
        } catch (IOException | RuntimeException ex) {
            v.close();
            throw ex;
        }
        return v;
    }

    private static Process launch(Path bin, Path folder) throws IOException {
        return new ProcessBuilder(bin.toString(), "-c", "virtuoso.ini", "+foreground")
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("stdout.log").toFile()))
                .start();
    }

    /** Stops the server, keeping its folder and database: {@link #restart} starts it again on the same ports. */
    public void stop() {
        close();
    }

    /** Starts the stopped server again from its folder (same database, ports and password) and waits until it listens. */
    public void restart() throws IOException, InterruptedException {
        if (process.isAlive())
            throw new IllegalStateException("Virtuoso is still running");
        Files.deleteIfExists(folder.resolve("virtuoso.lck"));
        process = launch(binary().orElseThrow(), folder);
        waitForPort(sqlPort, process, Duration.ofSeconds(120));
        waitForPort(httpPort, process, Duration.ofSeconds(120));
    }

    /** Waits until something listens on a loopback port, failing if the process dies first. */
    public static void waitForPort(int port, Process process, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive())
                throw new IllegalStateException("process ended with code " + process.exitValue() + " before port " + port + " opened");
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("nothing listens on port " + port + " after " + timeout);
    }

    private void isql(int sqlPort, String user, String userPassword, String sql) throws IOException, InterruptedException {
        Path isql = Files.isExecutable(Path.of("/usr/bin/isql-vt")) ? Path.of("/usr/bin/isql-vt") : Path.of("isql-vt");
        Process p = new ProcessBuilder(isql.toString(), "127.0.0.1:" + sqlPort, user, userPassword, "exec=" + sql)
                .redirectErrorStream(true).redirectOutput(folder.resolve("isql.log").toFile()).start();
        // isql-vt exits 0 even when the statement fails, so its log is read too.
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0 || Files.readString(folder.resolve("isql.log")).contains("*** Error"))
            throw new IllegalStateException("isql-vt failed: " + Files.readString(folder.resolve("isql.log")));
    }

    /** Runs one SQL statement as dba (with the changed password), failing if isql-vt reports an error. */
    public void sql(String statement) throws IOException, InterruptedException {
        isql(sqlPort, "dba", password, statement);
    }

    /**
     * Makes {@code bif:contains} find our literals: a free-text rule for every graph and predicate (there is none in a
     * fresh database), then the index refreshed at once instead of in Virtuoso's next batch.
     */
    public void indexText() throws IOException, InterruptedException {
        sql("DB.DBA.RDF_OBJ_FT_RULE_ADD(null, null, 'All');");
        sql("DB.DBA.VT_INC_INDEX_DB_DBA_RDF_OBJ();");
    }

    /** The SPARQL query endpoint. */
    public String sparqlEndpoint() {
        return "http://127.0.0.1:" + httpPort + "/sparql";
    }

    /** The Graph Store Protocol service that takes writes with digest authentication. */
    public String graphStore() {
        return "http://127.0.0.1:" + httpPort + "/sparql-graph-crud-auth";
    }

    /** The HTTP port (SPARQL endpoint, Graph Store Protocol) on 127.0.0.1. */
    public int httpPort() {
        return httpPort;
    }

    /** The server's process (the benchmark reads its CPU time). */
    public ProcessHandle processHandle() {
        return process.toHandle();
    }

    /** The folder holding its settings, database and logs. */
    public Path folder() {
        return folder;
    }

    /** What one run of the {@code load} command did: its exit code and everything it printed. */
    public record LoadRun(int code, String output) {}

    /** Loads the data with the built jar's {@code load} command as dba, with the right password. */
    public LoadRun load(Path jar) {
        return load(jar, password);
    }

    /**
     * Runs the built jar's {@code load} command into this store's Graph Store Protocol service as dba, the password
     * in its environment as a user would give it; the data keeps its permanent IRIs, whatever server serves it later.
     */
    public LoadRun load(Path jar, String dbaPassword) {
        return load(jar, dbaPassword, List.of());
    }

    /** Loads the data with the built jar's {@code load} command as dba, with more options (such as {@code --data DIR}). */
    public LoadRun loadWith(Path jar, String... options) {
        return load(jar, password, List.of(options));
    }

    private LoadRun load(Path jar, String dbaPassword, List<String> options) {
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new java.util.ArrayList<>(List.of(java, "-jar", jar.toString(), "load", "--graph-store", graphStore(),
                                                                      "--store-user", "dba"));
            command.addAll(options);
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("KG_STORE_PASSWORD", dbaPassword);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("load did not end");
            }
            return new LoadRun(p.exitValue(), out);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** The dba user's (random) password. */
    public String password() {
        return password;
    }

    /** Stops the server. */
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
