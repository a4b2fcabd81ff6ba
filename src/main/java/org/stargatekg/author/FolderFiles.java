package org.stargatekg.author;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The Turtle files of one article folder on disk, and the only way the authoring server writes: a change's files are
 * each written to a temporary file in the folder (not named *.ttl, so the loader never reads it), then a journal naming
 * them is renamed into place, then each temporary file is renamed over its Turtle file (ATOMIC_MOVE) and the journal
 * deleted. A kill before the journal's rename leaves the folder as it was (the next start deletes the temporary
 * files); a kill after it is completed by the next start. Only plain *.ttl file names directly in the folder are
 * accepted; anything else (another folder, article.txt, a link) is refused.
 */
final class FolderFiles {

    static final String JOURNAL = ".author-journal";
    static final String TEMP_SUFFIX = ".author-tmp";

    private final Path dir;
    private Runnable beforeRenames = () -> {};

    /** The folder, after finishing or discarding a save a kill interrupted. */
    FolderFiles(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        recover();
    }

    Path dir() {
        return dir;
    }

    /** For tests: runs between writing a save's temporary files and journal, and renaming them (a kill simulated there). */
    void beforeRenames(Runnable hook) {
        this.beforeRenames = hook;
    }

    /** Every *.ttl file's text, by file name, in name order. */
    Map<String, String> read() {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".ttl") && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    out.put(name, Files.readString(f, StandardCharsets.UTF_8));
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out;
    }

    /** The path of a Turtle file of the folder, or an IllegalArgumentException when the name is anything else. */
    Path turtleFile(String name) {
        if (name == null || !name.endsWith(".ttl") || name.startsWith(".") || name.contains("/") || name.contains("\\")
            || name.contains("\0"))
            throw new IllegalArgumentException("Only the folder's own Turtle files (NAME.ttl) may be written, not '" + name + "'");
        Path target = dir.resolve(name).normalize();
        if (!target.getParent().equals(dir))
            throw new IllegalArgumentException("Only files directly in " + dir + " may be written, not '" + name + "'");
        if (Files.isSymbolicLink(target) || (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)))
            throw new IllegalArgumentException("'" + name + "' in " + dir + " is not a plain file: not written");
        return target;
    }

    /**
     * Writes the changed files (a null text deletes the file) as one save: all of them or, after a kill, none or all
     * once the folder is next opened.
     */
    void save(Map<String, String> changed) {
        if (changed.isEmpty())
            return;
        List<String> journal = new ArrayList<>();
        try {
            for (Map.Entry<String, String> e : new TreeMap<>(changed).entrySet()) {
                Path target = turtleFile(e.getKey());
                if (e.getValue() == null) {
                    journal.add("delete\t" + target.getFileName());
                    continue;
                }
                Path temp = dir.resolve(target.getFileName() + TEMP_SUFFIX);
                Files.writeString(temp, e.getValue(), StandardCharsets.UTF_8);
                sync(temp);
                journal.add("put\t" + target.getFileName());
            }
            Path journalTemp = dir.resolve(JOURNAL + TEMP_SUFFIX);
            Files.writeString(journalTemp, String.join("\n", journal) + "\n", StandardCharsets.UTF_8);
            sync(journalTemp);
            Files.move(journalTemp, dir.resolve(JOURNAL), StandardCopyOption.ATOMIC_MOVE);
            syncFolder();
            beforeRenames.run();
            apply(journal);
            syncFolder();
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not save in " + dir + ": " + ex.getMessage(), ex);
        }
    }

    private void apply(List<String> journal) throws IOException {
        for (String line : journal) {
            String[] parts = line.split("\t", 2);
            Path target = turtleFile(parts[1]);
            if (parts[0].equals("delete"))
                Files.deleteIfExists(target);
            else {
                Path temp = dir.resolve(parts[1] + TEMP_SUFFIX);
                if (Files.exists(temp))
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.deleteIfExists(dir.resolve(JOURNAL));
    }

    /** Completes a save whose journal was written, or drops the temporary files of one that never got that far. */
    private void recover() {
        try {
            Path journal = dir.resolve(JOURNAL);
            if (Files.exists(journal))
                apply(Files.readAllLines(journal, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList());
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList())
                    if (f.getFileName().toString().endsWith(TEMP_SUFFIX))
                        Files.deleteIfExists(f);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not finish an interrupted save in " + dir + ": " + ex.getMessage(), ex);
        }
    }

    /** Makes the folder's renames durable too (a power cut, not only a kill); where a folder cannot be synced, skipped. */
    private void syncFolder() {
        try (var ch = java.nio.channels.FileChannel.open(dir, java.nio.file.StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ex) {
            // Some platforms cannot open a folder as a channel; the renames are still atomic there.
        }
    }

    private static void sync(Path file) {
        try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
