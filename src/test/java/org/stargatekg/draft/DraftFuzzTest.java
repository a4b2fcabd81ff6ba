package org.stargatekg.draft;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The draft never fails on text: random and hostile texts (empty, one line, only quotation marks, unbalanced marks,
 * 100 KB, control characters, right-to-left script, random code points) each give a folder that loads with the
 * shipped data, and no Turtle file of it is without triples.
 */
class DraftFuzzTest {

    private static Path dir;

    @BeforeAll
    static void folder() throws IOException {
        dir = Files.createTempDirectory("draft-fuzz");
    }

    static Stream<Arguments> texts() {
        Random random = new Random(24);
        List<Arguments> out = new ArrayList<>();
        out.add(Arguments.of("empty", ""));
        out.add(Arguments.of("one line", "Just one line without an end"));
        out.add(Arguments.of("only quotes", "\"\"\"\" \u201C\u201D\u201C \u201D \"\n\"\"\n\u201C"));
        out.add(Arguments.of("unbalanced quotes", "Title\n\n\"We will win, said Jane Roe of Acme Corp. \u201CNever,\" he said \u201D and \u2018so\n\"$5 billion"));
        out.add(Arguments.of("control characters", "Head\u0001line\n\n\u0000\u0007\"Quote\u0008 here,\" said Ann\u001B Lee.\t\u000B\u000C $3\u0002 million\r\n"));
        out.add(Arguments.of("right to left", "\u05D7\u05D3\u05E9\u05D5\u05EA \u05D4\u05D9\u05D5\u05DD\n\n\u0627\u0644\u0634\u0631\u0643\u0629 \u0642\u0627\u0644\u062A \"\u0645\u0631\u062D\u0628\u0627\" \u202E\u202Bsaid Omar Haddad\u202C \u20AC4 \u0645\u0644\u064A\u0648\u0646."));
        out.add(Arguments.of("backslashes and turtle syntax", "A \\\"title\\\" <http://x> .\n\n\"\\u0022 ; ] . @prefix x: <y> .\" said Bob Stone\\. \"\"\"triple\"\"\" '''"));
        out.add(Arguments.of("100 KB of wire copy", wire(random, 100_000)));
        out.add(Arguments.of("100 KB without a full stop", "x ".repeat(50_000)));
        out.add(Arguments.of("random code points", codePoints(random, 4_000)));
        return out.stream();
    }

    private static String wire(Random r, int size) {
        String[] parts = {"Jane Roe", "said", "\u201CWe won,\u201D", "Acme Corp.", "$4.5 billion", "she told reporters.", "\n\n",
                          "\"It is", "the company said", "Dr. Omar Haddad, a lawyer,", "according to", "\u2019s", "\u20AC3m", ",", "."};
        StringBuilder sb = new StringBuilder("A headline about Acme\n\n");
        while (sb.length() < size - 20)
            sb.append(parts[r.nextInt(parts.length)]).append(' ');
        return sb.toString();
    }

    private static String codePoints(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < n) {
            int cp = r.nextInt(0x2FFFF);
            if (Character.isDefined(cp) && (cp < 0xD800 || cp > 0xDFFF))
                sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    /** Found on real wire copy: with no statement to write, the quotations without a speaker used to be dropped unsaid. */
    @org.junit.jupiter.api.Test
    void quotations_without_a_speaker_are_listed_for_the_reviewer_even_when_no_statement_is_found() throws IOException {
        Path file = dir.resolve("unnamed.txt");
        Files.writeString(file, "Board begins search\n\nThe board has begun a search for a new chair, a newspaper reported.\n"
                                + "\"It is an orderly process and the search has begun,\" the person added.\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("unnamed");
        Drafting.Result result = Drafting.of(file, out).write();
        assertNotNull(result.loaded());
        assertTrue(result.draft().statements.isEmpty(), "a statement was made up: " + result.draft().statements.size());
        String article = Files.readString(out.resolve("article.ttl"), StandardCharsets.UTF_8);
        assertTrue(article.contains("# No speaker found for the quotation \u201CIt is an orderly process and the search has begun\u201D"), article);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void any_text_gives_a_folder_that_loads_with_no_empty_turtle_file(String name, String text) throws IOException {
        Path file = dir.resolve(Words.slug(name) + ".txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Path out = dir.resolve(Words.slug(name));
        Drafting.Result result = Drafting.of(file, out).write();
        assertNotNull(result.loaded(), name);
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".ttl")).toList()) {
                String turtle = Files.readString(f, StandardCharsets.UTF_8);
                assertTrue(turtle.lines().anyMatch(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("@prefix")),
                           name + ": " + f.getFileName() + " states nothing:\n" + turtle);
            }
        }
    }

    @AfterAll
    static void clean() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
