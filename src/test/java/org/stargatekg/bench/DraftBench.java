package org.stargatekg.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.stargatekg.draft.Drafter;
import org.stargatekg.draft.Drafting;
import org.stargatekg.draft.KnownEntities;

/**
 * The draft's speed (issue 24: a 1,000-word article under 5 s warm), run by
 * {@code mvn -B -Pbench verify -DskipTests -Dbench.args=draft}. Builds an article of at least 1,000 words from the
 * development corpus, loads the NLP pipeline once, warms up, then times five drafts of it as the command makes them
 * (load the graph, draft, write, load the folder back) and five of the text alone, beside the shipped 300-word article
 * in the same run, and prints the medians and their ratios.
 */
public final class DraftBench {

    private static final int RUNS = 5;

    private DraftBench() {}

    /** Runs the benchmark and prints its lines. */
    public static void main(String... args) throws IOException {
        Path dir = Files.createTempDirectory("draft-bench");
        Path article = dir.resolve("thousand.txt");
        String text = thousandWords();
        Files.writeString(article, text, StandardCharsets.UTF_8);
        Path stargate = Path.of("data/stargate/article.txt");
        long t0 = System.nanoTime();
        Drafter.draft("warm", "Warm-up\n\n\u201CHello,\u201D Jane Roe said.", KnownEntities.none(), "http://example.org/id/");
        double load = (System.nanoTime() - t0) / 1e9;
        for (int i = 0; i < 3; i++)
            Drafter.draft("warm", text, KnownEntities.none(), "http://example.org/id/");
        double textOnly = median(() -> Drafter.draft("bench", text, KnownEntities.none(), "http://example.org/id/"));
        double command = median(() -> Drafting.of(article, dir.resolve("out")).write());
        String small = Files.readString(stargate, StandardCharsets.UTF_8);
        double smallText = median(() -> Drafter.draft("bench", small, KnownEntities.none(), "http://example.org/id/"));
        int words = text.split("\\s+").length;
        System.out.printf("%nDraft benchmark (%d cores, Java %s)%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf("NLP pipeline load (once per JVM):                 %6.2f s%n", load);
        System.out.printf("draft of %d words, text only (median of %d):   %6.3f s%n", words, RUNS, textOnly);
        System.out.printf("draft of %d words as the command runs it:      %6.3f s  (target 5 s: %.2f of it)%n", words, command, command / 5);
        System.out.printf("draft of the %d-word Stargate article, text only: %6.3f s  (1,000 words / it: %.1fx)%n",
                          small.split("\\s+").length, smallText, textOnly / smallText);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String thousandWords() throws IOException {
        List<Path> texts;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/draft-corpus/dev"))) {
            texts = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        StringBuilder sb = new StringBuilder("A thousand words of wire copy\n\n");
        for (Path p : texts) {
            String body = Files.readString(p, StandardCharsets.UTF_8);
            sb.append(body.substring(body.indexOf('\n') + 1).strip()).append("\n\n");
            if (sb.toString().split("\\s+").length >= 1000)
                break;
        }
        return sb.toString();
    }

    private static double median(Runnable r) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            r.run();
            times.add((System.nanoTime() - t) / 1e9);
        }
        times.sort(null);
        return times.get(RUNS / 2);
    }
}
