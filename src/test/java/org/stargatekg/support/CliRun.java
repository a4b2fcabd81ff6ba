package org.stargatekg.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.stargatekg.cli.Main;

import picocli.CommandLine;

/** One run of the command line in this JVM: its exit code and what it printed, for tests of options and bad data. */
public record CliRun(int exitCode, String out, String err) {

    /** Runs {@code Main} with the arguments, capturing standard output and error. */
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Asserts the load was refused: exit 1, no summary printed, and every part named on standard error. */
    public void assertRefused(String... parts) {
        assertEquals(1, exitCode, this::toString);
        assertTrue(out.isEmpty(), () -> "printed a summary although the load failed\n" + this);
        for (String part : parts)
            assertTrue(err.contains(part), () -> "stderr lacks \"" + part + "\"\n" + this);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
    }
}
