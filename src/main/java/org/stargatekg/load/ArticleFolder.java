package org.stargatekg.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * One parsed article folder: its name (which names its graphs), its text, and each Turtle file's triples kept apart
 * for error messages. Files whose name starts with {@code external} hold outside enrichment (sameAs links, facts
 * from other sources) and are served in a graph of their own, so that queries can tell them from the article's word.
 */
record ArticleFolder(String name, Path dir, ArticleText text, Map<Path, Graph> files) {

    /** The name of the text file every article folder holds. */
    static final String ARTICLE_FILE = "article.txt";

    /** The start of the name of Turtle files that hold outside enrichment rather than what the article says. */
    static final String EXTERNAL_PREFIX = "external";

    /** Reads article.txt and parses every *.ttl file of a folder, failing on the first unreadable or malformed file. */
    static ArticleFolder read(Path dir, String base) {
        String name = SourceFiles.fileName(dir);
        Path textFile = dir.resolve(ARTICLE_FILE);
        if (!Files.isRegularFile(textFile))
            throw new LoadException("Article folder " + SourceFiles.describe(dir) + " has no " + ARTICLE_FILE);
        ArticleText text = ArticleText.read(textFile);
        List<Path> turtle = SourceFiles.list(dir, ".ttl");
        if (turtle.isEmpty())
            throw new LoadException("Article folder " + SourceFiles.describe(dir) + " has no *.ttl files");
        Map<Path, Graph> files = new LinkedHashMap<>();
        for (Path file : turtle)
            files.put(file, TurtleReader.read(file, base));
        return new ArticleFolder(name, dir, text, files);
    }

    /** All triples of the folder's Turtle files in one new graph. */
    Graph merged() {
        return mergeWhere(file -> true);
    }

    /** The triples of the files that state what the article says. */
    Graph articleTriples() {
        return mergeWhere(file -> !isExternal(file));
    }

    /** The triples of the files of outside enrichment; empty if the folder has none. */
    Graph externalTriples() {
        return mergeWhere(ArticleFolder::isExternal);
    }

    private static boolean isExternal(Path file) {
        return SourceFiles.fileName(file).startsWith(EXTERNAL_PREFIX);
    }

    private Graph mergeWhere(Predicate<Path> which) {
        Graph graph = GraphFactory.createDefaultGraph();
        files.forEach((file, g) -> {
            if (which.test(file))
                GraphUtil.addInto(graph, g);
        });
        return graph;
    }
}
