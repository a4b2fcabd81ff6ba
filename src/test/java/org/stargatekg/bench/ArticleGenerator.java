package org.stargatekg.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A seeded, reproducible generator of synthetic article folders in our ontology, made from a template article folder
 * (the shipped one): each synthetic article gets its own IRIs for every {@code id:} and {@code ev:} resource (actors,
 * statements, amounts, legal actions, events, evidence), a generated opening paragraph that differs per article and
 * seed, and every evidence offset shifted by that paragraph's length, so each passage still slices its own text true
 * and the loader's evidence check, inference and SHACL validation run on it as on the real article.
 */
public final class ArticleGenerator {

    private static final Pattern LOCAL = Pattern.compile("(?<![\\w:/#])(id|ev):([A-Za-z0-9][A-Za-z0-9_-]*)");
    private static final Pattern OFFSET = Pattern.compile("(nif:(?:begin|end)Index\\s+\")(\\d+)(\"\\^\\^xsd:nonNegativeInteger)");
    private static final List<String> WORDS = List.of("investors", "data", "centres", "power", "grid", "chips", "board", "court",
            "filing", "regulators", "capital", "partners", "statement", "analysts", "funding", "compute", "contract", "market",
            "shareholders", "lawsuit", "venture", "billion", "growth", "Texas", "Abilene", "cloud", "model", "training");

    private final long seed;

    public ArticleGenerator(long seed) {
        this.seed = seed;
    }

    /** Writes {@code count} synthetic article folders (synthetic-00001 ...) made from the template folder into {@code out}. */
    public void write(Path template, Path out, int count) throws IOException {
        String text = Files.readString(template.resolve("article.txt"), StandardCharsets.UTF_8);
        List<Path> ttl;
        try (Stream<Path> files = Files.list(template)) {
            ttl = files.filter(f -> f.toString().endsWith(".ttl")).sorted().toList();
        }
        List<String> turtle = ttl.stream().map(ArticleGenerator::read).toList();
        Files.createDirectories(out);
        for (int i = 1; i <= count; i++) {
            String name = String.format(Locale.ROOT, "synthetic-%05d", i);
            Random random = new Random(seed * 1_000_003L + i);
            String opening = opening(random, i);
            String suffix = String.format(Locale.ROOT, "-s%05d", i);
            Path dir = out.resolve(name);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("article.txt"), opening + text, StandardCharsets.UTF_8);
            for (int f = 0; f < ttl.size(); f++) {
                String body = rename(turtle.get(f), suffix);
                body = shift(body, opening.length());
                Files.writeString(dir.resolve(ttl.get(f).getFileName().toString()), body, StandardCharsets.UTF_8);
            }
        }
    }

    /** A generated first paragraph, plain ASCII so its length in characters is its length in code points. */
    private static String opening(Random random, int i) {
        StringBuilder sb = new StringBuilder("Synthetic report ").append(i).append(":");
        int n = 8 + random.nextInt(24);
        for (int w = 0; w < n; w++)
            sb.append(' ').append(WORDS.get(random.nextInt(WORDS.size())));
        return sb.append(".\n\n").toString();
    }

    private static String rename(String turtle, String suffix) {
        return LOCAL.matcher(turtle).replaceAll(m -> m.group(1) + ":" + m.group(2) + suffix);
    }

    private static String shift(String turtle, int by) {
        Matcher m = OFFSET.matcher(turtle);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + (Integer.parseInt(r.group(2)) + by) + r.group(3)));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
