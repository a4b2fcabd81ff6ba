package org.stargatekg.backend;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.stargatekg.remote.RemoteDatasetGraph;
import org.stargatekg.remote.RemoteStore;
import org.stargatekg.search.StoreSearch;
import org.stargatekg.search.TextSearch;
import org.stargatekg.vocab.Namespaces;

/**
 * An external SPARQL store ({@code --sparql-endpoint}) that the {@code load} command filled: queries and pages go to
 * it, search asks its own full-text index, and nothing is copied here. Its content may change under us (another load),
 * so its answers are not kept.
 */
public final class RemoteBackend implements Backend {

    private static final AtomicLong VERSIONS = new AtomicLong();

    private final RemoteStore store;
    private final Namespaces namespaces;
    private final RemoteDatasetGraph dataset;
    private final StoreSearch search;
    private final long version = VERSIONS.incrementAndGet();

    /** Serves the graphs of {@code store}, whose data sits under {@code namespaces}; probes the store's search feature. */
    public RemoteBackend(RemoteStore store, Namespaces namespaces) {
        this.store = store;
        this.namespaces = namespaces;
        this.dataset = new RemoteDatasetGraph(store);
        this.search = StoreSearch.over(store, dataset, namespaces);
    }

    /** The store served. */
    public RemoteStore store() {
        return store;
    }

    @Override
    public DatasetGraph dataset() {
        return dataset;
    }

    @Override
    public Namespaces namespaces() {
        return namespaces;
    }

    @Override
    public TextSearch search() {
        return search;
    }

    @Override
    public void configureQueries(Context context) {
        // A text:query goes to the store as written; nothing to add here.
    }

    @Override
    public boolean queriesEvaluatedHere() {
        return false;
    }

    @Override
    public boolean cacheable() {
        return false;
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public String describe() {
        return "graphs under <" + store.graphPrefix() + "> of " + store.endpoint() + " (namespace " + namespaces.namespace() + ")";
    }
}
