package org.stargatekg.http;

import java.time.Duration;
import java.util.Objects;

import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.util.Context;
import org.stargatekg.backend.Backend;
import org.stargatekg.store.DisjointFilterDisjunction;

/**
 * The settings every query at {@code /sparql} runs with, in one place so that tests comparing our answers with the
 * standard's run with exactly these: no SERVICE calls out of the server, the timeout, ARQ's filter-disjunction rewrite
 * only where it cannot repeat rows, and the backend's own (the text index for {@code text:query} of a graph loaded here).
 */
public final class QuerySettings {

    private QuerySettings() {}

    /** A fresh context with the server's query settings and the backend's own; {@code backend} may be null (none). */
    public static Context context(Duration timeout, Backend backend) {
        Objects.requireNonNull(timeout, "timeout");
        Context context = new Context();
        context.set(ARQ.httpServiceAllowed, false);
        context.set(ARQ.queryTimeout, Long.toString(timeout.toMillis()));
        // FILTER(A || B) must not return a row once per true disjunct (apache/jena issue 4160).
        DisjointFilterDisjunction.install(context);
        if (backend != null)
            backend.configureQueries(context);
        return context;
    }
}
