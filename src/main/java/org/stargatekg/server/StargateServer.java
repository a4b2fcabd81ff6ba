package org.stargatekg.server;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.util.Context;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.stargatekg.load.KnowledgeGraph;
import org.stargatekg.remote.RemoteDatasetGraph;
import org.stargatekg.remote.RemoteStore;
import org.stargatekg.vocab.Namespaces;
import org.stargatekg.web.FrontFilter;
import org.stargatekg.web.LinkedDataServlet;
import org.stargatekg.web.Site;

/**
 * The read-only SPARQL server for a loaded {@link KnowledgeGraph}: embedded Fuseki with the query endpoint at
 * {@code /sparql} and Graph Store Protocol reads at {@code /data}, nothing that writes, SERVICE turned off.
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

    private static final Logger LOG = LoggerFactory.getLogger(StargateServer.class);

    private final FusekiServer fuseki;
    private final String host;
    private final String served;

    private StargateServer(FusekiServer fuseki, String host, String served) {
        this.fuseki = fuseki;
        this.host = host;
        this.served = served;
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

    /** Stops the server. */
    public void stop() {
        fuseki.stop();
    }

    /** Blocks until the server stops. */
    public void join() {
        fuseki.join();
    }

    /** The port listened on (the actual one once started, if 0 was asked for). */
    public int port() {
        return fuseki.getHttpPort();
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
        private RemoteStore remote;
        private Namespaces remoteNamespaces;

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

        /** Builds the server without starting it. */
        public StargateServer build() {
            if (graph == null && remote == null)
                throw new IllegalStateException("No knowledge graph to serve");
            DatasetGraph dataset = graph != null ? graph.dataset().asDatasetGraph() : new RemoteDatasetGraph(remote);
            Site site = graph != null ? new Site(graph) : new Site(dataset, remoteNamespaces);
            String served = graph != null
                    ? graph.quadCount() + " quads in " + graph.graphCount() + " graphs (base " + graph.namespaces().base() + ")"
                    : "graphs under <" + remote.graphPrefix() + "> of " + remote.endpoint() + " (base " + remoteNamespaces.base() + ")";
            // The dataset is registered at "/" so its endpoints sit at the root: "/sparql" and "/data".
            DataService service = DataService.newBuilder(dataset)
                    .addEndpoint(Endpoint.create().operation(Operation.Query).endpointName(SPARQL_PATH.substring(1))
                                         .context(queryContext()).build())
                    .addEndpoint(Operation.GSP_R, GSP_PATH.substring(1))
                    .build();
            // Every other path is one of our IRIs (or the home page, graph view, static files): linked-data pages.
            FusekiServer fuseki = FusekiServer.create()
                    .fusekiModules(FusekiModules.empty())
                    .port(port)
                    .add("/", service)
                    .addFilter("/*", new FrontFilter(new LinkedDataServlet(site), Set.of(SPARQL_PATH, GSP_PATH)))
                    .build();
            bindHost(fuseki, host);
            return new StargateServer(fuseki, host, served);
        }

        /** Settings applied to every query: no SERVICE calls out of the server, and the timeout. */
        private Context queryContext() {
            Context context = new Context();
            context.set(ARQ.httpServiceAllowed, false);
            context.set(ARQ.queryTimeout, Long.toString(queryTimeout.toMillis()));
            return context;
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
