package org.stargatekg.draft;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.stargatekg.load.ArticleText;
import org.stargatekg.load.KnowledgeGraph;
import org.stargatekg.load.KnowledgeGraphLoader;
import org.stargatekg.load.ShippedSources;
import org.stargatekg.vocab.Namespaces;

/**
 * Drafts one article against the graph that ships plus any further article folders: loads them to learn the known
 * entities and the prefixes the data is written in, drafts the text, writes the folder, and loads everything again
 * with the new folder to prove it loads and validates.
 * <pre>{@code
 * Drafting.Result r = Drafting.of(Path.of("story.txt"), Path.of("data/story")).write();
 * }</pre>
 */
public final class Drafting {

    /**
     * The dataset namespace the graph is loaded with while drafting (a relative IRI left in a file resolves against
     * it); entities are written with the data's own prefixes (id:, ev:, sg:), whatever they resolve to.
     */
    static final String LOAD_BASE = Namespaces.STANDARD;

    private final Path articleFile;
    private final Path out;
    private final List<Path> extraFolders = new ArrayList<>();
    private String name;
    private Namespaces ns = namespaces();

    private Drafting(Path articleFile, Path out) {
        this.articleFile = Objects.requireNonNull(articleFile, "articleFile");
        this.out = Objects.requireNonNull(out, "out");
    }

    /** A drafting of one article text file into a folder. */
    public static Drafting of(Path articleFile, Path out) {
        return new Drafting(articleFile, out);
    }

    /** Sets the name that prefixes every IRI the draft mints (default: the output folder's name, as a slug). */
    public Drafting name(String name) {
        this.name = Words.slug(Objects.requireNonNull(name, "name"));
        return this;
    }

    /** Sets the dataset namespace the graph is loaded with (default: the standard one). */
    public Drafting namespace(Namespaces namespaces) {
        this.ns = Objects.requireNonNull(namespaces, "namespaces");
        return this;
    }

    /** Adds an article folder whose entities the draft may link to, beside the shipped ones. */
    public Drafting with(Path articleFolder) {
        extraFolders.add(articleFolder);
        return this;
    }

    /** The namespaces the graph is loaded with while drafting. */
    public static Namespaces namespaces() {
        return new Namespaces(LOAD_BASE);
    }

    /** What a drafting produced: the draft, the files written and the summary of loading the folder back. */
    public record Result(Draft draft, List<Path> files, String loaded) {}

    /** What a draft links to: the known entities, the prefixes the data is written in, and its entity namespace. */
    private record Context(KnownEntities known, DataPrefixes prefixes, String idNs) {}

    private static Context context(List<Path> extraFolders, Namespaces ns) {
        ShippedSources shipped = ShippedSources.locate();
        List<Path> dataFolders = new ArrayList<>();
        if (shipped.hasData())
            dataFolders.add(shipped.dataDir());
        dataFolders.addAll(extraFolders);
        DataPrefixes prefixes = DataPrefixes.of(dataFolders);
        KnowledgeGraphLoader loader = KnowledgeGraphLoader.shipped(ns);
        extraFolders.forEach(loader::article);
        KnowledgeGraph graph = loader.load();
        String idNs = prefixes.resolved("id", ns.namespace());
        KnownEntities known = KnownEntities.of(graph.dataset().asDatasetGraph(), prefixes.resolved("sg", ns.namespace()), idNs,
                                               ns.ontologyGraph());
        return new Context(known, prefixes, idNs);
    }

    /**
     * Drafts every article of a corpus folder ({@code .txt} beside {@code .gold.tsv}) against the shipped graph and
     * further article folders, and scores the drafts against the gold files.
     */
    public static CorpusScore corpus(Path folder, List<Path> extraFolders) {
        return corpus(folder, extraFolders, namespaces());
    }

    /** {@link #corpus(Path, List)} with the graph loaded in a dataset namespace of its own. */
    public static CorpusScore corpus(Path folder, List<Path> extraFolders, Namespaces ns) {
        Context c = context(extraFolders, ns);
        return CorpusScore.of(folder, c.known(), c.idNs());
    }

    /** Null when the NLP library and its models are on the class path, else what is missing and how to get it. */
    public static String nlpMissing() {
        return Nlp.missing();
    }

    /** Drafts, writes the folder and loads it back with the rest; a load failure of the draft is a LoadException. */
    public Result write() {
        Context c = context(extraFolders, ns);
        KnownEntities known = c.known();
        DataPrefixes prefixes = c.prefixes();
        String idNs = c.idNs();
        String text = ArticleText.read(articleFile).text();
        String slug = name != null ? name : Words.slug(out.toAbsolutePath().normalize().getFileName().toString());
        Draft draft = Drafter.draft(slug, text, known, idNs);
        List<Path> files = new DraftWriter(draft, prefixes, idNs, known).write(out);
        KnowledgeGraphLoader again = KnowledgeGraphLoader.shipped(ns);
        extraFolders.forEach(again::article);
        again.article(out);
        return new Result(draft, files, again.load().summary());
    }

    /** Loads one hand-made article folder on its own (with the ontology) for {@link DraftScore}. */
    public static KnowledgeGraph loadAlone(Path articleFolder) {
        return KnowledgeGraphLoader.create(namespaces()).ontology(ShippedSources.locate().ontologyDir()).article(articleFolder).load();
    }
}
