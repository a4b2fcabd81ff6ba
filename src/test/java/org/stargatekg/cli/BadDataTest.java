package org.stargatekg.cli;

import org.stargatekg.support.CliRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.stargatekg.support.Fixtures;


/**
 * Bad data in an extra article folder stops the start: exit 1, nothing served, and a message that names the file,
 * the line and column (or the resource) and what is wrong.
 */
class BadDataTest {


    /** Runs --validate with each fixture as a --data folder. */
    private static CliRun validate(String... fixtures) {
        List<String> args = new ArrayList<>(List.of("--validate"));
        for (String f : fixtures) {
            args.add("--data");
            args.add(Fixtures.path(f).toString());
        }
        return run(args.toArray(String[]::new));
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static String file(String name) {
        return Fixtures.path(name).toString();
    }

    @Test
    void undeclared_prefix_stops_start_naming_file_line_column_and_prefix() {
        validate("unknown-prefix").assertRefused(file("unknown-prefix/article.ttl"), "line 14, column 27", "Undefined prefix: foo");
    }

    @Test
    void ill_formed_decimal_literal_stops_start_naming_file_line_column_and_datatype() {
        validate("ill-formed-literal").assertRefused(file("ill-formed-literal/article.ttl"), "line 14, column 41",
                                                     "'abc'", "decimal");
    }

    @Test
    void anchor_ending_past_the_article_stops_start_naming_the_passage_and_the_length() {
        validate("anchor-past-end").assertRefused(file("anchor-past-end/article.ttl"),
                                                  "<https://w3id.org/stargate-kg/evidence/anchor-past-end-tail>",
                                                  "endIndex 90 is past the end of the article (73 characters)");
    }

    @Test
    void empty_turtle_file_stops_start_naming_the_file() {
        validate("empty-turtle").assertRefused(file("empty-turtle/notes.ttl"), "states no triples");
    }

    @Test
    void missing_article_text_stops_start_naming_the_folder() {
        validate("missing-article-text").assertRefused(file("missing-article-text"), "has no article.txt");
    }

    @Test
    void latin1_turtle_file_stops_start_naming_file_line_column_and_byte() {
        validate("non-utf8-turtle").assertRefused(file("non-utf8-turtle/article.ttl"), "not valid UTF-8",
                                                  "line 12, column 31", "0xE9");
    }

    @Test
    void latin1_article_text_stops_start_naming_the_file() {
        validate("non-utf8-text").assertRefused(file("non-utf8-text/article.txt"), "not valid UTF-8");
    }

    @Test
    void passage_claimed_by_two_article_folders_stops_start_naming_both_folders() {
        validate("extra-valid", "claims-a-passage-again").assertRefused(
                "<https://w3id.org/stargate-kg/evidence/extra-valid-title>",
                "article folder 'extra-valid' (" + file("extra-valid/article.ttl") + ")",
                "article folder 'claims-a-passage-again' also describes it (" + file("claims-a-passage-again/article.ttl") + ")");
    }

    @Test
    void person_described_by_two_articles_is_allowed() {
        CliRun run = validate("shares-a-person");
        assertEquals(0, run.exitCode(), run::toString);
    }

    @Test
    void bad_data_stops_a_serving_start_too_before_anything_listens() {
        // Were the load to succeed, the command would serve and block: the timeout turns that into a failure.
        CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run("--port", "0", "--data", file("ill-formed-literal")));
        run.assertRefused(file("ill-formed-literal/article.ttl"), "line 14, column 41");
    }
}
