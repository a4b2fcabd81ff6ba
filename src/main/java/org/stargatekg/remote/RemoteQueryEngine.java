package org.stargatekg.remote;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.Plan;
import org.apache.jena.sparql.engine.QueryEngineBase;
import org.apache.jena.sparql.engine.QueryEngineFactory;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;
import org.apache.jena.sparql.exec.http.Service;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.util.Context;

/**
 * Answers a SPARQL query over a {@link RemoteDatasetGraph} by sending it whole to the store, instead of evaluating
 * it locally one triple pattern at a time. The query reaching here is already parsed (Fuseki refuses anything that
 * is not a query); a query with SERVICE anywhere is refused with the embedded server's own error, so that the store
 * is never asked to call out. SELECT goes as it is; ASK goes as a SELECT of one row of its pattern (Virtuoso 7.2.5
 * does not always answer ASK with a boolean); CONSTRUCT and DESCRIBE go as SELECT * of their pattern and modifiers,
 * and their template or description is built here, as the embedded server does. Rows stream from the store as Jena
 * takes them: only the answer's distinct triples (CONSTRUCT) or resources (DESCRIBE) are held, never the rows. A
 * query the store refuses (its SPARQL does not cover it) is refused with the store's message (422), an unreachable
 * store gives 503 naming it.
 * A query without FROM or FROM NAMED is sent with our graphs as its dataset, so it sees what the embedded one sees.
 */
final class RemoteQueryEngine extends QueryEngineBase {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RemoteQueryEngine.class);
    private static final QueryEngineFactory FACTORY = new Factory();
    private static boolean registered;

    private final Query query;
    private final RemoteStore store;

    private RemoteQueryEngine(Query query, DatasetGraph dsg, Binding input, Context context, RemoteStore store) {
        super(query, dsg, input, context);
        this.query = query;
        this.store = store;
    }

    /** Puts the engine first in ARQ's registry, once; it takes only queries over a {@link RemoteDatasetGraph}. */
    static synchronized void register() {
        if (!registered) {
            QueryEngineRegistry.addFactory(FACTORY);
            registered = true;
        }
    }

    @Override
    protected QueryIterator eval(Op op, DatasetGraph dsg, Binding input, Context cxt) {
        refuseService(cxt);
        // The server's optimizer factory notes each execution's cancel flag with the server's watch as it plans
        // (engine.query.DeadlineOptimizer); nothing is planned here, so it is asked directly: a stop then cancels the
        // query, and an answer cut off by the store is cut off for the client too (guard.CutOffAnswers).
        if (cxt.get(org.apache.jena.sparql.ARQConstants.sysOptimizerFactory) instanceof org.apache.jena.sparql.algebra.optimize.RewriteFactory f)
            f.create(cxt);
        ExecutionContext execCxt = ExecutionContext.create(dsg, cxt);
        try {
            if (query.isSelectType())
                return QueryIterPlainWrapper.create(streamed(cxt, query), execCxt);
            if (!query.isAskType() && query.getQueryPattern() != null) {
                Query sent = query.cloneQuery();
                sent.setQuerySelectType();
                sent.setQueryResultStar(true);
                return QueryIterPlainWrapper.create(streamed(cxt, sent), execCxt);
            }
            return QueryIterPlainWrapper.create(rows(cxt).iterator(), execCxt);
        } catch (QueryExceptionHTTP | HttpException ex) {
            throw RemoteStore.refusal(store.endpoint(), ex);
        }
    }

    /**
     * The rows of a SELECT as the store sends them, read as the client takes them; the store's turn is given back when
     * Jena closes the iterator. An answer the store cuts off (its own timeout, a dropped connection) ends the query
     * with 503 naming the store, not a 500 with a parse error.
     */
    private Iterator<Binding> streamed(Context cxt, Query sent) {
        List<Node> graphs = query.hasDatasetDescription() ? List.of() : store.graphs();
        RemoteStore.Opened<QueryExec> opened = store.open(b -> remote(b, sent, graphs, cxt).build(), QueryExec::close);
        RowSet rows;
        try {
            rows = opened.value().select();
        } catch (RuntimeException ex) {
            opened.close();
            throw ex;
        }
        return new StreamedRows(rows, opened, store.endpoint(), Context.getCancelSignal(cxt));
    }

    /** Rows read from the store as they are asked for, closing the request at the end or when Jena closes them. */
    private static final class StreamedRows implements Iterator<Binding>, org.apache.jena.atlas.lib.Closeable {
        private final RowSet rows;
        private final RemoteStore.Opened<QueryExec> opened;
        private final String endpoint;
        private final java.util.concurrent.atomic.AtomicBoolean cancel;

        StreamedRows(RowSet rows, RemoteStore.Opened<QueryExec> opened, String endpoint, java.util.concurrent.atomic.AtomicBoolean cancel) {
            this.rows = rows;
            this.opened = opened;
            this.endpoint = endpoint;
            this.cancel = cancel;
        }

        @Override
        public boolean hasNext() {
            try {
                boolean more = rows.hasNext();
                if (!more)
                    opened.close();
                return more;
            } catch (QueryExceptionHTTP | HttpException ex) {
                opened.close();
                throw RemoteStore.refusal(endpoint, ex);
            } catch (org.apache.jena.query.QueryCancelledException ex) {
                opened.close();
                throw ex;
            } catch (RuntimeException cut) {
                opened.close();
                Throwable root = cut;
                while (root.getCause() != null && root.getCause() != root)
                    root = root.getCause();
                String why = String.valueOf(root.getMessage()).lines().findFirst().orElse(root.getClass().getSimpleName());
                LOG.warn("The store at {} cut its answer off: {}", endpoint, why);
                // As a timeout: 503 while the answer's start is held back, a cut transfer after (guard.CutOffAnswers).
                if (cancel != null)
                    cancel.set(true);
                throw new org.apache.jena.query.QueryCancelledException();
            }
        }

        @Override
        public Binding next() {
            if (!hasNext())
                throw new java.util.NoSuchElementException();
            return rows.next();
        }

        @Override
        public void close() {
            opened.close();
        }
    }

    /** For ASK one empty row when its pattern holds at the store, none when not; for a DESCRIBE of IRIs alone, one empty row. */
    private List<Binding> rows(Context cxt) {
        if (!query.isAskType())
            return List.of(BindingFactory.empty()); // DESCRIBE <iri> alone: the description is built here.
        // Asked before the query takes its turn at the store: the list may itself need a request.
        List<Node> graphs = query.hasDatasetDescription() ? List.of() : store.graphs();
        // Virtuoso 7.2.5 may answer an ASK in JSON as a one-row table (__ASK_RETVAL) that is no boolean: ask for
        // one row of the pattern instead, an answer every store gives as SPARQL says.
        Query asSelect = RemoteStore.askAsSelect(query);
        boolean yes = store.call(b -> {
            try (QueryExec exec = remote(b, asSelect, graphs, cxt).build()) {
                return RemoteStore.holds(exec.select());
            }
        });
        return yes ? List.of(BindingFactory.empty()) : List.of();
    }

    /** Throws the embedded server's "SERVICE execution disabled" error if the query has SERVICE anywhere, even inside EXISTS. */
    private void refuseService(Context cxt) {
        Walker.walk(Algebra.compile(query), new OpVisitorBase() {
            @Override
            public void visit(OpService opService) {
                Service.checkServiceAllowed(cxt);
            }
        }, new ExprVisitorBase());
    }

    /** The store's request, set up by the store's gate, with this query, our graphs as its dataset, and the query's timeout if shorter. */
    private QueryExecHTTPBuilder remote(QueryExecHTTPBuilder b, Query q, List<Node> graphs, Context cxt) {
        b.query(q);
        for (Node g : graphs) {
            b.addDefaultGraphURI(g.getURI());
            b.addNamedGraphURI(g.getURI());
        }
        long timeout = timeoutMillis(cxt);
        if (timeout > 0 && timeout < store.timeout().toMillis())
            b.timeout(timeout, TimeUnit.MILLISECONDS);
        return b;
    }

    /** The overall query timeout from the context ("N" or "first,overall" milliseconds), or -1. */
    private static long timeoutMillis(Context cxt) {
        Object t = cxt.get(ARQ.queryTimeout);
        if (t instanceof Number n)
            return n.longValue();
        if (t instanceof String s && !s.isBlank()) {
            String[] parts = s.split(",");
            return Long.parseLong(parts[parts.length - 1].trim());
        }
        return -1;
    }

    private static RemoteDatasetGraph unwrap(DatasetGraph dsg) {
        while (dsg instanceof DatasetGraphWrapper w && !(dsg instanceof RemoteDatasetGraph))
            dsg = w.getWrapped();
        return dsg instanceof RemoteDatasetGraph r ? r : null;
    }

    private static final class Factory implements QueryEngineFactory {
        @Override
        public boolean accept(Query query, DatasetGraph dataset, Context context) {
            return unwrap(dataset) != null;
        }

        @Override
        public Plan create(Query query, DatasetGraph dataset, Binding input, Context context) {
            return new RemoteQueryEngine(query, dataset, input, context, unwrap(dataset).store()).getPlan();
        }

        /** Algebra handed over without its query (DESCRIBE handlers, for one) runs here, pattern by pattern. */
        @Override
        public boolean accept(Op op, DatasetGraph dataset, Context context) {
            return false;
        }

        @Override
        public Plan create(Op op, DatasetGraph dataset, Binding input, Context context) {
            throw new UnsupportedOperationException();
        }
    }
}
