package org.stargatekg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stargatekg.load.ShippedSources;
import org.stargatekg.support.CliRun;

/** The draft subcommand as a user runs it: a folder written and checked, the comparison printed, bad arguments refused. */
class DraftCommandTest {

    @TempDir
    Path tmp;

    @Test
    void draft_with_compare_writes_a_folder_that_loads_and_prints_precision_and_recall() throws IOException {
        Path stargate = ShippedSources.locate().dataDir().resolve("stargate");
        Path out = tmp.resolve("stargate-draft");
        CliRun run = CliRun.of("draft", stargate.resolve("article.txt").toString(), "--out", out.toString(), "--compare", stargate.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("The folder loads with the shipped data"), run::toString);
        for (String measure : new String[] {"quotations", "speakers", "amounts", "entity links", "passages"})
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith(measure) && l.contains("precision") && l.contains("recall")),
                       () -> measure + " missing\n" + run);
        assertTrue(Files.isRegularFile(out.resolve("statements.ttl")) && Files.isRegularFile(out.resolve("article.txt")), run::toString);
    }

    @Test
    void draft_of_a_missing_file_is_a_usage_error() {
        CliRun run = CliRun.of("draft", tmp.resolve("nothing.txt").toString(), "--out", tmp.resolve("x").toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("ARTICLE.txt is not a file"), run::toString);
    }

    @Test
    void draft_without_out_is_a_usage_error() {
        CliRun run = CliRun.of("draft", "article.txt");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--out"), run::toString);
    }
}
