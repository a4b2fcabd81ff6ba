package org.stargatekg.cli;

import org.stargatekg.support.CliRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.junit.jupiter.api.Test;
import org.stargatekg.support.Fixtures;


/** The command line run with --validate: exit codes and the messages a person gets when the data is wrong. */
class CommandLineTest {

    /** What one run printed and returned. */

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static String fixture(String name) {
        return Fixtures.path(name).toString();
    }

    @Test
    void shipped_data_validates_with_exit_zero() {
        CliRun run = run("--validate");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("Valid: "), run::toString);
    }

    @Test
    void extra_valid_article_folder_validates_with_exit_zero() {
        CliRun run = run("--validate", "--data", fixture("extra-valid"));
        assertEquals(0, run.exitCode(), run::toString);
    }

    @Test
    void malformed_turtle_stops_start_with_file_line_and_column() {
        CliRun run = run("--validate", "--data", fixture("malformed-turtle"));
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains(Fixtures.path("malformed-turtle/broken.ttl").toString()), run::toString);
        assertTrue(run.err().contains("line 6, column 1"), run::toString);
    }

    @Test
    void shape_violation_stops_start_naming_focus_node_and_path() {
        CliRun run = run("--validate", "--base-url", "http://example.org/kg/", "--data", fixture("shape-violation"));
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("<https://w3id.org/stargate-kg/id/fixture-unspoken-claim>"), run::toString);
        assertTrue(run.err().contains("path:    sg:speaker"), run::toString);
    }

    @Test
    void evidence_anchor_that_does_not_slice_true_stops_start_naming_the_passage() {
        CliRun run = run("--validate", "--data", fixture("evidence-mismatch"));
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("<https://w3id.org/stargate-kg/evidence/evidence-mismatch-said>"), run::toString);
        assertTrue(run.err().contains(Fixtures.path("evidence-mismatch/article.ttl").toString()), run::toString);
        assertTrue(run.err().contains("\"said the gadget is great\"") && run.err().contains("\"said the widget is great\""),
                   run::toString);
    }

    @Test
    void base_url_without_trailing_slash_is_a_usage_error() {
        CliRun run = run("--validate", "--base-url", "http://example.org/kg");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--base-url"), run::toString);
    }

    @Test
    void base_url_that_is_not_http_is_a_usage_error() {
        CliRun run = run("--validate", "--base-url", "urn:example:kg/");
        assertEquals(2, run.exitCode(), run::toString);
    }

    @Test
    void non_positive_timeout_is_a_usage_error() {
        CliRun run = run("--validate", "--timeout", "0");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--timeout"), run::toString);
    }

    @Test
    void unknown_option_is_a_usage_error() {
        CliRun run = run("--no-such-option");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("Unknown option"), run::toString);
    }

    @Test
    void help_and_version_exit_zero() {
        CliRun help = run("--help");
        assertEquals(0, help.exitCode(), help::toString);
        assertTrue(help.out().contains("--data"), help::toString);
        CliRun version = run("--version");
        assertEquals(0, version.exitCode(), version::toString);
        assertTrue(version.out().startsWith("stargate-kg "), version::toString);
    }
}
