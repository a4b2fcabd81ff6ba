package org.stargatekg.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.system.Txn;
import org.stargatekg.describe.DatasetStatistics;
import org.stargatekg.load.KnowledgeGraph;
import org.stargatekg.load.KnowledgeGraphLoader;
import org.stargatekg.backend.PersistentStore;
import org.stargatekg.search.SearchIndex;
import org.stargatekg.vocab.Namespaces;

/**
 * The scale run: the shipped article plus synthetic ones from {@link ArticleGenerator} (seed 42) at each size of
 * {@code bench.scales} (default 1,1000,3200,10000 times the article; 3,200x is about 5 million quads, 10,000x about
 * 15.7 million), loaded through the full loader (evidence check, inference, SHACL) in memory, and at each size of
 * {@code bench.storeScales} (default 1,1000,3200) again into a TDB2 store on disk, as {@code --store} does. Reports load time and rate, heap per quad, and the 28 competency queries' latencies run
 * in this JVM straight on the dataset (no HTTP, no response cache), then how each figure grows with size.
 */
final class ScaleRun {

    private static final String BASE = Namespaces.STANDARD;

    private final StringBuilder report;

    ScaleRun(StringBuilder report) {
        this.report = report;
    }

    record Size(int times, long quads, double loadSeconds, long heapBytes, Map<String, Double> queryMs, Map<String, Double> phases) {
        double rate() {
            return quads / loadSeconds;
        }

        double bytesPerQuad() {
            return (double) heapBytes / quads;
        }

        double medianMs() {
            return Benchmark.median(queryMs.values().stream().mapToDouble(d -> d).toArray());
        }

        double sumMs() {
            return queryMs.values().stream().mapToDouble(d -> d).sum();
        }
    }

    void run() throws IOException {
        int[] scales = sizes("bench.scales", "1,1000,3200,10000");
        int[] storeScales = sizes("bench.storeScales", "1,1000,3200");
        List<String> queries = Benchmark.competencyQueries(BASE);
        List<Size> sizes = new ArrayList<>();
        List<Size> stored = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int times : scales) {
            Path dir = Benchmark.OUT.resolve("scale/" + times);
            deleteTree(dir);
            if (times > 1)
                new ArticleGenerator(42).write(Path.of("data/stargate"), dir, times - 1);
            Size s = measure(times, dir, null, queries, notes);
            if (s == null)
                break;
            sizes.add(s);
            if (Arrays.stream(storeScales).anyMatch(t -> t == times)) {
                Path db = Benchmark.OUT.resolve("scale/tdb2-" + times);
                deleteTree(db);
                Size t = measure(times, dir, db, queries, notes);
                if (t != null)
                    stored.add(t);
                deleteTree(db);
            }
            deleteTree(dir);
        }
        write(sizes, notes, "in memory");
        if (!stored.isEmpty())
            write(stored, List.of(), "with --store (TDB2 on disk)");
    }

    private static int[] sizes(String property, String dflt) {
        return Arrays.stream(System.getProperty(property, dflt).split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    }

    /** Loads the article plus the generated folder (in memory, or into a TDB2 store when {@code db} is given), then times the queries. */
    private static Size measure(int times, Path dir, Path db, List<String> queries, List<String> notes) {
        String mode = db == null ? "memory" : "tdb2";
        long before = usedAfterGc();
        long t0 = System.nanoTime();
        KnowledgeGraph graph;
        Map<String, Double> phases;
        try {
            KnowledgeGraphLoader loader = KnowledgeGraphLoader.create(new Namespaces(BASE)).ontology(Path.of("ontology")).article(Path.of("data/stargate"));
            if (times > 1)
                loader.articles(dir);
            if (db != null)
                loader.store(PersistentStore.at(db));
            graph = loader.load();
            phases = loader.phaseSeconds();
        } catch (OutOfMemoryError ex) {
            notes.add(times + "x (" + mode + "): out of memory while loading with -Xmx" + Runtime.getRuntime().maxMemory() / (1 << 20) + "m; larger sizes not run");
            System.out.println("scale " + times + "x " + mode + ": out of memory");
            return null;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        phases.put("other", seconds - phases.values().stream().mapToDouble(d -> d).sum());
        long heap = usedAfterGc() - before;
        // What the server does on top of the loader before it answers: the full-text index and the VoID counts.
        long t1 = System.nanoTime();
        SearchIndex.build(graph.dataset().asDatasetGraph(), graph.namespaces());
        phases.put("search index (server)", (System.nanoTime() - t1) / 1e9);
        t1 = System.nanoTime();
        DatasetStatistics.of(graph.dataset().asDatasetGraph());
        phases.put("statistics (server)", (System.nanoTime() - t1) / 1e9);
        StringBuilder phaseLine = new StringBuilder();
        phases.forEach((k, v) -> phaseLine.append(String.format(Locale.ROOT, " %s %.2f s;", k, v)));
        System.out.println("scale " + times + "x " + mode + " phases:" + phaseLine);
        // Collect what building the index and statistics left behind, so that no collection runs while queries are timed.
        usedAfterGc();
        Map<String, Double> ms = new LinkedHashMap<>();
        for (int i = 0; i < queries.size(); i++)
            ms.put(String.format(Locale.ROOT, "CQ-%02d", i + 1), latency(graph, queries.get(i)));
        Size s = new Size(times, graph.quadCount(), seconds, heap, ms, phases);
        System.out.printf(Locale.ROOT, "scale %6dx %s: %,d quads, load %.1f s (%,.0f quads/s), %.0f bytes/quad, CQ median %.2f ms, sum %.1f ms%n",
                          times, mode, s.quads(), seconds, s.rate(), s.bytesPerQuad(), s.medianMs(), s.sumMs());
        graph.dataset().close();
        return s;
    }

    /**
     * Median of nine runs, each reading every result, after warming up for at least 20 runs or 300 ms, so that the
     * first size is not measured with a cold JIT (which would flatter the growth of the later ones).
     */
    private static double latency(KnowledgeGraph graph, String query) {
        long warm = System.nanoTime() + 300_000_000L;
        for (int i = 0; i < 20 || System.nanoTime() < warm; i++)
            run(graph, query);
        double[] runs = new double[9];
        for (int i = 0; i < runs.length; i++) {
            long t0 = System.nanoTime();
            run(graph, query);
            runs[i] = (System.nanoTime() - t0) / 1e6;
        }
        return Benchmark.median(runs);
    }

    private static void run(KnowledgeGraph graph, String query) {
        // In a read transaction, as the server runs each query (TDB2 requires one).
        Txn.executeRead(graph.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.dataset(graph.dataset()).query(query).timeout(120_000).build()) {
                if (qe.getQuery().isSelectType())
                    ResultSetFormatter.consume(qe.execSelect());
                else if (qe.getQuery().isAskType())
                    qe.execAsk();
                else
                    qe.execConstruct();
            }
        });
    }

    private void write(List<Size> sizes, List<String> notes, String where) {
        report.append("## Scale (").append(where).append(")\n\n")
              .append("The shipped article plus N−1 synthetic ones (`ArticleGenerator`, seed 42), loaded through the full loader ")
              .append("(parse, evidence check, inference, SHACL) in one JVM with -Xmx").append(Runtime.getRuntime().maxMemory() >> 20)
              .append("m. Heap: used after GC, after minus before the load. Query latency: the 28 competency queries run on the ")
              .append("dataset in the same JVM (no HTTP, no cache), median of 9 runs each after a warm-up of at least 20 runs or 300 ms.\n\n")
              .append("| size | quads | load s | quads/s | heap MiB | bytes/quad | CQ median ms | CQ sum ms | slowest CQ |\n")
              .append("|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Size s : sizes) {
            var worst = s.queryMs().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            // A few MiB is below what a full GC measures reliably; say so rather than print a negative size.
            String heap = s.heapBytes() > (16 << 20) ? String.format(Locale.ROOT, "%,.0f | %.0f", s.heapBytes() / 1048576.0, s.bytesPerQuad())
                                                      : "below noise | n/a";
            report.append(String.format(Locale.ROOT, "| %,dx | %,d | %.1f | %,.0f | %s | %.3f | %.1f | %s %.1f ms |%n", s.times(), s.quads(),
                                        s.loadSeconds(), s.rate(), heap, s.medianMs(), s.sumMs(), worst.getKey(), worst.getValue()));
        }
        if (!sizes.isEmpty()) {
            report.append("\nLoad time per phase, seconds (the loader's own steps add up to the load time; the server then builds the ")
                  .append("search index and the statistics before it answers, shown apart):\n\n| phase |");
            sizes.forEach(s -> report.append(String.format(Locale.ROOT, " %,dx |", s.times())));
            report.append("\n|---|").append("---:|".repeat(sizes.size())).append('\n');
            for (String phase : sizes.get(sizes.size() - 1).phases().keySet()) {
                report.append("| ").append(phase).append(" |");
                sizes.forEach(s -> report.append(String.format(Locale.ROOT, " %.2f |", s.phases().getOrDefault(phase, 0.0))));
                report.append('\n');
            }
        }
        if (sizes.size() > 1) {
            Size one = sizes.get(0);
            report.append("\nGrowth relative to the first size (bytes/quad relative to the second, the first being below noise):\n\n| size | quads | load time | quads/s | bytes/quad | CQ median | CQ sum |\n|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Size s : sizes)
                report.append(String.format(Locale.ROOT, "| %,dx | %.0fx | %.1fx | %.2fx | %.2fx | %.2fx | %.1fx |%n", s.times(), (double) s.quads() / one.quads(),
                                            s.loadSeconds() / one.loadSeconds(), s.rate() / one.rate(), s.bytesPerQuad() / sizes.get(Math.min(1, sizes.size() - 1)).bytesPerQuad(),
                                            s.medianMs() / one.medianMs(), s.sumMs() / one.sumMs()));
            report.append("\nPer-query latency, ms:\n\n| query |");
            sizes.forEach(s -> report.append(String.format(Locale.ROOT, " %,dx |", s.times())));
            report.append("\n|---|").append("---:|".repeat(sizes.size())).append('\n');
            for (String q : one.queryMs().keySet()) {
                report.append("| ").append(q).append(" |");
                sizes.forEach(s -> report.append(String.format(Locale.ROOT, " %.3f |", s.queryMs().get(q))));
                report.append('\n');
            }
        }
        notes.forEach(n -> report.append("\n- ").append(n));
        report.append("\n\n");
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++)
            System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir))
            return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
