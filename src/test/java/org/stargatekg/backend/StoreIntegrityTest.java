package org.stargatekg.backend;

import org.stargatekg.load.KnowledgeGraph;
import org.stargatekg.load.KnowledgeGraphLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stargatekg.support.CliRun;
import org.stargatekg.support.LogCapture;
import org.stargatekg.vocab.Namespaces;

/**
 * A {@code --store} that is no longer what its last load left is noticed at start and loaded again from the sources,
 * with one log line naming its folder; a second server on the same folder is refused and changes nothing (issue 15,
 * finding 5: with a data folder removed, index files deleted, 8 bytes zeroed in SPOG.bpt or bytes changed in
 * nodes-data.obj the server served empty, partial or altered data; a truncated node table ended the start with a raw
 * stack trace; a second server exited with a raw DBOpEnvException and deleted the load record).
 */
class StoreIntegrityTest {

    private static final Namespaces NS = Namespaces.standard();

    /** Where a start's graph came from, and a digest of every quad it served. */
    private record Start(KnowledgeGraph.Origin origin, String digest) {}

    /** Loads the shipped sources with the store, then lets go of it as the end of the process would. */
    private static Start loadAndClose(Path dir, boolean fullCheck) {
        PersistentStore store = PersistentStore.at(dir);
        try {
            KnowledgeGraph graph = KnowledgeGraphLoader.shipped(NS).store(store).verifyStore(fullCheck).load();
            return new Start(graph.origin(), StoreIntegrity.contentDigest(graph.store()));
        } finally {
            store.close();
        }
    }

    private static Path data(Path dir) {
        return dir.resolve("tdb2").resolve("Data-0001");
    }

    /** A store loaded and closed, with the digest of what it served. */
    private record Loaded(Path dir, String digest) {}

    private static Loaded fresh(Path tmp) {
        Path dir = tmp.resolve("store");
        Start first = loadAndClose(dir, false);
        assertEquals(KnowledgeGraph.Origin.FILES_INTO_STORE, first.origin());
        Start again = loadAndClose(dir, false);
        assertEquals(KnowledgeGraph.Origin.STORE, again.origin(), "a sound store was loaded again");
        assertEquals(first.digest(), again.digest());
        return new Loaded(dir, first.digest());
    }

    /** After the damage, a start notices it, says so naming the folder, loads again, and serves what it first did. */
    private static void assertRebuilt(Loaded store, String damage) {
        try (LogCapture log = new LogCapture()) {
            Start graph = loadAndClose(store.dir(), false);
            assertEquals(KnowledgeGraph.Origin.FILES_INTO_STORE, graph.origin(), damage + ": the damaged store was served as it is");
            assertEquals(store.digest(), graph.digest(), damage + ": the store serves other quads than it was loaded with");
            List<LogCapture.Line> warnings = log.lines().stream().filter(l -> l.level().equals("WARN")).toList();
            assertEquals(1, warnings.size(), () -> damage + ": " + log.lines());
            assertTrue(warnings.get(0).message().contains(store.dir().toAbsolutePath().toString()), warnings.get(0).message());
            assertEquals(null, warnings.get(0).thrown(), "a stack trace was logged");
            System.out.println(damage + " -> " + warnings.get(0).message());
        }
        assertEquals(KnowledgeGraph.Origin.STORE, loadAndClose(store.dir(), false).origin(), damage + ": the rebuilt store was not kept");
    }

    @Test
    void data_folder_removed_is_loaded_again(@TempDir Path tmp) throws IOException {
        Loaded store = fresh(tmp);
        deleteTree(data(store.dir()));
        assertRebuilt(store, "Data-0001 removed");
    }

    @Test
    void index_files_deleted_are_loaded_again(@TempDir Path tmp) throws IOException {
        Loaded store = fresh(tmp);
        for (String suffix : new String[] {".bpt", ".dat", ".idn"})
            Files.delete(data(store.dir()).resolve("SPOG" + suffix));
        assertRebuilt(store, "SPOG index files deleted");
    }

    @Test
    void bytes_zeroed_in_an_index_are_loaded_again(@TempDir Path tmp) throws IOException {
        Loaded store = fresh(tmp);
        overwrite(data(store.dir()).resolve("SPOG.bpt"), 0, new byte[8]);
        assertRebuilt(store, "8 bytes zeroed in SPOG.bpt");
    }

    @Test
    void bytes_changed_in_the_node_table_are_loaded_again(@TempDir Path tmp) throws IOException {
        Loaded store = fresh(tmp);
        Path nodes = data(store.dir()).resolve("nodes-data.obj");
        overwrite(nodes, Files.size(nodes) / 2, "Elon".getBytes(StandardCharsets.UTF_8));
        assertRebuilt(store, "bytes changed in nodes-data.obj");
    }

    @Test
    void truncated_node_table_is_loaded_again(@TempDir Path tmp) throws IOException {
        Loaded store = fresh(tmp);
        try (RandomAccessFile f = new RandomAccessFile(data(store.dir()).resolve("nodes-data.obj").toFile(), "rw")) {
            f.setLength(f.length() / 3);
        }
        assertRebuilt(store, "nodes-data.obj truncated");
    }

    @Test
    void record_without_file_sums_is_loaded_again_once(@TempDir Path tmp) throws IOException {
        Loaded store = fresh(tmp);
        Path record = store.dir().resolve(PersistentStore.RECORD);
        Properties p = new Properties();
        try (var in = Files.newInputStream(record)) {
            p.load(in);
        }
        p.remove("files");
        try (var out = Files.newOutputStream(record)) {
            p.store(out, "as an older version wrote it");
        }
        assertRebuilt(store, "record without file sums");
    }

    /**
     * An index that lost an entry before the load was recorded passes the file and count checks; the full check
     * ({@code --verify-store}) compares every index and loads the store again.
     */
    @Test
    void full_check_finds_an_index_that_disagrees(@TempDir Path tmp) {
        Loaded store = fresh(tmp);
        PersistentStore opened = PersistentStore.at(store.dir());
        DatasetGraph db = DatabaseMgr.connectDatasetGraph(store.dir().resolve("tdb2").toString());
        Txn.executeWrite(db, () -> {
            // Not the index a scan of all quads reads, so the counts stay as recorded.
            TupleIndex ospg = TDBInternal.findIndex(db, "OSPG");
            Tuple<NodeId> first = ospg.all().next();
            ospg.delete(first);
        });
        opened.close();
        // As if the damage had been there when the load was recorded.
        opened = PersistentStore.at(store.dir());
        opened.writeRecord(opened.readRecord());
        opened.close();
        assertEquals(KnowledgeGraph.Origin.STORE, loadAndClose(store.dir(), false).origin(), "the quick check was expected to pass");
        try (LogCapture log = new LogCapture()) {
            Start graph = loadAndClose(store.dir(), true);
            assertEquals(KnowledgeGraph.Origin.FILES_INTO_STORE, graph.origin(), "the full check passed a store whose indexes disagree");
            assertTrue(log.lines().stream().anyMatch(l -> l.message().contains("OSPG")), () -> "log: " + log.lines());
        }
        assertEquals(KnowledgeGraph.Origin.STORE, loadAndClose(store.dir(), true).origin(), "the rebuilt store failed the full check");
    }

    @Test
    void second_server_on_the_same_folder_is_refused_and_changes_nothing(@TempDir Path tmp) throws Exception {
        Loaded store = fresh(tmp);
        PersistentStore held = PersistentStore.at(store.dir());
        try {
            KnowledgeGraph serving = KnowledgeGraphLoader.shipped(NS).store(held).load();
            assertEquals(KnowledgeGraph.Origin.STORE, serving.origin());
            Map<String, byte[]> before = snapshot(store.dir());
            Process second = new ProcessBuilder(java(), "-Xmx256m", "-cp", classpath(), "org.stargatekg.cli.Main",
                                                "--store", store.dir().toString(), "--validate")
                    .redirectErrorStream(true).start();
            String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(second.waitFor(120, TimeUnit.SECONDS), "the second process did not end");
            System.out.println("second server: exit " + second.exitValue() + "\n" + output);
            assertEquals(1, second.exitValue(), output);
            assertEquals(1, output.strip().lines().count(), "more than the one line saying why:\n" + output);
            assertTrue(output.contains("in use by another process"), output);
            assertTrue(output.contains(store.dir().toRealPath().toString()), output);
            assertTrue(!output.contains("\tat "), "a stack trace was printed:\n" + output);
            Map<String, byte[]> after = snapshot(store.dir());
            assertEquals(before.keySet(), after.keySet(), "files were added or removed");
            for (String name : before.keySet())
                assertTrue(java.util.Arrays.equals(before.get(name), after.get(name)), name + " changed");
        } finally {
            held.close();
        }
    }

    @Test
    void verify_store_needs_a_store() {
        CliRun run = CliRun.of("--verify-store", "--validate");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--verify-store"), run::toString);
    }

    /**
     * Every file's bytes, except the lock file's size and time only: opening the lock file in this process would
     * release this process's lock on it (POSIX record locks belong to the process, and any close drops them).
     */
    private static Map<String, byte[]> snapshot(Path dir) throws IOException {
        Map<String, byte[]> files = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(p).toString();
                files.put(name, name.equals(StoreLock.FILE)
                        ? (Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis()).getBytes(StandardCharsets.UTF_8)
                        : Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static void overwrite(Path file, long offset, byte[] bytes) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(offset);
            f.write(bytes);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList())
                Files.delete(p);
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
