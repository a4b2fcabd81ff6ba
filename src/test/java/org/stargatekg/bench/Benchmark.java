package org.stargatekg.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.resultset.ResultsReader;
import org.apache.jena.system.Txn;
import org.stargatekg.backend.RemoteBackend;
import org.stargatekg.load.KnowledgeGraph;
import org.stargatekg.load.KnowledgeGraphLoader;
import org.stargatekg.server.StargateServer;
import org.stargatekg.remote.RemoteStore;
import org.stargatekg.support.PrivateVirtuoso;
import org.stargatekg.vocab.Namespaces;

/**
 * The benchmark of issue 5, run by {@code mvn -B -Pbench verify -DskipTests} (add {@code -Dbench.args=throughput},
 * {@code startup} or {@code scale} to run one part, or {@code draft} for the draft's speed alone, {@link DraftBench}; the sections of parts not run are kept from the committed results.md).
 * Starts our server in this JVM (with and without its response cache), the trivial-servlet ceiling beside it, plain
 * Fuseki 5.6.0 on the same quads and, where installed, Virtuoso 7 filled by our {@code load} command with our jar
 * serving it through {@code --sparql-endpoint}; drives each with wrk, and writes
 * {@code target/bench/results.md} and a copy plus an SVG chart under {@code src/test/resources/bench/}.
 * System properties: {@code bench.runs} (3), {@code bench.seconds} (5), {@code bench.warmup} (2, before each cell),
 * {@code bench.jitWarmup} (5: seconds of each mix on each system before the first cell); to measure a few
 * cells while working, {@code bench.systems} (any of ours, uncached, fuseki, virtuoso, through-virtuoso,
 * through-virtuoso-uncached, through-virtuoso-before, ceiling) and {@code bench.mixes} (any of cq, fresh, describe,
 * html, turtle, ceiling), comma-separated, default all; and {@code bench.jars} ({@code label=path;label=path}) to
 * measure other builds of our jar beside these, each run as a user runs it (a before-and-after comparison in one run).
 * A run of a selection writes under target/bench only, leaving the committed results.md and chart as they are.
 */
public final class Benchmark {

    static final Path OUT = Path.of("target/bench");
    static final Path COMMITTED = Path.of("src/test/resources/bench");
    static final String JSON = "application/sparql-results+json";
    static final int[] CLIENTS = {1, 16};
    static final Path JAR = Path.of("target/stargate-kg.jar");
    static final String OURS = "Stargate KG";
    static final String OURS_UNCACHED = "Stargate KG, response cache off";
    static final String OURS_VIRTUOSO = "Stargate KG through Virtuoso";
    static final String OURS_VIRTUOSO_UNCACHED = "Stargate KG through Virtuoso, response cache off";
    static final String OURS_VIRTUOSO_BEFORE = "Stargate KG through Virtuoso, node by node (before issue 16)";
    /** Pages (HTML) per second through Virtuoso at 1 and 16 clients before issue 16, as the README gave them. */
    static final double[] PAGES_BEFORE_ISSUE_16 = {14, 29};
    static final String VIRTUOSO = "Virtuoso 7";
    static final String FUSEKI = "plain Fuseki 5.6.0";
    static final String CEILING = "ceiling (trivial servlet)";
    static final String CQ = "competency queries";
    /** The 28 competency queries, each request made new by a trailing comment: what someone writing queries sends. */
    static final String FRESH = "fresh competency queries";

    /** Short names for -Dbench.systems and -Dbench.mixes. */
    static final Map<String, String> SYSTEM_KEYS = Map.of(OURS, "ours", OURS_UNCACHED, "uncached", OURS_VIRTUOSO, "through-virtuoso",
                                                         OURS_VIRTUOSO_UNCACHED, "through-virtuoso-uncached",
                                                         OURS_VIRTUOSO_BEFORE, "through-virtuoso-before", FUSEKI, "fuseki",
                                                         VIRTUOSO, "virtuoso", CEILING, "ceiling");
    static final Map<String, String> MIX_KEYS = Map.of(CQ, "cq", FRESH, "fresh", "DESCRIBE", "describe", "pages HTML", "html",
                                                      "pages Turtle", "turtle", "trivial GET", "ceiling");

    /** The headings of the parts in results.md; a part not run keeps its section from the committed copy. */
    static final String THROUGHPUT = "## Throughput and latency", STARTUP = "## Startup to first answered query", SCALE = "## Scale (in memory)";

    private final int runs = Integer.getInteger("bench.runs", 3);
    private final int seconds = Integer.getInteger("bench.seconds", 5);
    private final int warmup = Integer.getInteger("bench.warmup", 2);
    private final int jitWarmup = Integer.getInteger("bench.jitWarmup", 5);
    private final List<String> systems = List.of(System.getProperty("bench.systems", "all").split(","));
    private final List<String> onlyMixes = List.of(System.getProperty("bench.mixes", "all").split(","));
    private final StringBuilder report = new StringBuilder();

    /** Runs the parts named in the arguments: all (default), throughput, startup, scale. */
    public static void main(String... args) throws Exception {
        String what = args.length == 0 ? "all" : String.join(",", args);
        if (what.equals("draft")) {
            DraftBench.main();   // the draft's speed (issue 24), on its own: nothing of results.md changes
            System.exit(0);
        }
        Benchmark b = new Benchmark();
        Files.createDirectories(OUT);
        b.report.append("# Benchmark results\n\nRun ").append(Instant.now().toString(), 0, 16).append("Z on ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ").append(System.getProperty("java.version"))
                .append(". Generated by `mvn -B -Pbench verify -DskipTests`; see history.md for the effect of each change.\n\n");
        boolean all = what.contains("all");
        String earlier = Files.isRegularFile(COMMITTED.resolve("results.md")) ? Files.readString(COMMITTED.resolve("results.md")) : "";
        if (all || what.contains("throughput"))
            b.throughput();
        else
            b.keep(earlier, THROUGHPUT);
        if (all || what.contains("startup"))
            b.startup();
        else
            b.keep(earlier, STARTUP);
        if (all || what.contains("scale"))
            new ScaleRun(b.report).run();
        else
            b.keep(earlier, SCALE);
        b.write("results.md", b.report.toString());
        System.out.println("\n" + b.report);
        System.exit(0);
    }

    /** Whether a system is measured in this run (-Dbench.systems). */
    boolean wanted(String system) {
        return systems.contains("all") || systems.contains(SYSTEM_KEYS.getOrDefault(system, system));
    }

    /** The mixes measured in this run (-Dbench.mixes). */
    Map<String, List<Wrk.Request>> selected(Map<String, List<Wrk.Request>> mixes) {
        Map<String, List<Wrk.Request>> out = new LinkedHashMap<>();
        mixes.forEach((k, v) -> {
            if (onlyMixes.contains("all") || onlyMixes.contains(MIX_KEYS.getOrDefault(k, k)))
                out.put(k, v);
        });
        return out;
    }

    /** Whether this run measures a selection of cells only: then nothing committed is overwritten. */
    boolean partial() {
        return !systems.contains("all") || !onlyMixes.contains("all");
    }

    /** Appends a part's section from the earlier results.md, marked as such, when this run does not measure it. */
    void keep(String earlier, String heading) {
        int from = earlier.indexOf(heading);
        if (from < 0)
            return;
        int eol = earlier.indexOf('\n', from);
        int next = earlier.indexOf("\n## ", eol);
        String section = earlier.substring(from, next < 0 ? earlier.length() : next + 1);
        String mark = "\n_Not re-run in the run above: kept from the previous results.md._\n";
        if (section.startsWith(mark, eol - from + 1))
            report.append(section);
        else
            report.append(section, 0, eol - from + 1).append(mark).append(section.substring(eol - from + 1));
        if (!section.endsWith("\n\n"))
            report.append('\n');
    }

    void write(String name, String text) throws IOException {
        Files.writeString(OUT.resolve(name), text, StandardCharsets.UTF_8);
        if (Files.isDirectory(COMMITTED.getParent()) && !partial()) {
            Files.createDirectories(COMMITTED);
            Files.writeString(COMMITTED.resolve(name), text, StandardCharsets.UTF_8);
        }
    }

    /** One measured cell: a system, a request mix, a number of clients. */
    record Cell(String system, String mix, int clients) {}

    /** A system under load: where it listens, the request mixes it gets, and the process whose CPU time it uses. */
    /** A system measured: its port, its request mixes, the process whose CPU counts, and the store's behind it (or null). */
    record Target(String system, int port, Map<String, List<Wrk.Request>> mixes, ProcessHandle process, ProcessHandle store) {
        Target(String system, int port, Map<String, List<Wrk.Request>> mixes, ProcessHandle process) {
            this(system, port, mixes, process, null);
        }
    }

    private void throughput() throws Exception {
        if (!Wrk.installed()) {
            report.append("Throughput skipped: wrk is not installed (apt-get install -y wrk).\n\n");
            return;
        }
        String base = Namespaces.STANDARD;
        KnowledgeGraph graph = KnowledgeGraphLoader.shipped(Namespaces.standard()).load();
        StargateServer ours = StargateServer.create().port(0).graph(graph).build().start();
        int port = ours.port();
        // The same loaded graph served a second time, without the response cache: what the cache contributes.
        StargateServer uncached = StargateServer.create().port(0).graph(graph).responseCache(false).build().start();
        Path union = OUT.resolve("dataset.nq");
        Path named = OUT.resolve("named.nq");
        export(graph, union, named);
        List<String> queries = competencyQueries(base);
        String describe = "DESCRIBE <" + base + "id/stargate>";
        List<String> pages = resourcePaths(graph, base);

        List<Target> targets = new ArrayList<>();
        List<AutoCloseable> closers = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try (Ceiling ceiling = new Ceiling()) {
            targets.add(new Target(OURS, port, mixes("/sparql", queries, describe, pages), ProcessHandle.current()));
            targets.add(new Target(OURS_UNCACHED, uncached.port(), mixes("/sparql", queries, describe, pages), ProcessHandle.current()));
            for (String spec : System.getProperty("bench.jars", "").split(";")) {
                if (spec.isBlank())
                    continue;
                String label = spec.substring(0, spec.indexOf('=')), jar = spec.substring(spec.indexOf('=') + 1);
                Peers.Child other = Peers.ours(label, Path.of(jar), OUT.resolve(slug(label) + ".log"));
                closers.add(other);
                targets.add(new Target(label, other.port(), mixes("/sparql", queries, describe, pages), other.process().toHandle()));
            }
            if (wanted(FUSEKI)) {
                Peers.Child fuseki = Peers.fuseki(union, OUT.resolve("fuseki.log"));
                closers.add(fuseki);
                targets.add(new Target(fuseki.name(), fuseki.port(), mixes(fuseki.sparqlPath(), queries, describe, List.of()),
                                       fuseki.process().toHandle()));
            }
            boolean anyVirtuoso = wanted(VIRTUOSO) || wanted(OURS_VIRTUOSO) || wanted(OURS_VIRTUOSO_UNCACHED) || wanted(OURS_VIRTUOSO_BEFORE);
            if (!anyVirtuoso) {
                notes.add("Virtuoso not measured in this run (-Dbench.systems)");
            } else if (Peers.virtuosoInstalled()) {
                PrivateVirtuoso v = null;
                try {
                    v = Peers.virtuoso(OUT, JAR);
                    closers.add(v);
                    if (wanted(VIRTUOSO))
                        targets.add(new Target(VIRTUOSO, v.httpPort(), mixes("/sparql", queries, describe, List.of()), v.processHandle()));
                } catch (IOException | RuntimeException ex) {
                    String why = "Virtuoso failed to start or load, skipped (and " + OURS_VIRTUOSO + " with it): " + ex.getMessage();
                    System.out.println(why);
                    notes.add(why);
                }
                if (v != null) {
                    // Ours in front of the store three ways: node by node with JSON results on kept-alive connections as before issue 16 (the
                    // baseline of this run), with today's page queries and the response cache off, and as served
                    // (responses kept, keyed by the store's load marker).
                    Namespaces ns = Namespaces.standard();
                    RemoteBackend before = new RemoteBackend(RemoteStore.at(v.sparqlEndpoint(), ns.graphs()).jsonResults().keepConnections(), ns).withoutPrefetch();
                    RemoteBackend now = new RemoteBackend(RemoteStore.at(v.sparqlEndpoint(), ns.graphs()), ns);
                    RemoteBackend served = new RemoteBackend(RemoteStore.at(v.sparqlEndpoint(), ns.graphs()), ns);
                    StargateServer beforeServer = StargateServer.create().port(0).backend(before).responseCache(false).build().start();
                    StargateServer nowServer = StargateServer.create().port(0).backend(now).responseCache(false).build().start();
                    StargateServer servedServer = StargateServer.create().port(0).backend(served).build().start();
                    closers.add(0, beforeServer::stop);
                    closers.add(0, nowServer::stop);
                    closers.add(0, servedServer::stop);
                    targets.add(new Target(OURS_VIRTUOSO_BEFORE, beforeServer.port(), mixes("/sparql", queries, describe, pages),
                                           ProcessHandle.current(), v.processHandle()));
                    targets.add(new Target(OURS_VIRTUOSO_UNCACHED, nowServer.port(), mixes("/sparql", queries, describe, pages),
                                           ProcessHandle.current(), v.processHandle()));
                    targets.add(new Target(OURS_VIRTUOSO, servedServer.port(), mixes("/sparql", queries, describe, pages),
                                           ProcessHandle.current(), v.processHandle()));
                }
            } else {
                String why = "Virtuoso skipped (and " + OURS_VIRTUOSO + " with it): not installed. Install it with: " + Peers.VIRTUOSO_HOW;
                System.out.println(why);
                notes.add(why);
            }
            targets.add(new Target(CEILING, ceiling.port(),
                                   Map.of("trivial GET", List.of(new Wrk.Request("GET", "/", JSON))), ProcessHandle.current()));
            // Ours embedded is kept for the checks (the competency queries' row counts are compared with its own), and
            // so are other builds of our jar (-Dbench.jars), measured whatever -Dbench.systems says.
            Set<String> jars = new HashSet<>();
            for (String spec : System.getProperty("bench.jars", "").split(";"))
                if (!spec.isBlank())
                    jars.add(spec.substring(0, spec.indexOf('=')));
            targets.removeIf(t -> !wanted(t.system()) && !t.system().equals(OURS) && !jars.contains(t.system()));
            targets.replaceAll(t -> new Target(t.system(), t.port(), selected(t.mixes()), t.process(), t.store()));
            notes.addAll(check(targets));
            targets.removeIf(t -> !wanted(t.system()) && !jars.contains(t.system()));
            // Before any cell is measured, every system runs every mix for a while: on a shared machine a JIT compiler
            // starved of CPU would otherwise leave the first cells measuring interpreted code (ours and Fuseki alike).
            for (Target t : targets)
                for (var mix : t.mixes().entrySet())
                    Wrk.run(Wrk.script(OUT.resolve("wrk"), slug(t.system() + "-" + mix.getKey()), mix.getValue(), mix.getKey().equals(FRESH)),
                            t.port(), 4, jitWarmup);

            Map<Cell, List<Wrk.Result>> results = new LinkedHashMap<>();
            for (int run = 1; run <= runs; run++) {
                for (Target t : targets) {
                    for (var mix : t.mixes().entrySet()) {
                        Path script = Wrk.script(OUT.resolve("wrk"), slug(t.system() + "-" + mix.getKey()), mix.getValue(),
                                                 mix.getKey().equals(FRESH));
                        for (int clients : CLIENTS) {
                            Wrk.run(script, t.port(), clients, warmup);
                            Duration cpuBefore = cpu(t.process());
                            Duration storeBefore = cpu(t.store());
                            Wrk.Result r = Wrk.run(script, t.port(), clients, seconds);
                            Duration cpuAfter = cpu(t.process());
                            Duration storeAfter = cpu(t.store());
                            r = r.withCpu(cpuBefore == null || cpuAfter == null ? null : cpuAfter.minus(cpuBefore));
                            results.computeIfAbsent(new Cell(t.system(), mix.getKey(), clients), k -> new ArrayList<>()).add(r);
                            String store = storeBefore == null || storeAfter == null || r.requests() == 0 ? ""
                                    : String.format(Locale.ROOT, "  store cpu %.3f ms/req", storeAfter.minus(storeBefore).toNanos() / 1e6 / r.requests());
                            System.out.printf(Locale.ROOT, "run %d  %-31s %-24s c=%-2d %9.0f req/s  p50 %.2f ms  p99 %.2f ms  cpu %.3f ms/req%s  errors %d  load %s%n",
                                              run, t.system(), mix.getKey(), clients, r.rps(), r.p50(), r.p99(), r.cpuMs(), store, r.errors(), loadAverage());
                        }
                    }
                }
            }
            table(results, notes);
        } finally {
            for (AutoCloseable c : closers)
                c.close();
            uncached.stop();
            ours.stop();
        }
    }

    /** The CPU time a process has used so far, or null where the system does not say. */
    static Duration cpu(ProcessHandle process) {
        return process == null ? null : process.info().totalCpuDuration().orElse(null);
    }

    /** The machine's load averages (1, 5, 15 minutes), as uptime prints them. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException ex) {
            return "unknown";
        }
    }

    private static Map<String, List<Wrk.Request>> mixes(String sparql, List<String> queries, String describe, List<String> pages) {
        Map<String, List<Wrk.Request>> mixes = new LinkedHashMap<>();
        mixes.put(CQ, queries.stream().map(q -> get(sparql, q, JSON)).toList());
        // The same requests, each sent with a new trailing comment (Wrk adds it).
        mixes.put(FRESH, mixes.get(CQ));
        mixes.put("DESCRIBE", List.of(get(sparql, describe, "text/turtle")));
        if (!pages.isEmpty()) {
            mixes.put("pages HTML", pages.stream().map(p -> new Wrk.Request("GET", p, "text/html")).toList());
            mixes.put("pages Turtle", pages.stream().map(p -> new Wrk.Request("GET", p, "text/turtle")).toList());
        }
        return mixes;
    }

    private static Wrk.Request get(String sparql, String query, String accept) {
        return new Wrk.Request("GET", sparql + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), accept);
    }

    /** The 28 competency queries as shipped (their prefixes name the permanent namespaces). */
    static List<String> competencyQueries(String base) throws IOException {
        List<String> queries = new ArrayList<>();
        for (int i = 1; i <= 99; i++) {
            String name = String.format(Locale.ROOT, "queries/competency/cq-%02d.rq", i);
            try (var in = Benchmark.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null)
                    break;
                queries.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return queries;
    }

    /** Paths of the resources under id/ (the actors, money, actions...), sorted, at most 40. */
    private static List<String> resourcePaths(KnowledgeGraph graph, String base) {
        TreeSet<String> paths = new TreeSet<>();
        Txn.executeRead(graph.dataset(), () -> graph.dataset().asDatasetGraph().getDefaultGraph()
                .find(Node.ANY, Node.ANY, Node.ANY).forEachRemaining(t -> {
                    if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(base + "id/"))
                        paths.add("/" + t.getSubject().getURI().substring(base.length()));
                }));
        return paths.stream().limit(40).toList();
    }

    /**
     * Writes the served quads twice: for plain Fuseki the named graphs plus their union as the default graph (our default
     * graph is the union; plain Fuseki's is its own), and for Virtuoso the named graphs only (it queries all graphs).
     */
    static void export(KnowledgeGraph graph, Path union, Path named) throws IOException {
        DatasetGraph dsg = graph.dataset().asDatasetGraph();
        try (OutputStream u = Files.newOutputStream(union); OutputStream n = Files.newOutputStream(named)) {
            StreamRDF su = StreamRDFWriter.getWriterStream(u, Lang.NQUADS);
            StreamRDF sn = StreamRDFWriter.getWriterStream(n, Lang.NQUADS);
            su.start();
            sn.start();
            Txn.executeRead(dsg, () -> {
                dsg.getDefaultGraph().find().forEachRemaining(su::triple);
                for (Iterator<Node> it = dsg.listGraphNodes(); it.hasNext(); ) {
                    Node g = it.next();
                    Graph gr = dsg.getGraph(g);
                    gr.find().forEachRemaining((Triple t) -> {
                        Quad q = Quad.create(g, t);
                        su.quad(q);
                        sn.quad(q);
                    });
                }
            });
            su.finish();
            sn.finish();
        }
    }

    /** Sends every request once; compares each competency query's row count with ours, so a fast wrong answer shows. */
    private static List<String> check(List<Target> targets) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        List<String> notes = new ArrayList<>();
        Map<Integer, String> oursRows = new LinkedHashMap<>();
        for (Target t : targets) {
            int failed = 0, differ = 0;
            List<Wrk.Request> cq = t.mixes().getOrDefault(CQ, t.mixes().getOrDefault(FRESH, List.of()));
            for (var entry : t.mixes().entrySet()) {
                if (entry.getKey().equals(FRESH) && t.mixes().containsKey(CQ))
                    continue; // the same requests as the competency queries, checked there
                for (Wrk.Request r : entry.getValue()) {
                    HttpResponse<byte[]> resp = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + t.port() + r.path()))
                                                                     .header("Accept", r.accept()).timeout(Duration.ofSeconds(30)).build(),
                                                          HttpResponse.BodyHandlers.ofByteArray());
                    if (resp.statusCode() != 200) {
                        failed++;
                        notes.add(t.system() + ": HTTP " + resp.statusCode() + " for " + shorten(r.path()));
                        continue;
                    }
                    int i = entry.getValue() == cq ? cq.indexOf(r) : -1;
                    if (i >= 0) {
                        String rows = rows(resp.body());
                        if (t.system().equals(OURS))
                            oursRows.put(i, rows);
                        else if (!rows.equals(oursRows.get(i))) {
                            differ++;
                            notes.add(String.format(Locale.ROOT, "%s: CQ-%02d gives %s, ours %s", t.system(), i + 1, rows, oursRows.get(i)));
                        }
                    }
                }
            }
            if (failed + differ == 0 && !cq.isEmpty())
                notes.add(t.system() + ": every request answered 200" + (t.system().equals(OURS) ? "" : "; every competency query gives as many rows as ours"));
        }
        return notes;
    }

    private static String rows(byte[] body) {
        try {
            var rs = ResultSetMgr.read(new ByteArrayInputStream(body), ResultSetLang.RS_JSON);
            int n = 0;
            while (rs.hasNext()) {
                rs.next();
                n++;
            }
            return n + " rows";
        } catch (RuntimeException notRows) {
            try {
                return "ASK " + ResultsReader.create().lang(ResultSetLang.RS_JSON).build()
                                             .readAny(new ByteArrayInputStream(body)).getBooleanResult();
            } catch (RuntimeException ex) {
                return "unreadable results";
            }
        }
    }

    private static String shorten(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "…" : s;
    }

    static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private void table(Map<Cell, List<Wrk.Result>> results, List<String> notes) throws IOException {
        Map<Cell, Wrk.Result> med = new LinkedHashMap<>();
        results.forEach((cell, rs) -> med.put(cell, median(rs)));
        report.append("## Throughput and latency\n\n")
              .append(String.format(Locale.ROOT, "wrk on loopback; first every mix on every system for %d s (JIT warm-up), then per cell %d s warm-up and %d s measured; medians of %d runs. ", jitWarmup, warmup, seconds, runs))
              .append("The same 28 competency queries (GET, SPARQL JSON results) and one DESCRIBE (Turtle) for every system; ")
              .append("the competency queries twice: as they are (repeated, so ours answers most from its response cache) and fresh (")
              .append(FRESH).append(": each request made textually new by a trailing comment `# fresh-RUN-THREAD-N`, so no response ")
              .append("or query cache ever sees the same text twice: what a researcher writing new queries sends); ")
              .append("resource pages (HTML and Turtle, ").append("up to 40 IRIs under id/) for ours only. ")
              .append("Ours embedded in this JVM (").append(OURS).append("), and the same server and graph with its response cache ")
              .append("switched off (").append(OURS_UNCACHED).append("); and in front of the Virtuoso measured here, which our ")
              .append("`load` command filled with the same graphs (`--sparql-endpoint`, in this JVM) three ways: as served, responses kept ")
              .append("and keyed by the store's load marker (").append(OURS_VIRTUOSO).append("); response cache off, so every request asks ")
              .append("Virtuoso, one query per page (").append(OURS_VIRTUOSO_UNCACHED).append("); and reading node by node with JSON ")
              .append("results as before issue 16, response cache off (").append(OURS_VIRTUOSO_BEFORE).append("). ")
              .append("Ours runs in a JVM started with `").append(Peers.OURS_JVM_FLAG).append("`, as the README's quick start ")
              .append("gives it (HotSpot then compiles ARQ's query lexer); plain Fuseki runs with the same flag (the same lexer), so that the two servers are compared, not two JVM settings.\n\n")
              .append("CPU ms/req: CPU time of the serving process during the measured seconds ÷ requests answered (ours, with ")
              .append("its cache off, through Virtuoso and the ceiling share the benchmark's JVM, measured one at a time, so through ")
              .append("Virtuoso it counts our layer only; another build of our jar counts its own process). It is the per-request cost, and moves far less than requests/s when other builds share the cores.\n\n")
              .append("| system | mix | clients | req/s | p50 ms | p99 ms | CPU ms/req | errors |\n|---|---|---:|---:|---:|---:|---:|---:|\n");
        med.forEach((c, r) -> report.append(String.format(Locale.ROOT, "| %s | %s | %d | %,.0f | %.2f | %.2f | %s | %d |%n",
                                                          c.system(), c.mix(), c.clients(), r.rps(), r.p50(), r.p99(),
                                                          Double.isNaN(r.cpuMs()) ? "" : String.format(Locale.ROOT, "%.3f", r.cpuMs()), r.errors())));
        report.append("\n### Ratios (requests/s of the first ÷ the second)\n\n| system, mix | ÷ system, mix | clients | ratio | target |\n|---|---|---:|---:|---|\n");
        for (int clients : CLIENTS) {
            ratio(med, OURS, FRESH, FUSEKI, FRESH, clients, "≥ 4x");
            ratio(med, OURS_UNCACHED, FRESH, FUSEKI, FRESH, clients, "");
            ratio(med, OURS, FRESH, VIRTUOSO, FRESH, clients, "");
            ratio(med, OURS, FRESH, OURS, CQ, clients, "(fresh share of repeated)");
            ratio(med, OURS, "competency queries", FUSEKI, "competency queries", clients, "≥ 4x");
            ratio(med, OURS, "competency queries", VIRTUOSO, "competency queries", clients, clients == 16 ? "≥ 2.5x" : "≥ 2x");
            ratio(med, OURS, "DESCRIBE", FUSEKI, "DESCRIBE", clients, "");
            ratio(med, OURS, "DESCRIBE", VIRTUOSO, "DESCRIBE", clients, "");
            ratio(med, OURS, "pages HTML", FUSEKI, "DESCRIBE", clients, clients == 16 ? "≥ 2x" : "");
            ratio(med, OURS, "competency queries", CEILING, "trivial GET", clients, "(share of ceiling)");
            ratio(med, OURS_UNCACHED, "competency queries", OURS, "competency queries", clients, "(what the cache adds)");
            ratio(med, OURS_UNCACHED, "pages HTML", OURS, "pages HTML", clients, "(what the cache adds)");
            ratio(med, OURS_UNCACHED, "competency queries", FUSEKI, "competency queries", clients, "");
            ratio(med, OURS_VIRTUOSO, "competency queries", VIRTUOSO, "competency queries", clients, "(our layer over the store)");
            ratio(med, OURS_VIRTUOSO, "DESCRIBE", VIRTUOSO, "DESCRIBE", clients, "(our layer over the store)");
            ratio(med, OURS_VIRTUOSO, "competency queries", OURS, "competency queries", clients, "(share of embedded)");
            ratio(med, OURS_VIRTUOSO, "pages HTML", OURS, "pages HTML", clients, "(share of embedded)");
            ratio(med, OURS_VIRTUOSO_UNCACHED, "pages HTML", OURS_VIRTUOSO_BEFORE, "pages HTML", clients, clients == 16 ? "≥ 10x (issue 16)" : "(issue 16)");
            ratio(med, OURS_VIRTUOSO_UNCACHED, "pages Turtle", OURS_VIRTUOSO_BEFORE, "pages Turtle", clients, "(issue 16)");
            ratio(med, OURS_VIRTUOSO_UNCACHED, "competency queries", OURS_VIRTUOSO_BEFORE, "competency queries", clients, "(XML results)");
            ratio(med, OURS_VIRTUOSO_UNCACHED, "pages HTML", OURS_UNCACHED, "pages HTML", clients, "(share of embedded, no cache)");
        }
        report.append("\n### Scaling with clients (requests/s at 16 clients ÷ at 1 client, same run)\n\n")
              .append("| system | mix | ratio | target |\n|---|---|---:|---|\n");
        for (String system : List.of(OURS, OURS_UNCACHED, FUSEKI, VIRTUOSO, OURS_VIRTUOSO))
            for (String mix : List.of(FRESH, CQ)) {
                Wrk.Result one = med.get(new Cell(system, mix, 1)), sixteen = med.get(new Cell(system, mix, 16));
                if (one != null && sixteen != null)
                    report.append(String.format(Locale.ROOT, "| %s | %s | %.2fx | %s |%n", system, mix, sixteen.rps() / one.rps(),
                                                system.equals(OURS) && mix.equals(FRESH) ? "≥ 1.5x" : ""));
            }
        issue16(med);
        report.append("\nChecks before measuring:\n\n");
        notes.forEach(n -> report.append("- ").append(n).append('\n'));
        report.append('\n');
        write("chart.svg", Chart.svg(med));
    }

    /** Issue 16's targets: pages through Virtuoso, response cache off, against the rate before it and against the README's figures. */
    private void issue16(Map<Cell, Wrk.Result> med) {
        Wrk.Result one = med.get(new Cell(OURS_VIRTUOSO_UNCACHED, "pages HTML", 1));
        Wrk.Result sixteen = med.get(new Cell(OURS_VIRTUOSO_UNCACHED, "pages HTML", 16));
        if (one == null || sixteen == null)
            return;
        report.append("\n### Pages through Virtuoso (issue 16)\n\n")
              .append("HTML pages through Virtuoso with the response cache off, against the same pages read node by node in this run ")
              .append("and against the README's figures from before issue 16. Virtuoso runs with the Debian package's settings but ")
              .append("`MaxQueryCostEstimationTime = ").append(PrivateVirtuoso.COST_ESTIMATION).append("` and `ThreadsPerQuery = ")
              .append(PrivateVirtuoso.THREADS_PER_QUERY).append("` (the package has 400 and 4; the README's settings for ")
              .append("Virtuoso behind our servers are 0 and 1):\n\n")
              .append("| clients | pages/s now | node by node, this run | ratio | before issue 16 (README) | ratio | p99 ms now | target |\n")
              .append("|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (int i = 0; i < CLIENTS.length; i++) {
            Wrk.Result now = med.get(new Cell(OURS_VIRTUOSO_UNCACHED, "pages HTML", CLIENTS[i]));
            Wrk.Result was = med.get(new Cell(OURS_VIRTUOSO_BEFORE, "pages HTML", CLIENTS[i]));
            String target = CLIENTS[i] == 16 ? "≥ 10x the rate before" : "p99 < 100 ms";
            report.append(String.format(Locale.ROOT, "| %d | %,.0f | %s | %s | %.0f | %.1fx | %.1f | %s |%n", CLIENTS[i], now.rps(),
                                        was == null ? "–" : String.format(Locale.ROOT, "%,.0f", was.rps()),
                                        was == null ? "–" : String.format(Locale.ROOT, "%.1fx", now.rps() / was.rps()),
                                        PAGES_BEFORE_ISSUE_16[i], now.rps() / PAGES_BEFORE_ISSUE_16[i], now.p99(), target));
        }
        System.out.printf(Locale.ROOT, "Issue 16: pages through Virtuoso, response cache off: %.0f pages/s at 1 client (p99 %.1f ms), %.0f at 16"
                                       + " (before issue 16: %.0f and %.0f)%n", one.rps(), one.p99(), sixteen.rps(),
                          PAGES_BEFORE_ISSUE_16[0], PAGES_BEFORE_ISSUE_16[1]);
    }

    private void ratio(Map<Cell, Wrk.Result> med, String system, String mix, String peer, String peerMix, int clients, String target) {
        Wrk.Result a = med.get(new Cell(system, mix, clients));
        Wrk.Result b = med.get(new Cell(peer, peerMix, clients));
        if (a == null || b == null)
            return;
        double r = a.rps() / b.rps();
        report.append(String.format(Locale.ROOT, "| %s, %s | %s, %s | %d | " + (r >= 0.1 ? "%.2fx" : "%.4fx") + " | %s |%n",
                                    system, mix, peer, peerMix, clients, r, target));
    }

    static Wrk.Result median(List<Wrk.Result> rs) {
        return new Wrk.Result(median(rs.stream().mapToDouble(Wrk.Result::rps).toArray()),
                              median(rs.stream().mapToDouble(Wrk.Result::p50).toArray()),
                              median(rs.stream().mapToDouble(Wrk.Result::p99).toArray()),
                              rs.stream().mapToLong(Wrk.Result::requests).sum(),
                              rs.stream().mapToLong(Wrk.Result::errors).sum(),
                              median(rs.stream().mapToDouble(Wrk.Result::cpuMs).filter(d -> !Double.isNaN(d)).toArray()));
    }

    static double median(double[] xs) {
        if (xs.length == 0)
            return Double.NaN;
        double[] s = xs.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private void startup() throws Exception {
        Path jar = JAR;
        if (!Files.isRegularFile(jar)) {
            report.append("Startup skipped: no target/stargate-kg.jar (run through Maven: mvn -B -Pbench verify -DskipTests).\n\n");
            return;
        }
        Path union = OUT.resolve("dataset.nq");
        if (!Files.isRegularFile(union)) {
            KnowledgeGraph g = KnowledgeGraphLoader.shipped(Namespaces.standard()).load();
            export(g, union, OUT.resolve("named.nq"));
        }
        List<Double> ourMs = new ArrayList<>(), fusekiMs = new ArrayList<>();
        long ourHeap = -1, fusekiHeap = -1;
        for (int i = 0; i < runs; i++) {
            try (Peers.Child c = Peers.ours(jar, OUT.resolve("ours-startup.log"))) {
                ourMs.add((double) c.startMillis());
                ourHeap = Peers.heapAfterGc(c.process());
            }
            try (Peers.Child c = Peers.fuseki(union, OUT.resolve("fuseki-startup.log"))) {
                fusekiMs.add((double) c.startMillis());
                fusekiHeap = Peers.heapAfterGc(c.process());
            }
        }
        double ours = median(ourMs.stream().mapToDouble(d -> d).toArray());
        double fuseki = median(fusekiMs.stream().mapToDouble(d -> d).toArray());
        report.append("## Startup to first answered query, and heap after load\n\n")
              .append("Process start (`java -jar`, default JVM settings) until `ASK { ?s ?p ?o }` answers 200; median of ").append(runs)
              .append(" starts. Heap: used after a full GC (`jcmd GC.run`, `GC.heap_info`) once serving.\n\n")
              .append("| system | what it loads | startup ms | heap after load MiB |\n|---|---|---:|---:|\n")
              .append(String.format(Locale.ROOT, "| Stargate KG | ontology + article Turtle, evidence check, inference, SHACL, pages | %.0f | %.1f |%n", ours, ourHeap / 1048576.0))
              .append(String.format(Locale.ROOT, "| plain Fuseki 5.6.0 | the same quads as one N-Quads file, in memory | %.0f | %.1f |%n", fuseki, fusekiHeap / 1048576.0))
              .append(String.format(Locale.ROOT, "%nOurs ÷ plain Fuseki startup: %.2fx (target ≤ 1.5x). Runs: ours %s ms, Fuseki %s ms.%n%n", ours / fuseki, ourMs, fusekiMs));
    }
}
