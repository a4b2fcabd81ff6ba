package org.stargatekg.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.stargatekg.vocab.Prefixes;
import org.stargatekg.load.ShippedSources;
import org.stargatekg.vocab.Namespaces;

/**
 * The competency questions as ready example queries for the editor: the shipped {@code .rq} files as they stand
 * (their PREFIX lines name the permanent namespaces, so each runs on any server).
 */
public final class Examples {


    private Examples() {}

    /** One example: an id such as "cq-01", the question, and the query text. */
    public record Example(String id, String title, String query) {}

    /** The shipped example queries (full-text search, named graphs, claims) and then the competency questions. */
    public static List<Example> shipped() {
        List<Example> out = new ArrayList<>(folder("examples"));
        out.addAll(competencyQuestions());
        return out;
    }

    /** The competency questions shipped with the server, in order. */
    public static List<Example> competencyQuestions() {
        return folder("competency");
    }

    private static List<Example> folder(String folder) {
        Path dir = ShippedSources.locate().queriesDir().resolve(folder);
        List<Example> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".rq")).sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                String first = text.lines().findFirst().orElse("");
                String title = first.startsWith("#") ? first.substring(1).trim() : f.getFileName().toString();
                String name = f.getFileName().toString();
                out.add(new Example(name.substring(0, name.length() - 3), title, text));
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out;
    }

    /** The PREFIX lines a new query starts with: our namespaces and the standard ones the data uses. */
    public static String prefixes(Namespaces ns) {
        StringBuilder sb = new StringBuilder();
        Prefixes.of(ns).getNsPrefixMap().entrySet().stream()
                .filter(e -> !List.of("sh", "void", "dcat", "vann", "cito", "foaf", "org").contains(e.getKey()))
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> sb.append("PREFIX ").append(e.getKey()).append(": <").append(e.getValue()).append(">\n"));
        return sb.toString();
    }
}
