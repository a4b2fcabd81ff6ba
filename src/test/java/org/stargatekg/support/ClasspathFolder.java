package org.stargatekg.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Lists and reads files of a folder on the test classpath (target/classes or target/test-classes). */
public final class ClasspathFolder {

    private ClasspathFolder() {}

    /** The folder's path, or null if the classpath has no such folder. */
    public static Path find(String folder) {
        URL url = ClasspathFolder.class.getClassLoader().getResource(folder);
        if (url == null)
            return null;
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The names of the files in a classpath folder that end with the suffix, sorted; empty if the folder is absent. */
    public static List<String> fileNames(String folder, String suffix) {
        Path dir = find(folder);
        if (dir == null)
            return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix)).sorted().toList();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The names of the sub-folders of a classpath folder, sorted; empty if the folder is absent. */
    public static List<String> subFolders(String folder) {
        Path dir = find(folder);
        if (dir == null)
            return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The bytes of a classpath file, decoded as UTF-8 with nothing trimmed. */
    public static String read(String file) {
        Path path = find(file);
        if (path == null)
            throw new IllegalArgumentException("Not on the classpath: " + file);
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
