package org.stargatekg.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;

/**
 * A TDB2 store on disk that keeps a loaded graph between runs. Next to the database it records what was loaded
 * ({@value #RECORD}: a SHA-256 of the dataset namespace and every source file's name and bytes), so that a later start with
 * the same sources opens the store instead of parsing and validating the files again.
 * <p>
 * TDB2 keeps numbers as values: {@code "80000000000"^^xsd:decimal} comes back as {@code "80000000000.0"}. Queries
 * that compare numbers by value are unaffected; the competency tests, which compare lexical forms, run in memory.
 */
public final class PersistentStore {

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
            List<String> names = entries.map(p -> p.getFileName().toString()).toList();
            if (!names.isEmpty() && !names.contains(RECORD) && !names.contains(DATABASE))
                throw new IllegalArgumentException("folder is neither empty nor a stargate-kg store: " + dir.toAbsolutePath());
        } catch (IOException ex) {
            throw new IllegalArgumentException("cannot list folder " + dir.toAbsolutePath() + ": " + ex.getMessage());
        }
        return new PersistentStore(dir);
    }

    /** The folder of the store. */
    public Path dir() {
        return dir;
    }

    /** Whether the store already holds the load identified by the fingerprint. */
    boolean holds(String fingerprint) {
        Path record = dir.resolve(RECORD);
        if (!Files.isRegularFile(record) || !Files.isDirectory(dir.resolve(DATABASE)))
            return false;
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(record)) {
            p.load(in);
        } catch (IOException ex) {
            return false;
        }
        return fingerprint.equals(p.getProperty("sources.sha256"));
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
        Properties p = new Properties();
        p.setProperty("sources.sha256", fingerprint);
        p.setProperty("base", base);
        try (OutputStream out = Files.newOutputStream(dir.resolve(RECORD))) {
            p.store(out, "What this stargate-kg store holds; delete the folder to load afresh");
        } catch (IOException ex) {
            throw new LoadException("Cannot write to the store " + dir.toAbsolutePath() + ": " + ex.getMessage(), ex);
        }
        return db;
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
