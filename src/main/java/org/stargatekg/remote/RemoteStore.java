package org.stargatekg.remote;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.jena.graph.Node;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.http.HttpEnv;
import org.apache.jena.http.auth.AuthEnv;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.WebContent;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;
import org.apache.jena.sparql.exec.http.QuerySendMode;
import org.apache.jena.sparql.util.FmtUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An external SPARQL 1.1 query endpoint and the part of it we read: the named graphs whose IRI starts with a given
 * prefix (our {@code BASE graph/} by default), so that a store's own system graphs never show up in our pages, less
 * the graph the {@code load} command keeps its version marker in ({@link LoadMarker}).
 * Every request goes through one gate: at most {@link #maxConcurrent} at once (a caller waits for a turn no longer
 * than the timeout), a connect timeout and a timeout for the answer, a count, and failures to answer turned into a
 * {@link StoreUnavailableException} naming the store.
 * <pre>{@code
 * RemoteStore store = RemoteStore.at("http://127.0.0.1:8890/sparql", "https://w3id.org/stargate-kg/graph/");
 * DatasetGraph dsg = new RemoteDatasetGraph(store);
 * }</pre>
 */
public final class RemoteStore {

    /**
     * Results asked for by default: SPARQL XML. Virtuoso 7.2.5 gives {@code xsd:boolean} as 1/0 in its JSON results and
     * keeps true/false in XML; with compiled queries taken from its cache, both cost it about the same CPU (2.8–3.1 ms
     * per page query, bench history entry 13).
     */
    static final String XML_RESULTS = WebContent.contentTypeResultsXML;

    /** How long a list of our graphs is used before the store is asked again, when no {@link StoreWatch} tells of a change. */
    static final long GRAPH_LIST_MILLIS = 5_000;

    private static final Logger LOG = LoggerFactory.getLogger(RemoteStore.class);

    /** The name of the probe's parameter: Virtuoso binds {@code ?::stargatekgprobe} to the request parameter {@code ?stargatekgprobe}. */
    static final String PROBE_PARAMETER = "stargatekgprobe";
    private static final Node PROBE_VALUE = NodeFactory.createURI("urn:x-stargate-kg:probe");

    private final String endpoint;
    private final String graphPrefix;
    private final Node markerGraph;
    private final LongAdder queries = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder nanos = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private Duration timeout = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private int maxConcurrent = 16;
    private String accept = XML_RESULTS;
    private Semaphore permits = new Semaphore(maxConcurrent, true);
    private HttpClient client = newClient(connectTimeout);
    private volatile StoreWatch watch;
    private boolean closeConnections = ClosedConnections.possible();
    /** Whether the store binds parameters: null until a probe was answered. */
    private volatile Boolean bindsParameters;
    /** Query texts of ours that are the same for every request of a kind, by kind ({@link #written}). */
    private final Map<String, String> written = new ConcurrentHashMap<>();

    private RemoteStore(String endpoint, String graphPrefix) {
        this.endpoint = endpoint;
        this.graphPrefix = graphPrefix;
        this.markerGraph = NodeFactory.createURI(LoadMarker.graph(graphPrefix));
        if (!closeConnections)
            LOG.warn("This JVM's HTTP client keeps connections to the store open ({} was set too late or without "
                     + "'connection'): answers of Virtuoso over about 32 KB may each wait 40 ms", ClosedConnections.PROPERTY);
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

    /** The longest one request to the store may take, waiting for a turn included; default 30 s (the server's query timeout). */
    public RemoteStore timeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero())
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        this.timeout = timeout;
        if (connectTimeout.compareTo(timeout) > 0) {
            connectTimeout = timeout;
            client = newClient(connectTimeout);
        }
        return this;
    }

    /** How many requests may be open to the store at once; default 16. Others wait for a turn, within the timeout. */
    public RemoteStore maxConcurrent(int n) {
        if (n < 1)
            throw new IllegalArgumentException("at least one request must be allowed: " + n);
        this.maxConcurrent = n;
        this.permits = new Semaphore(n, true);
        return this;
    }

    /**
     * Asks for SPARQL JSON results instead of XML, as this server did before issue 16: for the benchmark's
     * comparison only (its JSON results give booleans as 1/0).
     */
    public RemoteStore jsonResults() {
        this.accept = WebContent.contentTypeResultsJSON;
        return this;
    }

    /**
     * Keeps connections to the store open between requests, as the JVM's HTTP client does by default: for the
     * benchmark's comparison with the server before issue 16 only ({@link ClosedConnections} says why we close them).
     */
    public RemoteStore keepConnections() {
        this.closeConnections = false;
        return this;
    }

    /** Whether each request asks the store to close its connection after the answer ({@link ClosedConnections}). */
    public boolean closesConnections() {
        return closeConnections;
    }

    /** The query endpoint URL. */
    public String endpoint() {
        return endpoint;
    }

    /** The prefix that the names of the graphs we read start with. */
    public String graphPrefix() {
        return graphPrefix;
    }

    /** The graph the load command writes its version marker into: under the prefix, but never one of the graphs we show. */
    public Node markerGraph() {
        return markerGraph;
    }

    /** A SPARQL filter that keeps ?var to our graphs. */
    public String graphFilter(String var) {
        return "FILTER(STRSTARTS(STR(?" + var + "), " + "\"" + FmtUtils.stringEsc(graphPrefix) + "\") && ?" + var + " != <"
               + markerGraph.getURI() + ">)";
    }

    /** Whether a graph name is one we read. */
    boolean isOurs(Node graph) {
        return graph != null && graph.isURI() && graph.getURI().startsWith(graphPrefix) && !graph.equals(markerGraph);
    }

    /** The longest one request may take. */
    public Duration timeout() {
        return timeout;
    }

    /** Requests sent to the store so far for queries and pages (the watch's checks not included). */
    public long queries() {
        return queries.sum();
    }

    /** Of those, requests that got no answer (refused, timed out, no turn, 502/503/504, or not sent while the store was down). */
    public long failures() {
        return failures.sum();
    }

    /**
     * Requests the store answered with an error of the query's own (a 400 for SPARQL it does not take, such as a
     * prefixed name without its PREFIX): the store is up, but one of our queries, or a user's, is not for it.
     */
    public long refused() {
        return refused.sum();
    }

    /** Requests open to the store now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Total time spent waiting for the store's answers, in milliseconds. */
    public long millis() {
        return nanos.sum() / 1_000_000;
    }

    /** Runs a SELECT query we wrote (not a user's: no parse check here) and returns all its rows. */
    public List<Binding> select(String sparql) {
        return select(sparql, Map.of());
    }

    /**
     * Runs a SELECT query we wrote with request parameters besides the query (such as the {@code ?name} a store that
     * {@link #bindsParameters() binds parameters} reads), and returns all its rows.
     */
    List<Binding> select(String sparql, Map<String, String> parameters) {
        if (LOG.isTraceEnabled())
            LOG.trace("store query:\n{}{}", sparql, parameters.isEmpty() ? "" : "\nwith " + parameters);
        return call(b -> {
            // A query longer than a URL may be is posted at once: Jena would encode it twice to learn its length.
            if (sparql.length() > HttpEnv.urlLimit)
                b.sendMode(QuerySendMode.asPostForm);
            parameters.forEach(b::param);
            try (QueryExec exec = b.query(sparql).build()) {
                RowSet rows = exec.select();
                List<Binding> out = new ArrayList<>();
                rows.forEachRemaining(out::add);
                return out;
            }
        });
    }

    /**
     * Whether the store binds a query's {@code ?::name} to the request parameter {@code ?name}, as Virtuoso's SPARQL
     * endpoint does: a query sent with its varying term as such a parameter has one text whatever the term, so the
     * store compiles it once and takes the compiled plan from its cache after that (a page query compiled anew costs
     * Virtuoso 7.2.5 about three times the CPU of one it has compiled). Found by one probe query; a store that refuses
     * it (SPARQL has no {@code ?::}) does not; a store that could not be asked is asked again next time.
     */
    public boolean bindsParameters() {
        Boolean known = bindsParameters;
        if (known != null)
            return known;
        try {
            // Virtuoso 7.2.5 answers a projection of the bare parameter with "Missing named parameter"; through STR it is read.
            List<Binding> rows = select("SELECT ?x WHERE { BIND(IRI(STR(?::" + PROBE_PARAMETER + ")) AS ?x) }",
                                        Map.of("?" + PROBE_PARAMETER, Patterns.term(PROBE_VALUE, "x")));
            known = rows.size() == 1 && PROBE_VALUE.equals(rows.get(0).get("x"));
        } catch (StoreUnavailableException ex) {
            return false;
        } catch (RuntimeException ex) {
            known = false;
        }
        bindsParameters = known;
        LOG.info("The store at {} {}", endpoint, known ? "binds query parameters: a page query is sent with one text per kind of page"
                : "does not bind query parameters: each page query is sent with its resource written in");
        return known;
    }

    /**
     * A query text of ours that is the same for every request of its kind (its varying term a {@link #bindsParameters
     * parameter}), written once for this store (its graph filter is the store's) and kept under {@code kind}.
     */
    String written(String kind, Supplier<String> text) {
        return written.computeIfAbsent(kind, k -> text.get());
    }

    /** Runs an ASK query we wrote, as a SELECT of one row (see {@link #askAsSelect}). */
    boolean ask(String sparql) {
        return call(b -> {
            try (QueryExec exec = b.query(askAsSelect(QueryFactory.create(sparql))).build()) {
                return holds(exec.select());
            }
        });
    }

    /**
     * Runs one request through the gate: the function gets a query execution builder set up for the endpoint (our
     * client, results format, timeout) and must read the whole answer before it returns. While the last check by the
     * {@link StoreWatch} failed, no request is sent: it fails at once with that check's reason.
     */
    <T> T call(Function<QueryExecHTTPBuilder, T> request) {
        StoreWatch w = watch;
        if (w != null && w.down() != null)
            throw unavailable(w.down());
        queries.increment();
        try {
            if (LOG.isDebugEnabled())
                LOG.debug("store request {} from {}", queries.sum(), caller());
            return send(request, timeout);
        } catch (StoreUnavailableException ex) {
            failures.increment();
            throw ex;
        }
    }

    /** Where a request came from, for the debug log: the first frame outside this package. */
    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !f.getClassName().startsWith("org.stargatekg.remote.")
                             && !f.getClassName().startsWith("org.apache.jena.") && !f.getClassName().startsWith("java."))
                .limit(3).map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName() + ":" + f.getLineNumber())
                .toList().toString());
    }

    /**
     * Whether the rows of an ASK sent as a SELECT hold one, read to their end: a response left half read is drained by
     * Jena at close with a warning, on the connection another request will want.
     */
    static boolean holds(RowSet rows) {
        boolean yes = rows.hasNext();
        rows.forEachRemaining(r -> {});
        return yes;
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

    /** A request whose answer is read after it returns; {@link #close} ends it and gives its turn back, once. */
    static final class Opened<T> implements AutoCloseable {
        private final T value;
        private final Runnable release;
        private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

        Opened(T value, Runnable release) {
            this.value = value;
            this.release = release;
        }

        /** What the request gave: a query execution whose rows are still to be read. */
        T value() {
            return value;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true))
                release.run();
        }
    }

    /**
     * As {@link #call}, for an answer streamed to the client rather than held: the turn at the store is kept until
     * the returned request is closed, so that only the rows in flight are in memory (a 3,000,000-row answer held
     * whole took 2.6 GB of heap, issue 23).
     */
    <T> Opened<T> open(Function<QueryExecHTTPBuilder, T> request, java.util.function.Consumer<T> end) {
        StoreWatch w = watch;
        if (w != null && w.down() != null)
            throw unavailable(w.down());
        queries.increment();
        long start = System.nanoTime();
        boolean turn;
        try {
            turn = permits.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while waiting for a turn");
        }
        if (!turn) {
            failures.increment();
            throw unavailable("all " + maxConcurrent + " connections stayed busy for " + seconds(timeout));
        }
        inFlight.incrementAndGet();
        Runnable release = () -> {
            inFlight.decrementAndGet();
            permits.release();
            nanos.add(System.nanoTime() - start);
        };
        try {
            long left = Math.max(1, timeout.toNanos() - (System.nanoTime() - start));
            QueryExecHTTPBuilder b = QueryExecHTTP.service(endpoint).httpClient(client).parseCheck(false)
                                                  .sendMode(QuerySendMode.asGetWithLimitForm)
                                                  .acceptHeader(accept).timeout(left, TimeUnit.NANOSECONDS);
            if (closeConnections)
                b.httpHeader("Connection", "close");
            T value = request.apply(b);
            return new Opened<>(value, () -> {
                try {
                    end.accept(value);
                } finally {
                    release.run();
                }
            });
        } catch (QueryExceptionHTTP | HttpException ex) {
            release.run();
            String why = unanswered(ex, timeout);
            if (why == null) {
                refused.increment();
                throw ex;
            }
            failures.increment();
            throw unavailable(why);
        } catch (RuntimeException | Error ex) {
            release.run();
            throw ex;
        }
    }

    /** The same as {@link #call} but sent whatever the last check said, within its own time: the check itself goes this way. */
    <T> T send(Function<QueryExecHTTPBuilder, T> request, Duration within) {
        long start = System.nanoTime();
        long budget = within.toNanos();
        boolean turn;
        try {
            turn = permits.tryAcquire(budget, TimeUnit.NANOSECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while waiting for a turn");
        }
        if (!turn) {
            throw unavailable("all " + maxConcurrent + " connections stayed busy for " + seconds(within));
        }
        inFlight.incrementAndGet();
        try {
            long left = Math.max(1, budget - (System.nanoTime() - start));
            // A long query goes as an HTML form: Virtuoso 7.2.5 never answers one POSTed as application/sparql-query.
            QueryExecHTTPBuilder b = QueryExecHTTP.service(endpoint).httpClient(client).parseCheck(false)
                                                  .sendMode(QuerySendMode.asGetWithLimitForm)
                                                  .acceptHeader(accept).timeout(left, TimeUnit.NANOSECONDS);
            if (closeConnections)
                b.httpHeader("Connection", "close");
            return request.apply(b);
        } catch (QueryExceptionHTTP | HttpException ex) {
            String why = unanswered(ex, within);
            if (why == null) {
                refused.increment();
                throw ex;
            }
            throw unavailable(why);
        } finally {
            inFlight.decrementAndGet();
            permits.release();
            nanos.add(System.nanoTime() - start);
        }
    }

    /** What kept the store from answering, or null when it did answer (with an error of the query's own). */
    private String unanswered(RuntimeException ex, Duration within) {
        int status = ex instanceof QueryExceptionHTTP q ? q.getStatusCode() : ((HttpException) ex).getStatusCode();
        if (status == 502 || status == 503 || status == 504)
            return "HTTP " + status;
        if (status > 0)
            return null;
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException)
                return "no connection within " + seconds(connectTimeout);
            if (t instanceof HttpTimeoutException)
                return "no answer within " + seconds(within);
            if (t instanceof ConnectException)
                return "connection refused";
        }
        Throwable root = ex;
        while (root.getCause() != null)
            root = root.getCause();
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    StoreUnavailableException unavailable(String why) {
        return new StoreUnavailableException(endpoint, why);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** Starts checking the store's version marker and readiness every {@code interval}, after a first check now. */
    public StoreWatch watch(Duration interval) {
        StoreWatch w = new StoreWatch(this, interval);
        w.start();
        this.watch = w;
        return w;
    }

    private record GraphList(List<Node> names, long version, long fetchedNanos) {}

    private volatile GraphList graphList;

    /**
     * The names of our graphs, in IRI order. Every user query is sent with them as its dataset, so the list is kept
     * until the {@link StoreWatch} sees the store's content change (or, unwatched, for {@value #GRAPH_LIST_MILLIS} ms)
     * rather than asked for (a scan of the store) before each query.
     */
    List<Node> graphs() {
        GraphList held = graphList;
        StoreWatch w = watch;
        long version = w == null ? -1 : w.version();
        long now = System.nanoTime();
        if (held != null && (w != null ? held.version() == version : now - held.fetchedNanos() < GRAPH_LIST_MILLIS * 1_000_000L))
            return held.names();
        List<Node> out = new ArrayList<>();
        for (Binding b : select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } " + graphFilter("g") + " } ORDER BY ?g"))
            out.add(b.get("g"));
        List<Node> names = List.copyOf(out);
        graphList = new GraphList(names, version, now);
        return names;
    }

    /** HTTP/1.1 only (no h2c upgrade dance with every new connection), with a connect timeout. */
    private static HttpClient newClient(Duration connectTimeout) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                         .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    static Iterator<Binding> none() {
        return List.<Binding>of().iterator();
    }
}
