package org.stargatekg.describe;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;

/**
 * The whole dataset as downloadable files at stable paths: TriG, N-Quads and JSON-LD hold the named graphs, Turtle the
 * union (the default graph). Each file is written on first request and kept while the served content's version stays
 * the same: through an external store a new load (or an outage) changes it, and the files are written again.
 * Pages show each file's size; through an external store, only once the file has been written (a page never makes the
 * server read the whole store).
 */
public final class Dumps {

    /** One dump file: its path on the server, media type, title, and whether it holds the union rather than the graphs. */
    public record Dump(String path, String mediaType, String title, RDFFormat format, boolean union) {}

    /** The dumps, as VoID lists them. */
    public static final List<Dump> ALL = List.of(
            new Dump("/dump/stargate-kg.trig", "application/trig", "All named graphs as TriG", RDFFormat.TRIG_BLOCKS, false),
            new Dump("/dump/stargate-kg.nq", "application/n-quads", "All named graphs as N-Quads", RDFFormat.NQUADS, false),
            new Dump("/dump/stargate-kg.ttl", "text/turtle", "The union of the named graphs as Turtle", RDFFormat.TURTLE_BLOCKS, true),
            new Dump("/dump/stargate-kg.jsonld", "application/ld+json", "All named graphs as JSON-LD", RDFFormat.JSONLD11, false));

    private final DatasetGraph served;
    private final PrefixMapping prefixes;
    private final LongSupplier version;
    private final boolean local;
    private volatile Written written = new Written(Long.MIN_VALUE, new ConcurrentHashMap<>());

    /** The files written for one version of the content. */
    private record Written(long version, Map<String, byte[]> files) {}

    /** Dumps of a served dataset whose default graph is the union of its named graphs, content that never changes. */
    public Dumps(DatasetGraph served, PrefixMapping prefixes) {
        this(served, prefixes, () -> 0L, true);
    }

    /**
     * Dumps of a served dataset whose content changes whenever {@code version} does (the backend's version);
     * {@code local} when the content is held here, so that writing a file to learn its size is cheap.
     */
    public Dumps(DatasetGraph served, PrefixMapping prefixes, LongSupplier version, boolean local) {
        this.served = served;
        this.prefixes = prefixes;
        this.version = version;
        this.local = local;
    }

    /** The size of a dump in bytes: written first where the content is held here, else only if already written. */
    public OptionalLong size(Dump dump) {
        if (local)
            return OptionalLong.of(bytes(dump).length);
        Written w = written;
        byte[] file = w.version() == version.getAsLong() ? w.files().get(dump.path()) : null;
        return file == null ? OptionalLong.empty() : OptionalLong.of(file.length);
    }

    /** The dump at a path, if there is one. */
    public static Optional<Dump> byPath(String path) {
        return ALL.stream().filter(d -> d.path().equals(path)).findFirst();
    }

    /** The bytes of a dump, written on first use for the content's present version. */
    public byte[] bytes(Dump dump) {
        long now = version.getAsLong();
        Written w = written;
        if (w.version() != now) {
            w = new Written(now, new ConcurrentHashMap<>());
            written = w;
        }
        return w.files().computeIfAbsent(dump.path(), p -> write(dump));
    }

    private byte[] write(Dump dump) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Txn.executeRead(served, () -> {
            if (dump.union()) {
                var graph = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
                graph.getPrefixMapping().setNsPrefixes(prefixes);
                served.getDefaultGraph().find().forEachRemaining(graph::add);
                RDFDataMgr.write(out, graph, dump.format());
            } else {
                // A copy with only the named graphs: writing the served view would add its union default graph.
                DatasetGraph named = DatasetGraphFactory.createGeneral();
                named.prefixes().putAll(prefixes);
                served.listGraphNodes().forEachRemaining((Node g) -> named.addGraph(g, served.getGraph(g)));
                RDFDataMgr.write(out, named, dump.format());
            }
        });
        return out.toByteArray();
    }
}
