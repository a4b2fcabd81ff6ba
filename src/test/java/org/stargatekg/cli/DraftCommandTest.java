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

    @Test
    void draft_corpus_prints_precision_and_recall_of_every_field_over_a_folder_with_gold_files() throws IOException {
        Path corpus = tmp.resolve("corpus");
        Files.createDirectories(corpus);
        Files.writeString(corpus.resolve("01-a.txt"), "Acme buys Widgetco\n\n\u201CWe won,\u201D Acme Corp. chief executive Jane Roe said.\n");
        Files.writeString(corpus.resolve("01-a.gold.tsv"), "person\tJane Roe\tRoe\norg\tAcme Corp.\tAcme\nquote\tWe won,\tJane Roe\n");
        Files.writeString(corpus.resolve("02-no-gold.txt"), "Not scored\n");
        CliRun run = CliRun.of("draft", "--corpus", corpus.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("Drafts of 1 articles"), run::toString);
        for (String field : new String[] {"quotations", "speakers", "amounts", "people", "organizations"})
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith(field) && l.contains("precision") && l.contains("recall")),
                       () -> field + " missing\n" + run);
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("speakers") && l.contains("1/1")), run::toString);
    }

    @Test
    void draft_corpus_with_an_article_is_a_usage_error() {
        CliRun run = CliRun.of("draft", "article.txt", "--corpus", tmp.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--corpus"), run::toString);
    }
}
