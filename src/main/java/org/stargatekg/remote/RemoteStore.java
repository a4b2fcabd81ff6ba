package org.stargatekg.remote;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import org.apache.jena.graph.Node;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.http.auth.AuthEnv;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;
import org.apache.jena.sparql.util.FmtUtils;

/**
 * An external SPARQL 1.1 query endpoint and the part of it we read: the named graphs whose IRI starts with a given
 * prefix (our {@code BASE graph/} by default), so that a store's own system graphs never show up in our pages.
 * <pre>{@code
 * RemoteStore store = RemoteStore.at("http://127.0.0.1:8890/sparql", "https://w3id.org/stargate-kg/graph/");
 * DatasetGraph dsg = new RemoteDatasetGraph(store);
 * }</pre>
 */
public final class RemoteStore {

    private final String endpoint;
    private final String graphPrefix;

    private RemoteStore(String endpoint, String graphPrefix) {
        this.endpoint = endpoint;
        this.graphPrefix = graphPrefix;
    }

    /** The endpoint at a URL, reading the named graphs whose IRI starts with {@code graphPrefix}. */
    public static RemoteStore at(String endpoint, String graphPrefix) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(graphPrefix, "graphPrefix");
        URI uri = URI.create(endpoint);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()))
            throw new IllegalArgumentException("not an http(s) URL: " + endpoint);
        if (graphPrefix.isBlank())
            throw new IllegalArgumentException("graph IRI is blank");
        return new RemoteStore(endpoint, graphPrefix);
    }

    /** Registers credentials for every request to the endpoint (Basic or Digest, whichever the store asks for). */
    public RemoteStore login(String user, String password) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        AuthEnv.get().registerUsernamePassword(URI.create(endpoint), user, password);
        return this;
    }

    /** The query endpoint URL. */
    public String endpoint() {
        return endpoint;
    }

    /** The prefix that the names of the graphs we read start with. */
    public String graphPrefix() {
        return graphPrefix;
    }

    /** A SPARQL filter that keeps ?var to our graphs. */
    public String graphFilter(String var) {
        return "FILTER(STRSTARTS(STR(?" + var + "), " + "\"" + FmtUtils.stringEsc(graphPrefix) + "\"))";
    }

    /** Whether a graph name is one we read. */
    boolean isOurs(Node graph) {
        return graph.isURI() && graph.getURI().startsWith(graphPrefix);
    }

    /** Runs a SELECT query we wrote (not a user's: no parse check here) and returns all its rows. */
    public List<Binding> select(String sparql) {
        try (QueryExec exec = builder().query(sparql).build()) {
            RowSet rows = exec.select();
            List<Binding> out = new ArrayList<>();
            rows.forEachRemaining(out::add);
            return out;
        }
    }

    /** Runs an ASK query we wrote, as a SELECT of one row (see {@link #askAsSelect}). */
    boolean ask(String sparql) {
        try (QueryExec exec = builder().query(askAsSelect(QueryFactory.create(sparql))).build()) {
            return exec.select().hasNext();
        }
    }

    /**
     * An ASK query as a SELECT of at most one row of its pattern: {@code ASK { P }} holds when
     * {@code SELECT (1 AS ?ask) { P } LIMIT 1} has a row. Virtuoso 7.2.5 can answer an ASK in JSON as a one-row table
     * with the variable {@code __ASK_RETVAL} instead of a boolean, which no SPARQL client reads; a table of rows it
     * answers as every store does.
     */
    static Query askAsSelect(Query ask) {
        Query select = ask.cloneQuery();
        select.setQuerySelectType();
        select.setQueryResultStar(false);
        select.addResultVar("ask", NodeValue.makeInteger(1));
        select.setLimit(1);
        return select;
    }

    /**
     * The error a query gets when the store fails it: 503 naming the store when it could not be reached, otherwise
     * the store's own message as a refusal (422), since a store that answers with an error has refused this query
     * (Virtuoso, for one, refuses a transitive path with neither end bound).
     */
    static RuntimeException refusal(String endpoint, RuntimeException ex) {
        int status = ex instanceof QueryExceptionHTTP q ? q.getStatusCode() : ((HttpException) ex).getStatusCode();
        String answer = ex instanceof QueryExceptionHTTP q ? q.getResponse() : ((HttpException) ex).getResponse();
        if (status <= 0)
            return new QueryExceptionHTTP(503, "The store at " + endpoint + " cannot be reached: "
                                               + (ex.getCause() != null ? ex.getCause() : ex.getMessage()));
        String message = answer != null && !answer.isBlank() ? answer.strip().lines().findFirst().orElse("")
                : "HTTP " + status + (ex.getMessage() != null ? " " + ex.getMessage() : "");
        return new QueryDeniedException("The store at " + endpoint + " could not answer this query: " + message);
    }

    /** How long a list of our graphs is used before the store is asked again: a graph loaded meanwhile shows up within this. */
    static final long GRAPH_LIST_MILLIS = 5_000;

    private record GraphList(List<Node> names, long fetchedNanos) {}

    private volatile GraphList graphList;

    /**
     * The names of our graphs, in IRI order. Every user query is sent with them as its dataset, so the list is kept
     * for {@value #GRAPH_LIST_MILLIS} ms rather than asked for (a scan of the store) before each query.
     */
    List<Node> graphs() {
        GraphList held = graphList;
        long now = System.nanoTime();
        if (held != null && now - held.fetchedNanos() < GRAPH_LIST_MILLIS * 1_000_000L)
            return held.names();
        List<Node> out = new ArrayList<>();
        for (Binding b : select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } " + graphFilter("g") + " } ORDER BY ?g"))
            out.add(b.get("g"));
        List<Node> names = List.copyOf(out);
        graphList = new GraphList(names, now);
        return names;
    }

    /** A query execution against the endpoint; queries we write ourselves skip the local parse check. */
    QueryExecHTTPBuilder builder() {
        return QueryExecHTTP.service(endpoint).parseCheck(false);
    }

    static Iterator<Binding> none() {
        return List.<Binding>of().iterator();
    }
}
