package org.stargatekg.author;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** A kill in the middle of a save, simulated where it does most harm: the folder loads, with the change whole or absent. */
class SaveInterruptedTest {

    /** Stands for the process dying at that point. */
    private static final class Killed extends RuntimeException {}

    private static Map<String, String> accepted(Map<String, String> files) {
        Map<String, String> out = new TreeMap<>();
        files.forEach((k, v) -> out.put(k, v.replace("sg:NotReviewed", "sg:Reviewed")));
        return out;
    }

    @Test
    void a_save_cut_after_its_journal_loads_as_before_and_is_completed_on_the_next_start() {
        Path dir = AuthorFolders.draft();
        FolderFiles files = new FolderFiles(dir);
        Map<String, String> before = files.read();
        Map<String, String> change = accepted(before);
        files.beforeRenames(() -> {
            throw new Killed();
        });
        assertThrows(Killed.class, () -> files.save(change));
        assertEquals(before, new TreeMap<>(filesOnly(dir)), "before the renames, every Turtle file is as it was");
        AuthorFolders.load(dir);
        assertTrue(Files.exists(dir.resolve(FolderFiles.JOURNAL)), "the journal says what to finish");
        FolderFiles reopened = new FolderFiles(dir);
        assertEquals(change, reopened.read(), "the next start finished the save: every file of the change is there");
        assertFalse(Files.exists(dir.resolve(FolderFiles.JOURNAL)));
        AuthorFolders.load(dir);
    }

    @Test
    void a_save_cut_before_its_journal_loads_as_before_and_its_temporary_files_are_dropped() throws Exception {
        Path dir = AuthorFolders.draft();
        FolderFiles files = new FolderFiles(dir);
        Map<String, String> before = files.read();
        // What a kill leaves after writing one temporary file and before the journal.
        Files.writeString(dir.resolve("statements.ttl" + FolderFiles.TEMP_SUFFIX), "half a file @prefix");
        AuthorFolders.load(dir);
        FolderFiles reopened = new FolderFiles(dir);
        assertEquals(before, reopened.read());
        assertFalse(Files.exists(dir.resolve("statements.ttl" + FolderFiles.TEMP_SUFFIX)), "the temporary file is gone");
        AuthorFolders.load(dir);
    }

    private static Map<String, String> filesOnly(Path dir) {
        Map<String, String> all = AuthorFolders.files(dir);
        all.keySet().removeIf(k -> !k.endsWith(".ttl"));
        return all;
    }
}
