package org.stargatekg.backend;

import java.util.concurrent.CompletableFuture;

import org.apache.jena.query.text.TextQuery;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.stargatekg.load.KnowledgeGraph;
import org.stargatekg.ops.Metrics;
import org.stargatekg.search.SearchIndex;
import org.stargatekg.search.TextSearch;
import org.stargatekg.vocab.Namespaces;

/**
 * What the two backends that load the graph here share: a validated {@link KnowledgeGraph} served read-only, so its
 * answers may be cached, and a full-text index built at start on another core while the server counts the dataset.
 */
abstract class LoadedBackend implements Backend {

    private final KnowledgeGraph graph;
    private final CompletableFuture<SearchIndex> index;

    LoadedBackend(KnowledgeGraph graph) {
        this.graph = graph;
        DatasetGraph dsg = dataset();
        this.index = CompletableFuture.supplyAsync(() -> SearchIndex.build(dsg, graph.namespaces()), runnable -> {
            Thread t = new Thread(runnable, "search-index");
            t.setDaemon(true);
            t.start();
        });
    }

    /** The loaded graph. */
    KnowledgeGraph graph() {
        return graph;
    }

    @Override
    public DatasetGraph dataset() {
        return graph.dataset().asDatasetGraph();
    }

    @Override
    public Namespaces namespaces() {
        return graph.namespaces();
    }

    @Override
    public TextSearch search() {
        return index.join();
    }

    @Override
    public void configureQueries(Context context) {
        // jena-text's property function looks for the index in the execution context before the dataset, so the
        // read-only union view is served as it is (no DatasetGraphText wrapper that would accept updates).
        context.set(TextQuery.textIndex, index.join().textIndex());
    }

    @Override
    public boolean cacheable() {
        return true;
    }

    @Override
    public long version() {
        return graph.version();
    }

    /** Ready once loaded (it is, or there would be no backend) and its full-text index is built. */
    @Override
    public Readiness readiness() {
        return index.isDone() ? Readiness.ready("loaded and indexed") : Readiness.notReady("building the full-text index");
    }

    @Override
    public void registerMetrics(Metrics metrics) {
        SearchIndex built = index.join();
        metrics.gauge("search_index_documents", "Literals in the full-text index.", built::documentCount)
               .gauge("search_index_bytes", "Size of the in-memory full-text index.", built::sizeInBytes);
    }
}
