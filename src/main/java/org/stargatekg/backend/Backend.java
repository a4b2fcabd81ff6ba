package org.stargatekg.backend;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.stargatekg.ops.Metrics;
import org.stargatekg.search.TextSearch;
import org.stargatekg.vocab.Namespaces;

/**
 * What the server, its servlets and pages need from the store that holds the graph, whichever it is: the dataset to
 * query, its namespaces, full-text search, and whether answers may be kept. The command line picks one implementation
 * ({@link InMemoryBackend}, {@link Tdb2Backend}, {@link RemoteBackend}); nothing downstream asks which.
 */
public interface Backend extends AutoCloseable {

    /** The dataset queries and pages read: the named graphs, with their union as the default graph; read-only. */
    DatasetGraph dataset();

    /** The dataset namespace the data's IRIs sit under. */
    Namespaces namespaces();

    /** Full-text search over what this backend holds. */
    TextSearch search();

    /** Adds this backend's settings to the context of every SPARQL query (e.g. the index behind {@code text:query}). */
    void configureQueries(Context context);

    /** Whether whole responses may be kept and replayed: true where the content cannot change while it is served. */
    boolean cacheable();

    /** A number that changes whenever the served content does, so that kept responses of two contents never mix. */
    long version();

    /**
     * Fetches at once, into the read transaction open on this thread, what a page of this kind will read around a
     * node; the default does nothing (a graph held here answers each read as fast as a fetch would).
     */
    default void prefetch(Reads what, Node node) {}

    /** Fetches at once, into the open read transaction, the labels and classes of some nodes (the menu's articles); the default does nothing. */
    default void prefetchLabels(List<Node> nodes) {}

    /** Whether requests can be answered now ({@code /$/ready}); the default: ready. */
    default Readiness readiness() {
        return Readiness.ready("ready");
    }

    /** One line for the log saying what is served and from where. */
    String describe();

    /**
     * Whether SPARQL is evaluated here, by Jena with its extension functions (true), or by the store it is sent to,
     * which offers its own (an external store).
     */
    default boolean queriesEvaluatedHere() {
        return true;
    }

    /** Registers this backend's own gauges (index sizes and the like). */
    default void registerMetrics(Metrics metrics) {}

    /** Releases what the backend holds open (a store's lock, connections); the default holds nothing. */
    @Override
    default void close() {}
}
