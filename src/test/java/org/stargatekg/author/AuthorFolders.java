package org.stargatekg.author;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.stargatekg.draft.Drafting;
import org.stargatekg.load.KnowledgeGraph;
import org.stargatekg.load.KnowledgeGraphLoader;
import org.stargatekg.support.Fixtures;
import org.stargatekg.vocab.Namespaces;

/** Test folders: the made-up floating-library article drafted by the draft command's code, and how to check them. */
final class AuthorFolders {

    static final Path TEXT = Path.of("src/test/resources/author/floating-library.txt");

    private AuthorFolders() {}

    /** The other folder the authoring tests load beside the shipped data (its shared organization is merged into). */
    static Path moonWidgets() {
        return Fixtures.path("moon-widgets");
    }

    /** A fresh draft of the test article in a new folder named floating-library under target/. */
    static Path draft() {
        try {
            Files.createDirectories(Path.of("target"));
            Path parent = Files.createTempDirectory(Path.of("target"), "author-");
            Path dir = parent.resolve("floating-library");
            Drafting.of(TEXT, dir).write();
            return dir;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Loads the folder as --validate --data does (with the moon-widgets folder beside it); throws when it does not load. */
    static KnowledgeGraph load(Path dir) {
        return KnowledgeGraphLoader.shipped(Namespaces.standard()).article(moonWidgets()).article(dir).load();
    }

    /** All the folder's triples in one graph. */
    static org.apache.jena.graph.Graph graph(Path dir) {
        org.apache.jena.graph.Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        files(dir).forEach((name, text) -> {
            if (name.endsWith(".ttl"))
                org.apache.jena.riot.RDFParser.fromString(text, org.apache.jena.riot.Lang.TURTLE).base(Namespaces.STANDARD).parse(g);
        });
        return g;
    }

    /**
     * The IRI of the one resource the folder gives this literal for this property (a quotation by its words, an entity by
     * its label), whatever IRI the drafter chose; the test fails when there is none.
     */
    static String subject(Path dir, String property, String text) {
        org.apache.jena.graph.Graph g = graph(dir);
        for (org.apache.jena.graph.Triple t : g.find(org.apache.jena.graph.Node.ANY, org.apache.jena.graph.NodeFactory.createURI(property),
                                                     org.apache.jena.graph.Node.ANY).toList())
            if (t.getObject().isLiteral() && t.getObject().getLiteralLexicalForm().equals(text) && t.getSubject().isURI())
                return t.getSubject().getURI();
        throw new AssertionError("the draft has nothing whose " + property + " is \"" + text + "\"");
    }

    static final String LABEL = "http://www.w3.org/2000/01/rdf-schema#label";
    static final String VERBATIM = "https://w3id.org/stargate-kg/ontology/verbatimText";
    static final String SPEAKER = "https://w3id.org/stargate-kg/ontology/speaker";

    /** Every file of the folder and its bytes as text, by name. */
    static Map<String, String> files(Path dir) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.toList())
                out.put(f.getFileName().toString(), Files.readString(f));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out;
    }
}
