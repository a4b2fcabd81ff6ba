package org.stargatekg.backend;

import java.time.Duration;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.stargatekg.ops.Metrics;
import org.stargatekg.remote.RemoteDatasetGraph;
import org.stargatekg.remote.RemoteStore;
import org.stargatekg.remote.StoreWatch;
import org.stargatekg.search.StoreSearch;
import org.stargatekg.search.TextSearch;
import org.stargatekg.vocab.Namespaces;

/**
 * An external SPARQL store ({@code --sparql-endpoint}) that the {@code load} command filled: queries and pages go to
 * it, search asks its own full-text index, and nothing is copied here. Its content may change under us (another load),
 * so a {@link StoreWatch} reads the load's version marker every {@link #CHECK_INTERVAL} and the version it gives keys
 * every kept response: a page is never served from before a load for longer than that. The same check says whether
 * the store answers ({@code /$/ready}).
 */
public final class RemoteBackend implements Backend {

    /** How often the store's version marker and readiness are checked, by default. */
    public static final Duration CHECK_INTERVAL = Duration.ofSeconds(2);

    private final RemoteStore store;
    private final Namespaces namespaces;
    private final RemoteDatasetGraph dataset;
    private final StoreSearch search;
    private final StoreWatch watch;
    private boolean prefetch = true;

    /** Serves the graphs of {@code store}, checking it every {@link #CHECK_INTERVAL}; probes the store's search feature. */
    public RemoteBackend(RemoteStore store, Namespaces namespaces) {
        this(store, namespaces, CHECK_INTERVAL);
    }

    /**
     * Serves the graphs of {@code store}, checking its version marker and readiness every {@code checkInterval}; probes
     * its search feature and whether it binds request parameters.
     */
    public RemoteBackend(RemoteStore store, Namespaces namespaces, Duration checkInterval) {
        this.store = store;
        this.namespaces = namespaces;
        this.watch = store.watch(checkInterval);
        if (watch.down() != null) {
            watch.close();
            throw new IllegalStateException(watch.down());
        }
        this.dataset = new RemoteDatasetGraph(store);
        this.search = StoreSearch.over(store, dataset, namespaces);
        store.bindsParameters();
    }

    /**
     * Pages read node by node, as this server did before issue 16 (one query per linked resource): for the
     * benchmark's comparison only.
     */
    public RemoteBackend withoutPrefetch() {
        this.prefetch = false;
        return this;
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

    /** Responses may be kept: the version changes within one check interval of any new load. */
    @Override
    public boolean queriesEvaluatedHere() {
        return false;
    }

    @Override
    public boolean cacheable() {
        return true;
    }

    @Override
    public long version() {
        return watch.version();
    }

    @Override
    public void prefetch(Reads what, Node node) {
        if (!prefetch)
            return;
        switch (what) {
            case RESOURCE_PAGE -> dataset.prefetchResourcePage(node);
            case ARTICLE_PAGE -> dataset.prefetchArticlePage(node);
            case GRAPH_VIEW -> dataset.prefetchGraphView(node);
            case DESCRIPTION -> dataset.prefetchDescription(node);
        }
    }

    @Override
    public void prefetchLabels(List<Node> nodes) {
        if (prefetch)
            dataset.prefetchLabelsAndTypes(nodes);
    }

    @Override
    public Readiness readiness() {
        String down = watch.down();
        return down == null ? Readiness.ready("the store at " + store.endpoint() + " answers") : Readiness.notReady(down);
    }

    @Override
    public String describe() {
        return "graphs under <" + store.graphPrefix() + "> of " + store.endpoint() + " (namespace " + namespaces.namespace() + ")";
    }

    @Override
    public void registerMetrics(Metrics metrics) {
        metrics.gauge("store_requests_total", "Requests sent to the external store since start.", store::queries)
               .gauge("store_request_failures_total", "Requests to the external store that got no answer (refused, timed out, no free connection, 502/503/504).", store::failures)
               .gauge("store_request_refusals_total", "Requests the external store answered with an error of the query's own (400 and the like).", store::refused)
               .gauge("store_request_seconds_total", "Seconds spent waiting for the external store's answers.", () -> store.millis() / 1000)
               .gauge("store_requests_in_flight", "Requests open to the external store now.", store::inFlight)
               .gauge("store_ready", "1 when the last check of the external store got an answer, else 0.", () -> watch.down() == null ? 1 : 0)
               .gauge("store_version_checks_total", "Checks of the external store's load marker since start.", watch::checks)
               .gauge("store_content_version", "Changes whenever the external store's content may have (a new load).", watch::version);
    }

    @Override
    public void close() {
        watch.close();
    }
}
