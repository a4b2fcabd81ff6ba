package org.stargatekg.remote;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.http.HttpEnv;
import org.apache.jena.http.auth.AuthEnv;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.http.GSP;
import org.apache.jena.system.Txn;
import org.stargatekg.load.KnowledgeGraph;

/**
 * Pushes each named graph of a validated {@link KnowledgeGraph} into a store with the SPARQL 1.1 Graph Store
 * Protocol, one PUT per graph: PUT replaces the graph, so pushing the same data twice leaves the store as it was.
 * <pre>{@code
 * new GraphStoreUpload("http://127.0.0.1:8890/sparql-graph-crud-auth").login("dba", password).push(kg, System.out::println);
 * }</pre>
 */
public final class GraphStoreUpload {

    private final String service;
    private HttpClient client = newClient();

    /** An upload to the Graph Store Protocol service at a URL (graphs named by {@code ?graph=}). */
    public GraphStoreUpload(String service) {
        Objects.requireNonNull(service, "service");
        URI uri = URI.create(service);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()))
            throw new IllegalArgumentException("not an http(s) URL: " + service);
        this.service = service;
    }

    /** Registers credentials for the service; Jena answers Basic and Digest challenges with them. */
    public GraphStoreUpload login(String user, String password) {
        AuthEnv.get().registerUsernamePassword(URI.create(service), Objects.requireNonNull(user, "user"),
                                               Objects.requireNonNull(password, "password"));
        return this;
    }

    /**
     * PUTs every named graph, reporting each one done; throws {@link UploadException} at the first the store refuses.
     * Then, and also after a refusal once something changed, replaces the {@link LoadMarker} graph, so that servers
     * reading the store see that its content changed.
     */
    public List<Node> push(KnowledgeGraph kg, Consumer<String> progress) {
        DatasetGraph dsg = kg.dataset().asDatasetGraph();
        List<Node> names = Txn.calculateRead(dsg, () -> Iter.toList(dsg.listGraphNodes()));
        List<Node> done = new ArrayList<>();
        Node marker = NodeFactory.createURI(LoadMarker.graph(kg.namespaces().graphs()));
        try {
            for (Node name : names) {
                Graph graph = Txn.calculateRead(dsg, () -> copy(dsg.getGraph(name)));
                try {
                    put(name, graph);
                } catch (HttpException ex) {
                    throw new UploadException(name, ex);
                }
                done.add(name);
                progress.accept("PUT <" + name.getURI() + ">: " + graph.size() + " triples");
            }
        } finally {
            if (!done.isEmpty())
                mark(marker, progress, done.size() == names.size());
        }
        return done;
    }

    /** Replaces the version marker; after a failed load, tries once and stays quiet, the refusal being the news. */
    private void mark(Node marker, Consumer<String> progress, boolean complete) {
        try {
            put(marker, LoadMarker.fresh(marker));
            if (complete)
                progress.accept("PUT <" + marker.getURI() + ">: version marker");
        } catch (HttpException ex) {
            if (complete)
                throw new UploadException(marker, ex);
        }
    }

    /** How many times one PUT is sent when no answer comes at all. */
    static final int ATTEMPTS = 3;

    /**
     * One PUT over HTTP/1.1, sent again (up to {@value #ATTEMPTS} times in all) if no answer came at all: a store may
     * close a connection after refusing a request (Virtuoso does after a 401) while the client still holds it. Each
     * new try goes out on a new client, so that no pooled connection is reused; PUT is idempotent. A store's answer
     * (any status) is never retried.
     */
    private void put(Node name, Graph graph) {
        for (int attempt = 1; ; attempt++) {
            try {
                put(name, graph, client);
                return;
            } catch (HttpException ex) {
                if (ex.getStatusCode() > 0 || attempt == ATTEMPTS)
                    throw ex;
                client = newClient();
            }
        }
    }

    private void put(Node name, Graph graph, HttpClient http) {
        // No "Connection: close" here: Java's client may still send the answer to Virtuoso's Digest challenge on the
        // connection Virtuoso closed (with the header, a wrong password once got no answer at all in VirtuosoIT).
        GSP.service(service).httpClient(http).graphName(name).contentType(RDFFormat.TURTLE).PUT(graph);
    }

    /** Jena's default client settings (its connect timeout, redirects), but HTTP/1.1 only: no h2c upgrade dance. */
    private static HttpClient newClient() {
        return HttpEnv.httpClientBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    private static Graph copy(Graph g) {
        Graph out = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        g.find().forEachRemaining(out::add);
        return out;
    }

    /** The store refused a graph: names it and gives the store's answer. */
    public static final class UploadException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UploadException(Node graph, HttpException ex) {
            super("The store refused graph <" + graph.getURI() + ">: " + answer(ex), ex);
        }

        private static String answer(HttpException ex) {
            if (ex.getStatusCode() <= 0) // No HTTP answer at all: connection refused, unknown host, timeout.
                return ex.getCause() != null ? ex.getCause().toString() : String.valueOf(ex.getMessage());
            String body = ex.getResponse() != null && !ex.getResponse().isBlank() ? "\n" + ex.getResponse().strip() : "";
            return "HTTP " + ex.getStatusCode() + (ex.getStatusLine() != null ? " " + ex.getStatusLine() : "") + body;
        }
    }
}
