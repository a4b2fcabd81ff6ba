package org.stargatekg.backend;

import org.stargatekg.load.KeptGraph;
import org.stargatekg.load.KnowledgeGraph;
import org.stargatekg.load.LoadException;
import org.stargatekg.load.SourceFiles;
import org.stargatekg.vocab.Namespaces;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.dboe.base.file.ProcessFileLock;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.DatabaseConnection;

/**
 * A TDB2 store on disk that keeps a loaded graph between runs. Next to the database it records what was loaded
 * ({@value #RECORD}: a SHA-256 of the dataset namespace and every source file's name and bytes), so that a later start with
 * the same sources opens the store instead of parsing and validating the files again; and what the load left on
 * disk (each database file's size and CRC-32C, the numbers of quads and graphs, a digest of the content), so that a
 * store damaged since is noticed at start ({@link StoreIntegrity}) and loaded again rather than served as it is.
 * One process at a time may use a store folder ({@link StoreLock}).
 * <p>
 * TDB2 keeps numbers as values: {@code "80000000000"^^xsd:decimal} comes back as {@code "80000000000.0"}. Queries
 * that compare numbers by value are unaffected; the competency tests, which compare lexical forms, run in memory.
 */
public final class PersistentStore implements KeptGraph {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PersistentStore.class);

    /** The file in the store folder that says what the store holds. */
    public static final String RECORD = "stargate-kg-load.properties";

    private static final String DATABASE = "tdb2";

    private final Path dir;

    private PersistentStore(Path dir) {
        this.dir = dir;
    }

    /**
     * A store in a folder that is empty, absent (it is created) or a store made by this program; throws
     * {@link IllegalArgumentException} saying why any other folder is unusable.
     */
    public static PersistentStore at(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir))
            throw new IllegalArgumentException("not a folder: " + dir.toAbsolutePath());
        try {
            Files.createDirectories(dir);
        } catch (IOException | RuntimeException ex) {
            throw new IllegalArgumentException("cannot create folder " + dir.toAbsolutePath() + ": " + ex.getMessage());
        }
        if (!Files.isWritable(dir))
            throw new IllegalArgumentException("folder is not writable: " + dir.toAbsolutePath());
        try (Stream<Path> entries = Files.list(dir)) {
            List<String> names = entries.map(p -> p.getFileName().toString()).filter(n -> !n.equals(StoreLock.FILE)).toList();
            if (!names.isEmpty() && !names.contains(RECORD) && !names.contains(DATABASE))
                throw new IllegalArgumentException("folder is neither empty nor a stargate-kg store: " + dir.toAbsolutePath());
        } catch (IOException ex) {
            throw new IllegalArgumentException("cannot list folder " + dir.toAbsolutePath() + ": " + ex.getMessage());
        }
        StoreLock.acquire(dir);
        return new PersistentStore(dir);
    }

    /** Lets go of the store (its database and the folder's lock), as the end of the process would. */
    public void close() {
        expel();
        StoreLock.release(dir);
    }

    /** The folder of the store. */
    public Path dir() {
        return dir;
    }

    /** Whether the store already holds the load identified by the fingerprint. */
    boolean holds(String fingerprint) {
        if (!Files.isDirectory(dir.resolve(DATABASE)))
            return false;
        Properties p = record();
        return p != null && fingerprint.equals(p.getProperty("sources.sha256"));
    }

    /** What the last complete load recorded, or null when there is no readable record. */
    private Properties record() {
        Path record = dir.resolve(RECORD);
        if (!Files.isRegularFile(record))
            return null;
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(record)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException ex) {
            return null;
        }
        return p;
    }

    /**
     * Null when every database file is as the last load left it, else what differs: a file missing, added, of
     * another size or other bytes (checked before the database is opened, so a damaged file is never read).
     */
    String damagedFiles() {
        Properties p = record();
        if (p == null || p.getProperty("files") == null)
            return "it records no file sums (made by an older version)";
        Map<String, String> recorded = new TreeMap<>();
        for (String name : p.getProperty("files").split("\\|"))
            if (!name.isEmpty())
                recorded.put(name, p.getProperty("file." + name, ""));
        return StoreIntegrity.compareFiles(recorded, StoreIntegrity.fileSums(dir.resolve(DATABASE)));
    }

    /** Null when the opened store holds as many quads and graphs as the last load did, else the difference. */
    String damagedCounts(long quads, int graphs) {
        Properties p = record();
        String q = p == null ? null : p.getProperty("quads");
        String g = p == null ? null : p.getProperty("graphs");
        if (!Long.toString(quads).equals(q) || !Integer.toString(graphs).equals(g))
            return "it holds " + quads + " quads in " + graphs + " graphs, the load left " + q + " quads in " + g + " graphs";
        return null;
    }

    /** Null when every quad reads back as the last load wrote it and all six quad indexes agree, else the difference. */
    String damagedContent(DatasetGraph db) {
        Properties p = record();
        String recorded = p == null ? null : p.getProperty("content");
        String now = StoreIntegrity.contentDigest(db);
        if (!now.equals(recorded))
            return "its content digest is " + now + ", the load left " + recorded;
        return StoreIntegrity.compareIndexes(db);
    }

    @Override
    public KnowledgeGraph open(List<Path> sources, Namespaces namespaces, boolean full) {
        String fingerprint = fingerprint(namespaces.namespace(), sources);
        if (!holds(fingerprint))
            return null;
        KnowledgeGraph kept = StoreCheck.open(this, namespaces, full);
        if (kept != null)
            LOG.info("Serving the store {} as it is: it holds these sources (sha256 {}), its files, counts{} as the load left them",
                     dir.toAbsolutePath(), fingerprint, full ? ", content and indexes" : "");
        return kept;
    }

    @Override
    public DatasetGraph replace(DatasetGraph loaded, List<Path> sources, Namespaces namespaces) {
        String fingerprint = fingerprint(namespaces.namespace(), sources);
        // Start from an empty database rather than clear a possibly damaged one.
        discard();
        DatasetGraph saved = save(loaded, fingerprint, namespaces.namespace());
        LOG.info("Loaded and validated the sources into the store {} (sha256 {})", dir.toAbsolutePath(), fingerprint);
        return saved;
    }

    /** Deletes the database and its record so that the store can be loaded afresh; the folder and its lock stay. */
    void discard() {
        expel();
        try {
            Files.deleteIfExists(dir.resolve(RECORD));
            Path database = dir.resolve(DATABASE);
            if (Files.exists(database)) {
                try (Stream<Path> walk = Files.walk(database)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList())
                        Files.delete(p);
                }
            }
        } catch (IOException ex) {
            throw new LoadException("The store " + dir.toAbsolutePath() + " is damaged and cannot be cleared for loading again ("
                                    + ex.getMessage() + "): delete the folder, or fix its permissions, and start again", ex);
        }
    }

    /**
     * Drops this process's open handle on the database, and TDB2's lock on it, so that the next open reads the files
     * again. It never connects: connecting to a damaged database (index files removed, node table truncated) took
     * TDB2's process lock and failed half-way, and the load that followed met its own lock ({@code AlreadyLocked}).
     */
    private void expel() {
        Path database = dir.resolve(DATABASE);
        if (!Files.isDirectory(database))
            return;
        Location location = Location.create(database);
        try {
            DatabaseConnection.internalExpel(location, true);
        } catch (RuntimeException notOpen) {
            // A database this process never opened holds nothing to let go of.
        }
        ProcessFileLock lock = DatabaseConnection.lockForLocation(location);
        if (lock != null && lock.isLockedHere())
            lock.unlock();
    }

    /** Opens the database in the store. */
    DatasetGraph open() {
        return DatabaseMgr.connectDatasetGraph(dir.resolve(DATABASE).toString());
    }

    /** Replaces what the store holds with the named graphs of a loaded store and records the fingerprint. */
    DatasetGraph save(DatasetGraph loaded, String fingerprint, String base) {
        try {
            Files.deleteIfExists(dir.resolve(RECORD));
        } catch (IOException ex) {
            throw new LoadException("Cannot write to the store " + dir.toAbsolutePath() + ": " + ex.getMessage(), ex);
        }
        DatasetGraph db = open();
        Txn.executeWrite(db, () -> {
            db.clear();
            Txn.executeRead(loaded, () -> loaded.listGraphNodes().forEachRemaining((Node g) -> {
                Graph target = db.getGraph(g);
                loaded.getGraph(g).find().forEachRemaining(target::add);
            }));
        });
        // One read of everything written: the digest of the quads as they read back, which also counts them.
        String content = StoreIntegrity.contentDigest(db);
        long graphs = Txn.calculateRead(db, () -> Iter.count(db.listGraphNodes()));
        Properties p = new Properties();
        p.setProperty("sources.sha256", fingerprint);
        p.setProperty("base", base);
        p.setProperty("quads", content.substring(0, content.indexOf(':')));
        p.setProperty("graphs", Long.toString(graphs));
        p.setProperty("content", content);
        writeRecord(p);
        return db;
    }

    /** Records the database files as they are now, with the rest of the record, and writes it. */
    void writeRecord(Properties p) {
        Map<String, String> sums = StoreIntegrity.fileSums(dir.resolve(DATABASE));
        p.setProperty("files", String.join("|", sums.keySet()));
        sums.forEach((name, sum) -> p.setProperty("file." + name, sum));
        try (OutputStream out = Files.newOutputStream(dir.resolve(RECORD))) {
            p.store(out, "What this stargate-kg store holds; delete the folder to load afresh");
        } catch (IOException ex) {
            throw new LoadException("Cannot write to the store " + dir.toAbsolutePath() + ": " + ex.getMessage(), ex);
        }
    }

    /** The record as it is, for tests that rewrite it. */
    Properties readRecord() {
        return record();
    }

    /** A SHA-256 over the dataset namespace and, for each folder in order, each regular file's name and bytes, sorted by name. */
    static String fingerprint(String base, List<Path> folders) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
        sha.update(bytes(base));
        for (Path folder : folders) {
            sha.update(bytes("\n#folder " + SourceFiles.fileName(folder)));
            for (Path file : SourceFiles.list(folder, "")) {
                sha.update(bytes("\n#file " + SourceFiles.fileName(file) + "\n"));
                try {
                    sha.update(Files.readAllBytes(file));
                } catch (IOException ex) {
                    throw new LoadException("Cannot read " + SourceFiles.describe(file) + ": " + ex.getMessage(), ex);
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
