package org.stargatekg.server;

import java.time.Duration;
import java.util.Objects;

import org.apache.jena.query.ARQ;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.sparql.util.Context;
import org.stargatekg.search.SearchIndex;
import org.stargatekg.store.DisjointFilterDisjunction;

/**
 * The settings every query at {@code /sparql} runs with, in one place so that tests comparing our answers with the
 * standard's run with exactly these: no SERVICE calls out of the server, the timeout, ARQ's filter-disjunction rewrite
 * only where it cannot repeat rows, and the text index for {@code text:query} (our own graph only).
 */
public final class QuerySettings {

    private QuerySettings() {}

    /** A fresh context with the server's query settings; {@code index} may be null (no full-text search). */
    public static Context context(Duration timeout, SearchIndex index) {
        Objects.requireNonNull(timeout, "timeout");
        Context context = new Context();
        context.set(ARQ.httpServiceAllowed, false);
        context.set(ARQ.queryTimeout, Long.toString(timeout.toMillis()));
        // FILTER(A || B) must not return a row once per true disjunct (apache/jena issue 4160).
        DisjointFilterDisjunction.install(context);
        // jena-text's property function looks for the index in the execution context before the dataset, so the
        // read-only union view is served as it is (no DatasetGraphText wrapper that would accept updates).
        if (index != null)
            context.set(TextQuery.textIndex, index.textIndex());
        return context;
    }
}
