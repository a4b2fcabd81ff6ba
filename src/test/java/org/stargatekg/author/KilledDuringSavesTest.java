package org.stargatekg.author;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A process saving the folder again and again is killed with SIGKILL at some moment: the folder, opened again as the
 * authoring server opens it, holds one of the two states whole (never a mix) and loads.
 */
class KilledDuringSavesTest {

    @Test
    void a_kill_during_a_stream_of_saves_leaves_one_whole_state_that_loads() throws Exception {
        Path dir = AuthorFolders.draft();
        Map<String, String> a = new FolderFiles(dir).read();
        Map<String, String> b = new TreeMap<>();
        a.forEach((k, v) -> b.put(k, v.replace("sg:NotReviewed", "sg:Reviewed")));
        for (int round = 0; round < 3; round++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                                           System.getProperty("java.class.path"), SaveLoop.class.getName(), dir.toString())
                    .redirectErrorStream(true).start();
            int target = 20 + 37 * round;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null && !line.equals("saved " + target)) {
                    // Read on until that many saves are done; the kill then lands in the middle of later ones.
                }
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
            boolean journal = Files.exists(dir.resolve(FolderFiles.JOURNAL));
            Map<String, String> found = new FolderFiles(dir).read();
            assertTrue(found.equals(a) || found.equals(b), "round " + round + ": after the kill (journal left: " + journal
                                                           + ") the folder holds a mix of two saves");
            AuthorFolders.load(dir);
            System.out.printf("Kill %d: journal %s, state %s%n", round, journal ? "left and finished" : "absent", found.equals(a) ? "A" : "B");
        }
    }
}
