package org.stargatekg.server;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.stargatekg.describe.DatasetDescriptions;
import org.stargatekg.describe.DatasetStatistics;
import org.stargatekg.describe.DescriptionServlet;
import org.stargatekg.describe.Dumps;
import org.stargatekg.describe.ExtensionFunctions;
import org.stargatekg.ops.Metrics;
import org.stargatekg.ops.OpsFilter;
import org.stargatekg.search.SearchIndex;
import org.stargatekg.search.StoreSearch;
import org.stargatekg.search.TextSearch;
import org.stargatekg.vocab.Namespaces;
import org.stargatekg.web.Prefixes;
import org.stargatekg.web.SearchServlet;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.util.Context;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.stargatekg.load.KnowledgeGraph;
import org.stargatekg.perf.JettyTuning;
import org.stargatekg.perf.ResponseCache;
import org.stargatekg.perf.ResponseCacheFilter;
import org.stargatekg.remote.RemoteDatasetGraph;
import org.stargatekg.remote.RemoteStore;
import org.stargatekg.vocab.Namespaces;
import org.stargatekg.web.FrontFilter;
import org.stargatekg.web.LinkedDataServlet;
import org.stargatekg.web.Site;

/**
 * The read-only SPARQL server for a loaded {@link KnowledgeGraph}: embedded Fuseki with the query endpoint at
 * {@code /sparql} and Graph Store Protocol reads at {@code /data}, nothing that writes, SERVICE turned off, every
 * response with the security headers, requests capped in size, and a stop that lets requests in flight finish.
 * <pre>{@code
 * KnowledgeGraph kg = KnowledgeGraphLoader.shipped(new Namespaces("http://localhost:3030/")).load();
 * StargateServer server = StargateServer.create().port(3030).graph(kg).build().start();
 * // ... GET http://localhost:3030/sparql?query=...
 * server.stop();
 * }</pre>
 */
public final class StargateServer {

    /** Path of the SPARQL query endpoint. */
    public static final String SPARQL_PATH = "/sparql";

    /** Path of the Graph Store Protocol (read) endpoint. */
    public static final String GSP_PATH = "/data";

    /** Resources named as examples in the VoID description, when the data holds them. */
    private static final List<String> EXAMPLES = List.of("stargate", "elon-musk", "sam-altman", "altman-supervillain-warning");
    /** The largest request line plus headers accepted; a longer URL gets 414, longer headers 431. */
    public static final int MAX_HEADER_BYTES = 64 * 1024;

    /** The largest request body accepted (a query by POST, a form); a larger one gets 413. */
    public static final long MAX_BODY_BYTES = 1024 * 1024;

    /** How long a stop waits, by default, for requests in flight to finish. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    /** Most bytes of responses kept in the cache, and the largest single response kept. */
    static final long CACHE_BYTES = 64L << 20;
    static final int CACHE_ENTRY_BYTES = 2 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(StargateServer.class);

    private final FusekiServer fuseki;
    private final String host;
    private final String served;
    private final ResponseCache cache;

    private StargateServer(FusekiServer fuseki, String host, String served, ResponseCache cache) {
        this.fuseki = fuseki;
        this.host = host;
        this.served = served;
        this.cache = cache;
    }

    /** Starts describing a server. */
    public static Builder create() {
        return new Builder();
    }

    /** Starts listening, logs where, and returns this server. */
    public StargateServer start() {
        fuseki.start();
        LOG.info("Stargate KG listening on {} — {}", sparqlUrl(), served);
        return this;
    }

    /** Stops the server, letting requests in flight finish (up to the stop timeout). */
    public void stop() {
        fuseki.stop();
    }

    /** Stops this server when the JVM shuts down (SIGTERM, Ctrl-C), so that requests in flight can finish. */
    public StargateServer stopOnShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Shutting down: finishing requests in flight");
            stop();
            LOG.info("Stopped");
        }, "stargate-kg-shutdown"));
        return this;
    }

    /** Blocks until the server stops. */
    public void join() {
        fuseki.join();
    }

    /** The port listened on (the actual one once started, if 0 was asked for). */
    public int port() {
        return fuseki.getHttpPort();
    }

    /** The cache of whole responses in front of the endpoint and pages; null when there is none (an external store, or switched off). */
    public ResponseCache responseCache() {
        return cache;
    }

    /** The URL of the SPARQL endpoint on the bound host. */
    public String sparqlUrl() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port() + SPARQL_PATH;
    }

    /** Collects the configuration of a {@link StargateServer}; each setter checks its argument and returns this builder. */
    public static final class Builder {

        private String host = "127.0.0.1";
        private int port = 3030;
        private Duration queryTimeout = Duration.ofSeconds(30);
        private KnowledgeGraph graph;
        private Duration stopTimeout = STOP_TIMEOUT;
        private RemoteStore remote;
        private Namespaces remoteNamespaces;
        private boolean responseCache = true;

        private Builder() {}

        /** The interface to bind; default 127.0.0.1, loopback only. */
        public Builder host(String host) {
            Objects.requireNonNull(host, "host");
            if (host.isBlank())
                throw new IllegalArgumentException("host is blank");
            this.host = host;
            return this;
        }

        /** The HTTP port, 0 for any free one; default 3030. */
        public Builder port(int port) {
            if (port < 0 || port > 65535)
                throw new IllegalArgumentException("port out of range: " + port);
            this.port = port;
            return this;
        }

        /** The longest a query may run before it is cancelled; default 30 seconds. */
        public Builder queryTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero())
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            this.queryTimeout = timeout;
            return this;
        }

        /** How long stopping waits for requests in flight to finish; default 10 seconds. */
        public Builder stopTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative())
                throw new IllegalArgumentException("stop timeout must not be negative: " + timeout);
            this.stopTimeout = timeout;
            return this;
        }

        /** The loaded graph to serve; its namespaces give the base URL. */
        public Builder graph(KnowledgeGraph graph) {
            this.graph = Objects.requireNonNull(graph, "graph");
            this.remote = null;
            return this;
        }

        /** An external store to serve instead of a loaded graph; its data must have been loaded with these namespaces. */
        public Builder remote(RemoteStore store, Namespaces namespaces) {
            this.remote = Objects.requireNonNull(store, "store");
            this.remoteNamespaces = Objects.requireNonNull(namespaces, "namespaces");
            this.graph = null;
            return this;
        }

        /**
         * Whether whole responses of a loaded graph are cached; default true. Off, every request is answered afresh,
         * as the benchmark's "response cache off" row measures. (Through an external store there is no such cache.)
         */
        public Builder responseCache(boolean on) {
            this.responseCache = on;
            return this;
        }

        /** Builds the server without starting it: indexes the text, counts the dataset, wires the routes. */
        public StargateServer build() {
            if (graph == null && remote == null)
                throw new IllegalStateException("No knowledge graph to serve");
            DatasetGraph dsg = graph != null ? graph.dataset().asDatasetGraph() : new RemoteDatasetGraph(remote);
            Namespaces ns = graph != null ? graph.namespaces() : remoteNamespaces;
            Site site = graph != null ? new Site(graph) : new Site(dsg, ns);
            String served = graph != null
                    ? graph.quadCount() + " quads in " + graph.graphCount() + " graphs (base " + ns.base() + ")"
                    : "graphs under <" + remote.graphPrefix() + "> of " + remote.endpoint() + " (base " + ns.base() + ")";
            // Our own graph gets a full-text index, built on the other core while the dataset is counted. Through an
            // external store, /search asks the store (its own full-text index where it has one) and nothing is copied
            // out of it at start.
            CompletableFuture<SearchIndex> indexing = graph == null ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.supplyAsync(() -> SearchIndex.build(dsg, ns), runnable -> {
                        Thread t = new Thread(runnable, "search-index");
                        t.setDaemon(true);
                        t.start();
                    });
            DatasetStatistics stats = DatasetStatistics.of(dsg);
            SearchIndex index = indexing.join();
            TextSearch search = index != null ? index : StoreSearch.over(remote, dsg, ns);
            LOG.info("Search page answered by {}", search.describe());
            if (index != null)
                LOG.info("Search index: {} literals, {} bytes", index.documentCount(), index.sizeInBytes());
            LOG.info("Dataset: {} triples in the union, {} quads", stats.union().triples(), stats.quads());
            // The dataset is registered at "/" so its endpoints sit at the root: "/sparql" and "/data".
            DataService service = DataService.newBuilder(dsg)
                    .addEndpoint(Endpoint.create().operation(Operation.Query).endpointName(SPARQL_PATH.substring(1))
                                         .context(queryContext(index)).build())
                    .addEndpoint(Operation.GSP_R, GSP_PATH.substring(1))
                    .build();
            Metrics metrics = new Metrics()
                    .gauge("dataset_quads", "Quads in the named graphs.", stats::quads)
                    .gauge("dataset_union_triples", "Triples in the default (union) graph.", () -> stats.union().triples());
            if (index != null)
                metrics.gauge("search_index_documents", "Literals in the full-text index.", index::documentCount)
                       .gauge("search_index_bytes", "Size of the in-memory full-text index.", index::sizeInBytes);
            PrefixMapping prefixes = Prefixes.of(ns);
            ExtensionFunctions functions = graph != null ? ExtensionFunctions.ofJena() : ExtensionFunctions.none();
            DatasetDescriptions descriptions = new DatasetDescriptions(ns, stats, articles(dsg, ns), examples(dsg, ns), prefixes, functions);
            Dumps dumps = new Dumps(dsg, prefixes);
            FrontFilter front = new FrontFilter(new LinkedDataServlet(site, dumps, functions), new SearchServlet(search),
                                                new DescriptionServlet(descriptions, dumps),
                                                Set.of(SPARQL_PATH, GSP_PATH));
            // The graph is read-only while served, so a whole response can be kept and replayed.
            ResponseCache cache = new ResponseCache(CACHE_BYTES, CACHE_ENTRY_BYTES);
            // Every other path is one of our IRIs (or the home page, graph view, static files): linked-data pages.
            // CORS is answered by OpsFilter for every path alike, so Fuseki's own CORS filter stays off.
            FusekiServer.Builder builder = FusekiServer.create()
                    .fusekiModules(FusekiModules.empty())
                    .enableCors(false, null)
                    .port(port)
                    .add("/", service)
                    .addFilter("/*", new OpsFilter(metrics));
            // An external store may change under us, so whole responses are kept only for our own read-only graph.
            boolean cached = graph != null && responseCache;
            if (cached)
                builder.addFilter("/*", new ResponseCacheFilter(cache, graph::version, SPARQL_PATH));
            FusekiServer fuseki = builder.addFilter("/*", front).build();
            bindHost(fuseki, host);
            guard(fuseki.getJettyServer(), stopTimeout);
            metrics.bindTo(fuseki.getJettyServer());
            JettyTuning.smallOutputBuffer(fuseki.getJettyServer());
            return new StargateServer(fuseki, host, served, cached ? cache : null);
        }

        /** Settings applied to every query: no SERVICE calls out of the server, the timeout, and the text index for text:query (our own graph only). */
        private Context queryContext(SearchIndex index) {
            Context context = new Context();
            context.set(ARQ.httpServiceAllowed, false);
            context.set(ARQ.queryTimeout, Long.toString(queryTimeout.toMillis()));
            // jena-text's property function looks for the index in the execution context before the dataset, so the
            // read-only union view is served as it is (no DatasetGraphText wrapper that would accept updates).
            if (index != null)
                context.set(TextQuery.textIndex, index.textIndex());
            return context;
        }

        /** The articles the data is drawn from: every sg:NewsArticle. */
        private static List<Node> articles(DatasetGraph dsg, Namespaces ns) {
            Node newsArticle = NodeFactory.createURI(ns.ontology() + "NewsArticle");
            return Txn.calculateRead(dsg, () -> Iter.toList(dsg.getDefaultGraph().find(Node.ANY, RDF.type.asNode(), newsArticle))
                    .stream().map(Triple::getSubject).filter(Node::isURI).distinct().toList());
        }

        /** A few well-known resources, those of them that are in the data. */
        private static List<String> examples(DatasetGraph dsg, Namespaces ns) {
            return Txn.calculateRead(dsg, () -> EXAMPLES.stream().map(ns.instances()::concat)
                    .filter(iri -> dsg.getDefaultGraph().contains(NodeFactory.createURI(iri), Node.ANY, Node.ANY)).toList());
        }

        /**
         * Wraps Fuseki's handlers in the request guard (security headers, no path climbing), a body size limit and a
         * graceful stop; caps the request line and headers; and lets requests in flight finish when the server stops
         * (Main stops it when the JVM is asked to end, on SIGTERM).
         */
        private static void guard(Server jetty, Duration stopTimeout) {
            SizeLimitHandler limit = new SizeLimitHandler(MAX_BODY_BYTES, -1);
            limit.setHandler(new GracefulHandler(jetty.getHandler()));
            jetty.setHandler(new RequestGuard(limit));
            jetty.setErrorHandler(new RequestGuard.SecureErrors());
            jetty.setStopTimeout(stopTimeout.toMillis());
            for (Connector c : jetty.getConnectors()) {
                HttpConnectionFactory http = c.getConnectionFactory(HttpConnectionFactory.class);
                if (http != null)
                    http.getHttpConfiguration().setRequestHeaderSize(MAX_HEADER_BYTES);
            }
        }

        /** Restricts the connectors to one interface, as Fuseki's own loopback setting does for "localhost". */
        private static void bindHost(FusekiServer fuseki, String host) {
            for (Connector c : fuseki.getJettyServer().getConnectors()) {
                if (c instanceof ServerConnector connector)
                    connector.setHost(host);
            }
        }
    }
}
