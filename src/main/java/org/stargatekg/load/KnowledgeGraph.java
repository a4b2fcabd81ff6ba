package org.stargatekg.load;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.stargatekg.engine.store.FrozenDatasetGraph;
import org.stargatekg.vocab.Namespaces;

/** A loaded and validated dataset (one named graph per source, the union as default graph) with what the load noted on the way. */
public final class KnowledgeGraph {

    /** Where the served graph came from. */
    public enum Origin {
        /** Parsed and validated from the files, held in memory. */
        FILES,
        /** Parsed and validated from the files, then written to a store on disk. */
        FILES_INTO_STORE,
        /** Opened from a store on disk that already held these sources; no file was parsed. */
        STORE
    }

    private final DatasetGraph store;
    private final Origin origin;

    private static final AtomicLong VERSIONS = new AtomicLong();

    private final long version = VERSIONS.incrementAndGet();
    private final Dataset dataset;
    private final Namespaces namespaces;
    private final List<String> notes;
    private final long quads;
    private final int graphs;

    /** Wraps a store that holds only named graphs; it is served through a read-only view with the union as default graph. */
    public KnowledgeGraph(DatasetGraph store, Namespaces namespaces, List<String> notes, Origin origin) {
        this.store = store;
        this.origin = origin;
        this.dataset = DatasetFactory.wrap(new ReadOnlyUnionView(store));
        this.namespaces = namespaces;
        this.notes = List.copyOf(notes);
        long[] counts = new long[2];
        Txn.executeRead(store, () -> {
            counts[0] = store instanceof FrozenDatasetGraph frozen ? frozen.quadCount()
                                                                    : Iter.count(store.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY));
            counts[1] = Iter.count(store.listGraphNodes());
        });
        this.quads = counts[0];
        this.graphs = (int) counts[1];
    }

    /** The dataset to serve: read-only, its default graph the union of the named graphs. */
    public Dataset dataset() {
        return dataset;
    }

    /** The store behind the served view: only named graphs; for the loader, which copies it into a TDB2 store. */
    public DatasetGraph store() {
        return store;
    }

    /** Where the served graph came from. */
    public Origin origin() {
        return origin;
    }

    /** A number that differs between loads in one JVM, so caches keyed by it never mix two graphs. */
    public long version() {
        return version;
    }

    /** The namespaces the data was resolved against. */
    public Namespaces namespaces() {
        return namespaces;
    }

    /** SHACL results below violation level (warnings, infos); empty when the data is clean. */
    public List<String> notes() {
        return notes;
    }

    /** The number of quads in all named graphs. */
    public long quadCount() {
        return quads;
    }

    /** The number of named graphs. */
    public int graphCount() {
        return graphs;
    }

    /** One line saying what was loaded. */
    public String summary() {
        String from = switch (origin) {
            case FILES -> "";
            case FILES_INTO_STORE -> ", loaded into the store";
            case STORE -> ", served from the store without reading the files";
        };
        return quads + " quads in " + graphs + " graphs (namespace " + namespaces.namespace() + from + ")";
    }
}
