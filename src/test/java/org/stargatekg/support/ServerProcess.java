package org.stargatekg.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Our built jar run as a user runs it, in a process of its own on a port the system picks ({@code --port 0}, read from
 * its log): for tests that stop, kill or restart servers, or put several behind a load balancer.
 */
public final class ServerProcess implements AutoCloseable {

    /** The jar {@code mvn package} builds. */
    public static final Path JAR = Path.of("target", "stargate-kg.jar");

    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the jar with the given options plus {@code --port 0}, logging to {@code log}; returns once it listens. */
    public static ServerProcess start(Path log, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                                       "-jar", JAR.toString(), "--port", "0"));
        command.addAll(List.of(options));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            return new ServerProcess(p, ListeningPort.await(log, p, Duration.ofSeconds(120)), log);
        } catch (RuntimeException | InterruptedException ex) {
            p.destroyForcibly();
            throw ex;
        }
    }

    /** The port it listens on. */
    public int port() {
        return port;
    }

    /** Its log file. */
    public Path log() {
        return log;
    }

    /** The process. */
    public Process process() {
        return process;
    }

    /** Ends it at once (SIGKILL), as a crash would: requests in flight are cut. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks it to stop (SIGTERM) and waits. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS))
                kill();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** Checks the jar is there, saying how to build it if not. */
    public static void requireJar() {
        if (!JAR.toFile().isFile())
            throw new UncheckedIOException(new IOException(JAR + " is missing: run through 'mvn verify', after package"));
    }
}
