package org.stargatekg.backend;

import org.stargatekg.load.LoadException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * What a store held after its last complete load, and how to tell whether it still does: every database file's
 * size and CRC-32C (read at each start, a few hundred MB a second), the number of quads and graphs (counted at each
 * start), and, for a full check on request, a digest of every quad as it reads back and the agreement of all six quad
 * indexes (each counted and digested by node ids, so an index that lost or garbled an entry shows).
 */
final class StoreIntegrity {

    /** Files TDB2 rewrites on every open: its own process lock. */
    private static final String TDB_LOCK = "tdb.lock";

    private StoreIntegrity() {}

    /** Each file under the database folder (by path relative to it, "/"-separated): "size:crc32c". */
    static Map<String, String> fileSums(Path database) {
        Map<String, String> sums = new TreeMap<>();
        if (!Files.isDirectory(database))
            return sums;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(database)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(TDB_LOCK)).toList();
        } catch (IOException ex) {
            throw new LoadException("Cannot read the store folder " + database.toAbsolutePath() + ": " + ex.getMessage(), ex);
        }
        byte[] buffer = new byte[1 << 16];
        for (Path file : files) {
            CRC32C crc = new CRC32C();
            long size = 0;
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buffer)) > 0;) {
                    crc.update(buffer, 0, n);
                    size += n;
                }
            } catch (IOException ex) {
                throw new LoadException("Cannot read " + file.toAbsolutePath() + ": " + ex.getMessage(), ex);
            }
            sums.put(database.relativize(file).toString().replace('\\', '/'), size + ":" + Long.toHexString(crc.getValue()));
        }
        return sums;
    }

    /** The first difference between recorded and current file sums, or null when they agree. */
    static String compareFiles(Map<String, String> recorded, Map<String, String> current) {
        for (Map.Entry<String, String> e : recorded.entrySet()) {
            String now = current.get(e.getKey());
            if (now == null)
                return "the file " + e.getKey() + " is missing";
            if (!now.equals(e.getValue()))
                return "the file " + e.getKey() + " changed (size:crc " + e.getValue() + " when loaded, " + now + " now)";
        }
        for (String name : current.keySet())
            if (!recorded.containsKey(name))
                return "the file " + name + " was not there when the store was loaded";
        return null;
    }

    /**
     * A digest of every quad as the store gives it back, whatever the order: the sums modulo 2^64 of the first and
     * second eight bytes of each quad's SHA-256 (of its N-Quads form), and the count.
     */
    static String contentDigest(DatasetGraph db) {
        MessageDigest sha = sha256();
        long[] sums = new long[3];
        Txn.executeRead(db, () -> {
            Iterator<Quad> quads = db.find();
            while (quads.hasNext()) {
                Quad q = quads.next();
                String line = NodeFmtLib.strNQ(q);
                byte[] h = sha.digest(line.getBytes(StandardCharsets.UTF_8));
                sums[0] += longAt(h, 0);
                sums[1] += longAt(h, 8);
                sums[2]++;
            }
        });
        return sums[2] + ":" + Long.toHexString(sums[0]) + ":" + Long.toHexString(sums[1]);
    }

    /**
     * Null when every quad index of the database holds the same entries (same count, same digest of node ids in
     * natural order), else which index differs from the first.
     */
    static String compareIndexes(DatasetGraph db) {
        DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(db);
        if (tdb == null)
            return null;
        return Txn.calculateRead(db, () -> {
            List<String> digests = new ArrayList<>();
            TupleIndex[] indexes = tdb.getQuadTable().getNodeTupleTable().getTupleTable().getIndexes();
            for (TupleIndex index : indexes)
                digests.add(indexDigest(index));
            for (int i = 1; i < indexes.length; i++)
                if (!digests.get(i).equals(digests.get(0)))
                    return "the index " + indexes[i].getName() + " (" + digests.get(i) + ") disagrees with "
                           + indexes[0].getName() + " (" + digests.get(0) + ")";
            return null;
        });
    }

    private static String indexDigest(TupleIndex index) {
        long count = 0;
        long sum = 0;
        long mix = 0;
        Iterator<Tuple<NodeId>> it = index.all();
        while (it.hasNext()) {
            Tuple<NodeId> t = it.next();
            long h = 1;
            for (int i = 0; i < t.len(); i++)
                h = h * 1_000_003L + t.get(i).getPtrLocation() * 31 + t.get(i).hashCode();
            sum += h;
            mix += Long.rotateLeft(h * 0x9E3779B97F4A7C15L, 17);
            count++;
        }
        return count + ":" + Long.toHexString(sum) + ":" + Long.toHexString(mix);
    }

    private static long longAt(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++)
            v = (v << 8) | (b[off + i] & 0xFF);
        return v;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
