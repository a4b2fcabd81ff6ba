package org.stargatekg.search;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * A search with a complexity limit and a time limit, in front of the real one. Lucene expands each fuzzy, wildcard,
 * prefix, range or regular-expression term against the whole index (and the page searches six fields), so a thousand
 * fuzzy terms kept a core busy for 16 s; here a search may hold at most {@value #MAX_CHARACTERS} characters,
 * {@value #MAX_TERMS} terms and {@value #MAX_EXPANDING} such expanding terms (400 beyond), and is answered 503 when it
 * takes longer than the time limit.
 */
public final class LimitedSearch implements TextSearch {

    /** The longest search accepted, in characters. */
    public static final int MAX_CHARACTERS = 500;
    /** The most terms in a search. */
    public static final int MAX_TERMS = 32;
    /** The most fuzzy, wildcard, prefix, range or regular-expression terms in a search. */
    public static final int MAX_EXPANDING = 4;

    private static final ExecutorService SEARCHES = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "search");
        t.setDaemon(true);
        return t;
    });

    private final TextSearch search;
    private final Duration timeLimit;

    /** Limits a search to the given time. */
    public LimitedSearch(TextSearch search, Duration timeLimit) {
        this.search = Objects.requireNonNull(search, "search");
        this.timeLimit = Objects.requireNonNull(timeLimit, "timeLimit");
    }

    @Override
    public List<SearchHit> search(String query, int limit) {
        return page(query, 0, limit).hits();
    }

    @Override
    public SearchResults page(String query, int offset, int limit) {
        check(query);
        Future<SearchResults> running = SEARCHES.submit(() -> search.page(query, offset, limit));
        try {
            return running.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException ex) {
            running.cancel(true);
            throw new SearchTooSlowException(timeLimit.toMillis());
        } catch (ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeException runtime)
                throw runtime;
            throw new IllegalStateException(ex.getCause());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            running.cancel(true);
            throw new SearchTooSlowException(0);
        }
    }

    @Override
    public String describe() {
        return search.describe() + ", at most " + MAX_TERMS + " terms (" + MAX_EXPANDING + " expanding) and " + timeLimit.toMillis() + " ms";
    }

    /**
     * Throws {@link IllegalArgumentException} for a search longer or with more terms or expanding terms than allowed;
     * a search Lucene cannot parse passes, for the real search to report as it does.
     */
    public static void check(String query) {
        if (query.length() > MAX_CHARACTERS)
            throw new IllegalArgumentException("a search may be at most " + MAX_CHARACTERS + " characters long");
        Query parsed;
        try {
            QueryParser parser = new QueryParser(SearchFields.ALL, new StandardAnalyzer());
            parser.setAllowLeadingWildcard(true);
            parsed = parser.parse(query);
        } catch (ParseException | RuntimeException ex) {
            if (ex instanceof IndexSearcher.TooManyClauses)
                throw new IllegalArgumentException("a search may have at most " + MAX_TERMS + " terms");
            return;
        }
        int[] counts = new int[2];
        parsed.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... terms) {
                counts[0] += terms.length;
            }

            @Override
            public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
                counts[0]++;
                counts[1]++;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        if (counts[0] > MAX_TERMS)
            throw new IllegalArgumentException("a search may have at most " + MAX_TERMS + " terms, this one has " + counts[0]);
        if (counts[1] > MAX_EXPANDING)
            throw new IllegalArgumentException("a search may have at most " + MAX_EXPANDING
                                               + " fuzzy, wildcard, prefix, range or regular-expression terms, this one has " + counts[1]);
    }
}
