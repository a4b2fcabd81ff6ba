package org.stargatekg.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.stargatekg.vocab.NIF;

/**
 * One parsed article folder: its name (which names its graphs), its text, and each Turtle file's triples kept apart
 * for error messages, plus, made once, the triples of what the article says, of outside enrichment and of both
 * ({@code merged} is the same graph as {@code articleTriples} when there is no enrichment, and otherwise reads both
 * without copying them, so that it also shows what the loader adds to {@code articleTriples} after the evidence check:
 * the text itself and the sentences). Files whose name starts with {@code external} hold outside enrichment (sameAs links, facts
 * from other sources) and are served in a graph of their own, so that queries can tell them from the article's word.
 * {@code anchorLines} gives the line of each {@code nif:anchorOf} statement, so that a passage anchored by its words
 * that cannot be placed is reported where it is written.
 */
public record ArticleFolder(String name, Path dir, ArticleText text, Map<Path, List<Triple>> files, Graph articleTriples, Graph externalTriples, Graph merged,
                     Map<Triple, Long> anchorLines) {

    /** The name of the text file every article folder holds. */
    static final String ARTICLE_FILE = "article.txt";

    /** The start of the name of Turtle files that hold outside enrichment rather than what the article says. */
    static final String EXTERNAL_PREFIX = "external";

    /** Reads article.txt and parses every *.ttl file of a folder, failing on the first unreadable or malformed file. */
    public static ArticleFolder read(Path dir, String base) {
        String name = SourceFiles.fileName(dir);
        Path textFile = dir.resolve(ARTICLE_FILE);
        if (!Files.isRegularFile(textFile))
            throw new LoadException("Article folder " + SourceFiles.describe(dir) + " has no " + ARTICLE_FILE);
        ArticleText text = ArticleText.read(textFile);
        List<Path> turtle = SourceFiles.list(dir, ".ttl");
        if (turtle.isEmpty())
            throw new LoadException("Article folder " + SourceFiles.describe(dir) + " has no *.ttl files");
        Map<Path, List<Triple>> files = new LinkedHashMap<>();
        Map<Triple, Long> anchorLines = new HashMap<>();
        Graph said = GraphFactory.createDefaultGraph();
        Graph external = GraphFactory.createDefaultGraph();
        // One resolution for the folder's files (most IRIs of an article appear in several of them), kept for the
        // thread's next folder (the ontology's terms appear in all).
        TurtleReader.Iris iris = TurtleReader.irisOfThisThread(base);
        for (Path file : turtle) {
            List<Triple> triples = TurtleReader.triples(file, iris, NIF.anchorOf, anchorLines);
            files.put(file, triples);
            Graph into = isExternal(file) ? external : said;
            triples.forEach(into::add);
        }
        // Read through, not copied: a copy cost a sixth of reading a folder.
        Graph merged = external.isEmpty() ? said : new MergedView(said, external);
        return new ArticleFolder(name, dir, text, files, said, external, merged, anchorLines);
    }

    /** Whether one of the folder's files states a triple matching the pattern (for naming the file in an error). */
    static boolean states(List<Triple> file, Node s, Node p) {
        for (Triple t : file)
            if (t.getSubject().equals(s) && (p == Node.ANY || t.getPredicate().equals(p)))
                return true;
        return false;
    }

    /** "file, line N" where the folder states the passage's nif:anchorOf, or the best place it can name otherwise. */
    String whereAnchored(Node passage) {
        for (Map.Entry<Path, List<Triple>> e : files.entrySet())
            for (Triple t : e.getValue())
                if (t.getSubject().equals(passage) && t.getPredicate().equals(NIF.anchorOf)) {
                    Long line = anchorLines.get(t);
                    return SourceFiles.describe(e.getKey()) + (line == null ? "" : ", line " + line);
                }
        return SourceFiles.describe(dir);
    }

    private static boolean isExternal(Path file) {
        return SourceFiles.fileName(file).startsWith(EXTERNAL_PREFIX);
    }

}
