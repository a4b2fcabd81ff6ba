package org.stargatekg.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The port a server process started with {@code --port 0} listens on, read from the line it logs once bound. */
public final class ListeningPort {

    private static final Pattern LISTENING = Pattern.compile("Stargate KG listening on http://[^ ]*:(\\d+)/sparql");

    private ListeningPort() {}

    /** Waits for the process to log where it listens and returns the port, failing if it ends or stays silent too long. */
    public static int await(Path log, Process process, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            Matcher m = LISTENING.matcher(read(log));
            if (m.find())
                return Integer.parseInt(m.group(1));
            if (!process.isAlive())
                throw new IllegalStateException("the server ended with code " + process.exitValue() + " before listening:\n" + read(log));
            Thread.sleep(100);
        }
        throw new IllegalStateException("the server did not say where it listens after " + timeout + ":\n" + read(log));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
