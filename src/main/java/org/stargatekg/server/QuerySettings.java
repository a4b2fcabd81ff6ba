package org.stargatekg.server;

import java.time.Duration;
import java.util.Objects;

import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.ARQConstants;
import org.stargatekg.backend.Backend;
import org.stargatekg.engine.query.DeadlineOptimizer;
import org.stargatekg.engine.query.QueryBudget;
import org.stargatekg.guard.QueryWatch;
import org.stargatekg.engine.query.RegisteredFunctions;
import org.stargatekg.engine.query.DisjointFilterDisjunction;
import org.stargatekg.engine.EnginePatch;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;

/**
 * The settings every query at {@code /sparql} runs with, in one place so that tests comparing our answers with the
 * standard's run with exactly these: no SERVICE calls out of the server, the timeout (a ceiling clients can only lower),
 * regular expressions under the deadline, only registered functions, ARQ's filter-disjunction rewrite
 * only where it cannot repeat rows, and the backend's own (the text index for {@code text:query} of a graph loaded here).
 */
public final class QuerySettings {

    private QuerySettings() {}

    /** A fresh context with the server's query settings and the backend's own; {@code backend} may be null (none). */
    public static Context context(Duration timeout, Backend backend) {
        return context(timeout, backend, new QueryWatch());
    }

    /** As {@link #context(Duration, Backend)}, with the server's watch over running queries (cancelled at stop). */
    public static Context context(Duration timeout, Backend backend, QueryWatch watch) {
        return context(timeout, backend, watch, QueryBudget.DEFAULT);
    }

    /** As {@link #context(Duration, Backend, QueryWatch)}, with the memory each query may take. */
    public static Context context(Duration timeout, Backend backend, QueryWatch watch, QueryBudget budget) {
        Objects.requireNonNull(timeout, "timeout");
        Context context = new Context();
        context.set(QueryBudget.SYMBOL, budget);
        context.set(ARQ.httpServiceAllowed, false);
        // Both Fuseki timeouts (to the first row, and overall) are set, so a client's "timeout" parameter, in
        // either its one- or two-value form, can only lower them: Fuseki takes the smaller of the two.
        long millis = timeout.toMillis();
        context.set(ARQ.queryTimeout, millis + "," + millis);
        // Regular expressions under the deadline, constant folding included: DeadlineOptimizer folds, in linear time;
        // then ARQ's optimizer, whose FILTER(A || B) rewrite must not return a row once per true disjunct
        // (apache/jena issue 4160). One factory: a second sysOptimizerFactory would replace the first.
        boolean disjunction = EnginePatch.FILTER_DISJUNCTION.patched();
        RewriteFactory optimizer = disjunction ? DisjointFilterDisjunction.OPTIMIZER : Optimize.getFactory();
        if (EnginePatch.DEADLINES.patched()) {
            context.set(ARQConstants.sysOptimizerFactory, new DeadlineOptimizer(watch, timeout, optimizer));
            context.set(ARQ.optExprConstantFolding, false);
        } else if (disjunction) {
            context.set(ARQConstants.sysOptimizerFactory, optimizer);
        }
        RegisteredFunctions.closeIn(context);
        if (backend != null)
            backend.configureQueries(context);
        return context;
    }
}
