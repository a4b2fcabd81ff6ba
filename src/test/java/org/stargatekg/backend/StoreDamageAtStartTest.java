package org.stargatekg.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stargatekg.load.KnowledgeGraph;
import org.stargatekg.load.KnowledgeGraphLoader;
import org.stargatekg.support.Fixtures;
import org.stargatekg.vocab.Namespaces;

/**
 * A store as the command line meets it, each start a process of its own (issue 23, finding 5): a bad {@code --data}
 * folder leaves the store byte for byte as it was, and damage found at start is said in one line and repaired by a
 * load, never an {@code AlreadyLocked} stack trace.
 */
class StoreDamageAtStartTest {

    @TempDir
    static Path tmp;
    private static Path pristine;

    /** One store loaded from the shipped sources, copied for each test. */
    @BeforeAll
    static void load() {
        pristine = tmp.resolve("pristine");
        PersistentStore store = PersistentStore.at(pristine);
        try {
            KnowledgeGraph graph = KnowledgeGraphLoader.shipped(Namespaces.standard()).store(store).load();
            assertEquals(KnowledgeGraph.Origin.FILES_INTO_STORE, graph.origin());
        } finally {
            store.close();
        }
    }

    @Test
    void bad_data_folder_leaves_the_store_byte_for_byte_as_it_was() throws Exception {
        Path dir = copy("bad-data");
        Map<String, String> before = snapshot(dir);
        Run run = start("--store", dir.toString(), "--data", Fixtures.path("anchor-past-end").toString(), "--validate");
        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("endIndex 90 is past the end"), run.output());
        assertEquals(before, snapshot(dir), "the store changed although the sources were refused");
    }

    @Test
    void index_files_removed_are_reported_in_one_line_and_loaded_again() throws Exception {
        Path dir = copy("index-removed");
        Files.delete(data(dir).resolve("POS.idn"));
        Files.delete(data(dir).resolve("GPOS.bpt"));
        assertRepairedAtStart(dir);
    }

    @Test
    void truncated_node_table_is_reported_in_one_line_and_loaded_again() throws Exception {
        Path dir = copy("nodes-truncated");
        try (RandomAccessFile f = new RandomAccessFile(data(dir).resolve("nodes-data.obj").toFile(), "rw")) {
            f.setLength(f.length() / 3);
        }
        assertRepairedAtStart(dir);
    }

    private static void assertRepairedAtStart(Path dir) throws Exception {
        Run first = start("--store", dir.toString(), "--validate");
        assertEquals(0, first.exit(), first.output());
        assertTrue(!first.output().contains("AlreadyLocked") && !first.output().contains("\tat "), "a stack trace:\n" + first.output());
        List<String> warnings = first.output().lines().filter(l -> l.contains("WARN")).toList();
        assertEquals(1, warnings.size(), first.output());
        assertTrue(warnings.get(0).contains(dir.toAbsolutePath().toString()), warnings.get(0));
        Run second = start("--store", dir.toString(), "--validate");
        assertEquals(0, second.exit(), second.output());
        assertTrue(second.output().lines().noneMatch(l -> l.contains("WARN")), "the repaired store was not kept:\n" + second.output());
    }

    private record Run(int exit, String output) {}

    private static Run start(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx384m", "-cp", classpath(), "org.stargatekg.cli.Main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the start did not end");
        System.out.println(String.join(" ", args) + " -> exit " + p.exitValue() + "\n" + output);
        return new Run(p.exitValue(), output);
    }

    private static Path copy(String name) throws IOException {
        Path target = tmp.resolve(name);
        try (Stream<Path> walk = Files.walk(pristine)) {
            for (Path p : walk.toList()) {
                Path to = target.resolve(pristine.relativize(p).toString());
                if (Files.isDirectory(p))
                    Files.createDirectories(to);
                else if (!p.getFileName().toString().equals(StoreLock.FILE))
                    Files.copy(p, to);
            }
        }
        return target;
    }

    private static Path data(Path dir) {
        return dir.resolve("tdb2").resolve("Data-0001");
    }

    /** A SHA-256 of every file but the lock file (whose only content is the pid of the last process to hold it). */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                String name = dir.relativize(p).toString();
                if (Files.isDirectory(p))
                    files.put(name + "/", "folder");
                else if (!name.equals(StoreLock.FILE))
                    files.put(name, java.util.HexFormat.of().formatHex(sha256(Files.readAllBytes(p))));
            }
        }
        return files;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String classpath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
