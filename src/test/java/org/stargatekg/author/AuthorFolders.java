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
