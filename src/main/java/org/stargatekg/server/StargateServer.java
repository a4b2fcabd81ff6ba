package org.stargatekg.server;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stargatekg.backend.Backend;
import org.stargatekg.backend.InMemoryBackend;
import org.stargatekg.describe.DatasetDescriptions;
import org.stargatekg.describe.DatasetStatistics;
import org.stargatekg.describe.DescriptionServlet;
import org.stargatekg.describe.Dumps;
import org.stargatekg.describe.ExtensionFunctions;
import org.stargatekg.load.KnowledgeGraph;
import org.stargatekg.ops.Metrics;
import org.stargatekg.ops.OpsFilter;
import org.stargatekg.ops.ReadinessFilter;
import org.stargatekg.engine.query.HugeMethods;
import org.stargatekg.server.JettyTuning;
import org.stargatekg.engine.query.JsonResultsWriter;
import org.stargatekg.engine.query.QueryAlarms;
import org.stargatekg.engine.query.QueryProcessor;
import org.stargatekg.cache.ResponseCache;
import org.stargatekg.cache.ResponseCacheFilter;
import org.stargatekg.search.LimitedSearch;
import org.stargatekg.search.TextSearch;
import org.stargatekg.vocab.Namespaces;
import org.stargatekg.vocab.Prefixes;
import org.stargatekg.web.WebRoutes;
import org.stargatekg.web.SearchServlet;
import org.stargatekg.web.Site;
import org.stargatekg.guard.BodyLoader;
import org.stargatekg.guard.CutOffAnswers;
import org.stargatekg.guard.Limits;
import org.stargatekg.guard.QueryAdmission;
import org.stargatekg.guard.QueryDepthFilter;
import org.stargatekg.guard.QueryWatch;
import org.stargatekg.guard.RefusedRequests;
import org.stargatekg.guard.TimeoutParameter;
import org.stargatekg.guard.WriteDeadline;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.stargatekg.vocab.AddressMap;
import org.stargatekg.guard.RequestChecks;
import org.stargatekg.guard.RequestGuard;
import org.stargatekg.engine.EnginePatch;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;

/**
 * The read-only SPARQL server for a {@link Backend}: embedded Fuseki with the query endpoint at
 * {@code /sparql} and Graph Store Protocol reads at {@code /data}, nothing that writes, SERVICE turned off, every
 * response with the security headers, requests capped in size, and a stop that lets requests in flight finish.
 * <pre>{@code
 * KnowledgeGraph kg = KnowledgeGraphLoader.shipped(Namespaces.standard()).load();
 * StargateServer server = StargateServer.create().port(3030).backend(new InMemoryBackend(kg)).build().start();
 * // ... GET http://localhost:3030/sparql?query=...
 * server.stop();
 * }</pre>
 */
public final class StargateServer {

    /** Path of the SPARQL query endpoint. */
    public static final String SPARQL_PATH = "/sparql";

    /** Path of the Graph Store Protocol (read) endpoint. */
    public static final String GSP_PATH = "/data";

    /** The largest request line plus headers accepted; a longer URL gets 414, longer headers 431. */
    public static final int MAX_HEADER_BYTES = 64 * 1024;

    /** The largest request body accepted (a query by POST, a form); a larger one gets 413. */
    public static final long MAX_BODY_BYTES = 1024 * 1024;

    /** The longest a search of the search page may take (or the query timeout, if shorter). */
    public static final Duration SEARCH_TIME_LIMIT = Duration.ofSeconds(10);

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
    private final Backend backend;

    private StargateServer(FusekiServer fuseki, String host, String served, ResponseCache cache, Backend backend) {
        this.fuseki = fuseki;
        this.host = host;
        this.served = served;
        this.cache = cache;
        this.backend = backend;
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

    /** Stops the server, letting requests in flight finish (up to the stop timeout) and cancelling any query still running after. */
    public void stop() {
        try {
            fuseki.stop();
        } catch (RuntimeException ex) {
            // Jetty reports requests that outlived the stop timeout once it has stopped; their queries were cancelled.
            if (!(rootCause(ex) instanceof java.util.concurrent.TimeoutException))
                throw ex;
            LOG.warn("Stopped; requests still in flight after the stop timeout were cut off");
        } finally {
            backend.close();
        }
    }

    private static Throwable rootCause(Throwable ex) {
        Throwable cause = ex;
        while (cause.getCause() != null && cause.getCause() != cause)
            cause = cause.getCause();
        return cause;
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
        private Backend backend;
        private Duration stopTimeout = STOP_TIMEOUT;
        private boolean responseCache = true;
        private String publicBase;
        private Limits limits = Limits.DEFAULT;

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

        /**
         * Where people reach the server, an http(s) URL ending in "/" (behind a proxy, its public address); default
         * {@code http://localhost:PORT/}. It only places the endpoint and dumps in the self-description: IRIs never
         * depend on it.
         */
        public Builder publicBase(String url) {
            this.publicBase = url == null ? null : Namespaces.check(url, "base URL");
            return this;
        }

        /** Where the graph to serve lives: in memory, a TDB2 store or an external store. */
        public Builder backend(Backend backend) {
            this.backend = Objects.requireNonNull(backend, "backend");
            return this;
        }

        /** A graph loaded here, served from memory: a shorthand for {@code backend(new InMemoryBackend(graph))}. */
        public Builder graph(KnowledgeGraph graph) {
            return backend(new InMemoryBackend(Objects.requireNonNull(graph, "graph")));
        }

        /**
         * Whether whole responses are cached where the backend allows it; default true. Off, every request is answered
         * afresh, as the benchmark's "response cache off" row measures.
         */
        public Builder responseCache(boolean on) {
            this.responseCache = on;
            return this;
        }

        /** How much of the server one request may take; default {@link Limits#DEFAULT}. */
        public Builder limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Builds the server without starting it: indexes the text, counts the dataset, wires the routes. */
        public StargateServer build() {
            if (backend == null)
                throw new IllegalStateException("No backend to serve");
            DatasetGraph dsg = backend.dataset();
            Namespaces ns = backend.namespaces();
            AtomicReference<FusekiServer> bound = new AtomicReference<>();
            String fixedBase = publicBase;
            AddressMap addresses = new AddressMap(ns, () -> fixedBase != null ? fixedBase
                    : "http://localhost:" + bound.get().getHttpPort() + "/");
            Site site = new Site(backend, addresses);
            DatasetStatistics stats = DatasetStatistics.of(dsg);
            // Process-wide settings for the query path (idempotent): JSON results without a 128 KB buffer per
            // response, and query timeout alarms that leave Jena's one alarm queue when their query ends.
            if (EnginePatch.JSON_RESULTS_WRITER.patched())
                JsonResultsWriter.install();
            if (EnginePatch.QUERY_ALARMS.patched())
                QueryAlarms.removeOnCancel();
            if (!EnginePatch.leftOut().isEmpty())
                LOG.info("Engine patches left out ({}), stock Jena instead: {}", EnginePatch.PROPERTY, EnginePatch.leftOut());
            HugeMethods.adviseOnce();
            // The page's search gets the query timeout too, up to 10 s, besides its complexity limit.
            TextSearch search = new LimitedSearch(backend.search(),
                                                  queryTimeout.compareTo(SEARCH_TIME_LIMIT) < 0 ? queryTimeout : SEARCH_TIME_LIMIT);
            LOG.info("Search page answered by {}", search.describe());
            LOG.info("Dataset: {} triples in the union, {} quads", stats.union().triples(), stats.quads());
            QueryWatch watch = new QueryWatch();
            Metrics metrics = new Metrics()
                    .gauge("dataset_quads", "Quads in the named graphs.", stats::quads)
                    .gauge("dataset_union_triples", "Triples in the default (union) graph.", () -> stats.union().triples());
            backend.registerMetrics(metrics);
            PrefixMapping prefixes = Prefixes.of(ns);
            ExtensionFunctions functions = backend.queriesEvaluatedHere() ? ExtensionFunctions.ofJena() : ExtensionFunctions.none();
            Dumps dumps = new Dumps(dsg, prefixes, backend::version, backend.queriesEvaluatedHere());
            DescriptionServlet description = new DescriptionServlet(DatasetDescriptions.of(addresses, dsg, stats, prefixes, functions), dumps);
            WebRoutes pages = new WebRoutes(site, dumps, functions);
            boolean cached = backend.cacheable() && responseCache;
            ResponseCache cache = new ResponseCache(CACHE_BYTES, CACHE_ENTRY_BYTES);
            // The request pipeline, in order: ops (CORS, ping, metrics, access log), readiness (/$/ready), request checks,
            // answers for an external store that is away (503 naming it), the response cache
            // (where the backend allows it, keyed by its content version), then Fuseki for /sparql and /data, and our servlets
            // for every other path (see WebRoutes). Fuseki's own CORS filter stays off: OpsFilter answers CORS for every path alike.
            QueryAdmission admission = new QueryAdmission(limits, List.of(SPARQL_PATH, GSP_PATH, "/search", "/dump/"));
            metrics.gauge("queries_running", "Queries being evaluated.", admission::running)
                   .gauge("queries_waiting", "Queries waiting for a place.", admission::waiting)
                   .gauge("queries_refused", "Queries answered 503 because the server was busy, since the start.", admission::refused);
            FusekiServer.Builder builder = FusekiServer.create()
                    .fusekiModules(FusekiModules.empty())
                    .enableCors(false, null)
                    .port(port)
                    .numServerThreads(8, limits.maxThreads())
                    .add(SPARQL_PATH, DataService.newBuilder(dsg)
                            .addEndpoint(Endpoint.create().operation(Operation.Query).endpointName("")
                                                 .processor(EnginePatch.QUERY_PROCESSOR.patched() ? new QueryProcessor() : new SPARQL_QueryDataset()).context(queryContext(watch)).build())
                            .build())
                    .add(GSP_PATH, DataService.newBuilder(dsg).addEndpoint(Operation.GSP_R, "").build())
                    .addFilter("/*", new OpsFilter(metrics))
                    .addFilter(ReadinessFilter.READY_PATH, new ReadinessFilter(() -> notReady(backend)))
                    .addFilter("/*", new RefusedRequests())
                    .addFilter("/*", new RequestChecks())
                    .addFilter("/*", new StoreOutageFilter());
            if (cached)
                builder.addFilter("/*", new ResponseCacheFilter(cache, backend::version, SPARQL_PATH));
            // Behind the cache, so that cached answers never wait for a place.
            builder.addFilter(SPARQL_PATH, new QueryDepthFilter(limits.maxQueryDepth()))
                   .addFilter("/*", admission)
                   .addFilter(SPARQL_PATH, new CutOffAnswers(watch, limits.heldAnswerBytes()))
                   .addFilter("/*", new TimeoutParameter())
                   .addFilter(SPARQL_PATH, new SparqlLanding(pages, description))
                   .addFilter(SPARQL_PATH, new FusekiLengths())
                   .addFilter(GSP_PATH, new FusekiLengths())
                   .addFilter(GSP_PATH, (request, response, chain) -> chain.doFilter(
                           new org.stargatekg.http.RestatedAccept((jakarta.servlet.http.HttpServletRequest) request,
                                                                   org.stargatekg.http.QueryAccept.RDF), response))
                   .addServlet(SPARQL_PATH, new FusekiFallback())
                   .addServlet(GSP_PATH, new FusekiFallback())
                   .addServlet("/search", new SearchServlet(search, site))
                   .addServlet(DatasetDescriptions.VOID_PATH, description)
                   .addServlet("/dump/*", description);
            // Each page path has its own servlet; the resource servlet at /* answers every IRI we mint.
            pages.servlets().forEach(builder::addServlet);
            FusekiServer fuseki = builder.build();
            bound.set(fuseki);
            metrics.bindTo(fuseki.getJettyServer());
            bindHost(fuseki, host);
            guard(fuseki.getJettyServer(), stopTimeout, limits, watch);
            JettyTuning.smallOutputBuffer(fuseki.getJettyServer());
            return new StargateServer(fuseki, host, backend.describe(), cached ? cache : null, backend);
        }

        /** Why the backend cannot answer now, or null when it can. */
        private static String notReady(Backend backend) {
            var readiness = backend.readiness();
            return readiness.ready() ? null : readiness.message();
        }

        /** Settings applied to every query: see {@link QuerySettings}. */
        private Context queryContext(QueryWatch watch) {
            return QuerySettings.context(queryTimeout, backend, watch,
                                         new org.stargatekg.engine.query.QueryBudget(limits.maxStringLength(), limits.maxHeldRows()));
        }

        /**
         * Wraps Fuseki's handlers in the request guard (security headers, no path climbing), a body size limit and a
         * graceful stop; caps the request line and headers; and lets requests in flight finish when the server stops
         * (Main stops it when the JVM is asked to end, on SIGTERM).
         */
        private static void guard(Server jetty, Duration stopTimeout, Limits limits, QueryWatch watch) {
            SizeLimitHandler limit = new SizeLimitHandler(MAX_BODY_BYTES, -1);
            // Bodies are read in full without a thread, and answers must be read at a minimum rate.
            limit.setHandler(new BodyLoader(new WriteDeadline(new GracefulHandler(jetty.getHandler()), limits.responseGrace(),
                                                              limits.minResponseRate()),
                                            MAX_BODY_BYTES, limits.bodyTimeout()));
            jetty.setHandler(new RequestGuard(limit));
            jetty.setErrorHandler(new RequestGuard.SecureErrors());
            jetty.setStopTimeout(stopTimeout.toMillis());
            // Stopped before the thread pool (beans stop in reverse order) and after requests in flight had their
            // chance to finish: whatever query still runs is cancelled, so no thread outlives the server.
            jetty.addBean(new AbstractLifeCycle() {
                @Override
                protected void doStop() {
                    watch.cancelAll();
                }
            });
            for (Connector c : jetty.getConnectors()) {
                HttpConnectionFactory http = c.getConnectionFactory(HttpConnectionFactory.class);
                if (http != null)
                    http.getHttpConfiguration().setRequestHeaderSize(MAX_HEADER_BYTES);
                if (c instanceof ServerConnector connector)
                    connector.setIdleTimeout(limits.idleTimeout().toMillis());
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
