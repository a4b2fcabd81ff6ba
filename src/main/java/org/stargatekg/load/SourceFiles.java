package org.stargatekg.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Listing and naming the files of a folder, whether the folder is on disk or inside a jar. */
public final class SourceFiles {

    private SourceFiles() {}

    /** The regular files directly in a folder whose names end with the suffix, sorted by name. */
    public static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile)
                          .filter(p -> fileName(p).endsWith(suffix))
                          .sorted((a, b) -> fileName(a).compareTo(fileName(b)))
                          .toList();
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot list " + describe(dir), ex);
        }
    }

    /** The sub-folders directly in a folder, sorted by name. */
    public static List<Path> subFolders(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory)
                          .sorted((a, b) -> fileName(a).compareTo(fileName(b)))
                          .toList();
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot list " + describe(dir), ex);
        }
    }

    /** The last name of a path, without any trailing "/" that zip file systems add to folders. */
    public static String fileName(Path path) {
        Path name = path.getFileName();
        String s = name == null ? "" : name.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** A name for a file that a person can find: the absolute path on disk, or the jar: URI inside a jar. */
    public static String describe(Path path) {
        if (path.getFileSystem() == FileSystems.getDefault())
            return path.toAbsolutePath().normalize().toString();
        return path.toUri().toString();
    }
}
