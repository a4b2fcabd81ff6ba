package org.stargatekg.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the ontology/ and data/ folders that ship on the classpath, whether the classpath root is a directory
 * (tests, IDE) or the application jar (a zip file system is opened for it).
 */
public final class ShippedSources {

    /** The file that marks the classpath root holding the shipped ontology/ and data/ folders. */
    static final String MARKER = "ontology/stargate.ttl";

    private final Path root;

    private ShippedSources(Path root) {
        this.root = root;
    }

    /** Locates the shipped folders through the class loader that loaded this class. */
    public static ShippedSources locate() {
        return locate(ShippedSources.class.getClassLoader());
    }

    /** Locates the shipped folders through a given class loader. */
    public static ShippedSources locate(ClassLoader classLoader) {
        URL url = classLoader.getResource(MARKER);
        if (url == null)
            throw new LoadException("The shipped ontology is not on the classpath (no " + MARKER + ")");
        Path marker = toPath(url);
        return new ShippedSources(marker.getParent().getParent());
    }

    /** The shipped ontology folder. */
    public Path ontologyDir() {
        return root.resolve("ontology");
    }

    /** The shipped data folder, whose sub-folders are articles; it may be absent. */
    public Path dataDir() {
        return root.resolve("data");
    }

    /** The shipped SPARQL queries: competency/ and hygiene/ sub-folders of .rq files. */
    public Path queriesDir() {
        return root.resolve("queries");
    }

    /** Whether the shipped data folder exists. */
    public boolean hasData() {
        return Files.isDirectory(dataDir());
    }

    private static Path toPath(URL url) {
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException ex) {
            throw new IllegalStateException("Classpath resource with a bad URI: " + url, ex);
        }
        if ("jar".equals(uri.getScheme())) {
            try {
                FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException ex) {
                // Opened by an earlier call: Path.of below finds it.
            } catch (IOException ex) {
                throw new UncheckedIOException("Cannot open " + uri, ex);
            }
        }
        return Path.of(uri);
    }
}
