package org.stargatekg.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stargatekg.support.ClasspathFolder;
import org.stargatekg.vocab.Namespaces;

/** The shipped ontology/ and data/ folders load the same from a classpath directory and from inside a jar. */
class ShippedSourcesTest {

    private static final Namespaces NS = Namespaces.standard();

    /** Copies the classpath's ontology/ and data/ folders into a jar, with directory entries as Maven writes them. */
    private static Path jarOfShippedFolders(Path dir) throws IOException {
        Path root = ClasspathFolder.find("ontology").getParent();
        Path jar = dir.resolve("shipped.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (String top : List.of("ontology", "data")) {
                try (Stream<Path> walk = Files.walk(root.resolve(top))) {
                    for (Path p : walk.sorted().toList()) {
                        String name = root.relativize(p).toString().replace('\\', '/');
                        out.putNextEntry(new JarEntry(Files.isDirectory(p) ? name + "/" : name));
                        if (Files.isRegularFile(p))
                            Files.copy(p, out);
                        out.closeEntry();
                    }
                }
            }
        }
        return jar;
    }

    @Test
    void shipped_folders_load_the_same_from_a_jar_as_from_a_directory(@TempDir Path tmp) throws IOException {
        KnowledgeGraph fromDirectory = KnowledgeGraphLoader.shipped(NS).load();
        Path jar = jarOfShippedFolders(tmp);
        try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
            ShippedSources shipped = ShippedSources.locate(loader);
            assertNotEquals(FileSystems.getDefault(), shipped.ontologyDir().getFileSystem(), "expected a path inside the jar");
            KnowledgeGraph fromJar = KnowledgeGraphLoader.create(NS).ontology(shipped.ontologyDir()).articles(shipped.dataDir()).load();
            assertEquals(fromDirectory.summary(), fromJar.summary());
        } finally {
            FileSystems.getFileSystem(java.net.URI.create("jar:" + jar.toUri())).close();
        }
    }
}
