package org.stargatekg.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.stargatekg.engine.store.FrozenDatasetGraph;
import org.stargatekg.vocab.NIF;
import org.stargatekg.vocab.Namespaces;
import org.stargatekg.vocab.SG;
import org.stargatekg.engine.EnginePatch;
import org.stargatekg.engine.infer.Materializer;
import org.stargatekg.engine.infer.RuleMaterializer;
import org.stargatekg.engine.store.StockStore;
import org.stargatekg.engine.infer.OrderedParallel;

/**
 * Loads an ontology folder and article folders into a {@link KnowledgeGraph}, all or nothing:
 * parse (strict UTF-8, no empty files, no ill-formed literals), place passages given by their words ({@link WordAnchors}),
 * check evidence offsets, split each article into sentences ({@link ArticleSentences}), check that no two article
 * folders describe the same article, passage, statement or fact ({@link ArticleOwnership}), materialize inferences,
 * validate with SHACL, and only then build the dataset.
 * <pre>{@code
 * KnowledgeGraph kg = KnowledgeGraphLoader.create(Namespaces.standard())
 *         .ontology(Path.of("ontology"))
 *         .articles(Path.of("data"))
 *         .load();
 * }</pre>
 */
public final class KnowledgeGraphLoader {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KnowledgeGraphLoader.class);

    /** The ontology folder's SHACL shapes file, kept out of the ontology graph. */
    public static final String SHAPES_FILE = "shapes.ttl";

    private final Namespaces namespaces;
    private Path ontologyDir;
    private final List<Path> articleDirs = new ArrayList<>();
    private KeptGraph store;
    private boolean verifyStore;
    private final Map<String, Long> phaseNanos = new LinkedHashMap<>();

    private KnowledgeGraphLoader(Namespaces namespaces) {
        this.namespaces = namespaces;
    }

    /** Starts a loader for data under the given namespace; a relative IRI in a file resolves against it, never against a server address. */
    public static KnowledgeGraphLoader create(Namespaces namespaces) {
        return new KnowledgeGraphLoader(Objects.requireNonNull(namespaces, "namespaces"));
    }

    /** Starts a loader for the folders that ship on the classpath (ontology/ and every article in data/). */
    public static KnowledgeGraphLoader shipped(Namespaces namespaces) {
        ShippedSources shipped = ShippedSources.locate();
        KnowledgeGraphLoader loader = create(namespaces).ontology(shipped.ontologyDir());
        return shipped.hasData() ? loader.articles(shipped.dataDir()) : loader;
    }

    /** Sets the folder whose *.ttl files form the ontology graph and whose shapes.ttl holds the SHACL shapes. */
    public KnowledgeGraphLoader ontology(Path dir) {
        this.ontologyDir = requireDir(dir);
        return this;
    }

    /** Adds every sub-folder of a folder as an article folder. */
    public KnowledgeGraphLoader articles(Path dataDir) {
        SourceFiles.subFolders(requireDir(dataDir)).forEach(this::article);
        return this;
    }

    /**
     * Adds one article folder (article.txt plus *.ttl files), loaded into the graph named after the folder;
     * its external*.ttl files go to the folder's "/external" graph.
     */
    public KnowledgeGraphLoader article(Path dir) {
        articleDirs.add(requireDir(dir));
        return this;
    }

    /** Keeps the loaded graph in a TDB2 store on disk, and serves from it without reading the files when they have not changed. */
    public KnowledgeGraphLoader store(KeptGraph store) {
        this.store = Objects.requireNonNull(store, "store");
        return this;
    }

    /**
     * Before serving a store as it is, also reads every quad back against the digest of its last load and checks
     * that its six quad indexes agree (slower: a full read); by default only its files and counts are checked.
     */
    public KnowledgeGraphLoader verifyStore(boolean full) {
        this.verifyStore = full;
        return this;
    }

    /** Runs every step and returns the dataset, or throws {@link LoadException} at the first step that fails. */
    public KnowledgeGraph load() {
        if (ontologyDir == null)
            throw new IllegalStateException("No ontology folder given");
        if (store == null)
            return loadFiles(KnowledgeGraph.Origin.FILES);
        List<Path> folders = new ArrayList<>();
        folders.add(ontologyDir);
        folders.addAll(articleDirs);
        KnowledgeGraph kept = store.open(folders, namespaces, verifyStore);
        if (kept != null)
            return kept;
        // Every source is read and checked before the store is touched: a folder that fails leaves it as it was.
        KnowledgeGraph loaded = loadFiles(KnowledgeGraph.Origin.FILES_INTO_STORE);
        DatasetGraph saved = store.replace(loaded.store(), folders, namespaces);
        return new KnowledgeGraph(saved, namespaces, loaded.notes(), KnowledgeGraph.Origin.FILES_INTO_STORE);
    }

    /**
     * Seconds spent in each step of the last {@link #load()} from the files, in order: parse (the ontology and shapes),
     * parse and evidence (the article folders, in parallel), ownership, dataset (building the store: the asserted
     * quads, then again with the inferred ones), materialize, shacl and count (counting it); empty after serving a
     * store as it is.
     */
    public Map<String, Double> phaseSeconds() {
        Map<String, Double> out = new LinkedHashMap<>();
        phaseNanos.forEach((k, v) -> out.put(k, v / 1e9));
        return out;
    }

    private void time(String phase, long startNanos) {
        phaseNanos.merge(phase, System.nanoTime() - startNanos, Long::sum);
    }

    private KnowledgeGraph loadFiles(KnowledgeGraph.Origin origin) {
        phaseNanos.clear();
        long t = System.nanoTime();
        Graph ontology = readOntology();
        Graph shapes = readShapes();
        time("parse", t);
        Map<Node, Graph> articleGraphs = readArticles(new ArticleOwnership(ontology));

        // The asserted quads go into the store's builder once; inference reads them through a first store's indexes
        // (ontology plus articles), and the served store adds the inferred graph to the same builder.
        t = System.nanoTime();
        FrozenDatasetGraph.Builder builder = FrozenDatasetGraph.builder();
        builder.add(namespaces.ontologyGraph(), ontology);
        articleGraphs.forEach(builder::add);
        FrozenDatasetGraph asserted = builder.snapshot();
        time("dataset", t);
        t = System.nanoTime();
        List<Triple> inferred = EnginePatch.MATERIALIZER.patched()
                ? new Materializer().inferTriples(ontology, asserted.getUnionGraph())
                : RuleMaterializer.infer(ontology, asserted.getUnionGraph()).find().toList();
        asserted = null;
        time("materialize", t);

        t = System.nanoTime();
        // Read-only and compact: each term held once, each quad four ints in six sorted orders. Like Jena's in-memory
        // dataset and unlike TDB2, it keeps every literal's lexical form as written ("80000000000"^^xsd:decimal).
        builder.add(namespaces.inferredGraph(), inferred);
        DatasetGraph built = EnginePatch.FROZEN_STORE.patched() ? builder.build() : StockStore.copyOf(builder.build());
        time("dataset", t);

        // SHACL sees everything served (articles, ontology, inferred triples) through the store's union graph, which
        // is indexed for any pattern; if it fails, the store is dropped and nothing is served.
        t = System.nanoTime();
        List<String> notes = new ShapeCheck(shapes).validate(built.getUnionGraph(), SourceFiles.describe(ontologyDir.resolve(SHAPES_FILE)));
        time("shacl", t);

        t = System.nanoTime();
        KnowledgeGraph kg = new KnowledgeGraph(built, namespaces, notes, origin);
        time("count", t);
        return kg;
    }

    /** One article folder read on a worker thread: parsed, evidence-checked, split into what it says and outside enrichment. */
    private record ReadFolder(ArticleFolder article, Graph said, Graph external) {}

    /**
     * Reads and evidence-checks every article folder into its graphs (what the article says, with its text, and any
     * outside enrichment), folders in parallel; then checks names and ownership in folder order, so the first
     * problem reported is the same whatever the thread timing.
     */
    private Map<Node, Graph> readArticles(ArticleOwnership ownership) {
        long t = System.nanoTime();
        WordAnchors anchors = new WordAnchors(SG.occurrence.asNode());
        List<ReadFolder> read = OrderedParallel.map(articleDirs, dir -> {
            ArticleFolder article = ArticleFolder.read(dir, namespaces.namespace());
            anchors.resolve(article);
            Node context = EvidenceCheck.check(article, article.merged());
            Graph said = article.articleTriples();
            ArticleSentences.of(context, article.text(), article.merged()).forEach(said::add);
            said.add(context, NIF.isString, NodeFactory.createLiteralString(article.text().text()));
            return new ReadFolder(article, said, article.externalTriples());
        });
        time("parse and evidence (parallel)", t);
        t = System.nanoTime();
        Map<Node, Graph> articleGraphs = new LinkedHashMap<>();
        for (ReadFolder folder : read) {
            ArticleFolder article = folder.article();
            Node graphName = namespaces.articleGraph(article.name());
            if (articleGraphs.containsKey(graphName))
                throw new LoadException("Two article folders are named '" + article.name() + "'; the second is "
                                        + SourceFiles.describe(article.dir()));
            if (graphName.equals(namespaces.ontologyGraph()) || graphName.equals(namespaces.inferredGraph()))
                throw new LoadException("An article folder may not be named '" + article.name() + "', a graph name the loader uses: "
                                        + SourceFiles.describe(article.dir()));
            ownership.add(article);
            articleGraphs.put(graphName, folder.said());
            if (!folder.external().isEmpty())
                articleGraphs.put(namespaces.externalGraph(article.name()), folder.external());
        }
        ownership.check();
        time("ownership", t);
        return articleGraphs;
    }

    private Graph readOntology() {
        List<Path> files = SourceFiles.list(ontologyDir, ".ttl").stream()
                                      .filter(p -> !SourceFiles.fileName(p).equals(SHAPES_FILE))
                                      .toList();
        if (files.isEmpty())
            throw new LoadException("Ontology folder " + SourceFiles.describe(ontologyDir) + " has no *.ttl files");
        Graph ontology = GraphFactory.createDefaultGraph();
        files.forEach(f -> GraphUtil.addInto(ontology, TurtleReader.read(f, namespaces.namespace())));
        return ontology;
    }

    private Graph readShapes() {
        Path file = ontologyDir.resolve(SHAPES_FILE);
        if (!Files.isRegularFile(file))
            throw new LoadException("Ontology folder " + SourceFiles.describe(ontologyDir) + " has no " + SHAPES_FILE);
        return TurtleReader.read(file, namespaces.namespace());
    }

    private static Path requireDir(Path dir) {
        Objects.requireNonNull(dir, "dir");
        if (!Files.isDirectory(dir))
            throw new LoadException("Not a folder: " + SourceFiles.describe(dir));
        return dir;
    }
}
