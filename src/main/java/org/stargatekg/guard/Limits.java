package org.stargatekg.guard;

import java.time.Duration;
import java.util.Objects;

/**
 * How much of the server one request may take, with the defaults docs/security.md lists. Each value
 * bounds one way a client (by mistake or on purpose) could keep others waiting.
 *
 * @param concurrentQueries queries (SPARQL, Graph Store reads, searches, dumps) evaluated at once
 * @param queuedQueries     queries that may wait for one of those places; more get 503 with Retry-After at once
 * @param queueWait         the longest a query waits for a place before it gets 503 with Retry-After
 * @param bodyTimeout       the longest a request body may take to arrive in full (408 after)
 * @param minResponseRate   bytes per second a client must take each write of an answer at, beyond the grace
 * @param responseGrace     the time each write of an answer may wait on the client, on top of the minimum rate
 * @param idleTimeout       a connection with no traffic in either direction for this long is closed
 * @param maxThreads        Jetty's worker threads (Fuseki's own default is 20)
 * @param heldAnswerBytes   the start of a SPARQL answer held back, so that a timeout within it gets a clean 503
 * @param maxQueryDepth     the deepest nesting of expressions, patterns and paths a query may have (400 beyond)
 * @param maxStringLength   the longest string (in characters) a query may build with CONCAT, GROUP_CONCAT, REPLACE… (400 beyond)
 * @param maxHeldRows       the most rows a query may feed into DISTINCT, GROUP BY or a full ORDER BY (400 beyond)
 */
public record Limits(int concurrentQueries, int queuedQueries, Duration queueWait, Duration bodyTimeout,
                     long minResponseRate, Duration responseGrace, Duration idleTimeout, int maxThreads,
                     int heldAnswerBytes, int maxQueryDepth, int maxStringLength, long maxHeldRows) {

    /** The defaults: two queries per core (at least four) with 16 waiting up to 5 s, bodies in 10 s, each 32 KiB of an answer taken within 5 s plus 8 s (4 KiB/s). */
    public static final Limits DEFAULT = new Limits(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), 16,
                                                    Duration.ofSeconds(5), Duration.ofSeconds(10), 4096,
                                                    Duration.ofSeconds(5), Duration.ofSeconds(30), 200, 256 * 1024, 1000,
                                                    1 << 20, 1_000_000);

    /** Checks every value. */
    public Limits {
        Objects.requireNonNull(queueWait, "queueWait");
        Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        Objects.requireNonNull(responseGrace, "responseGrace");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (concurrentQueries < 1 || queuedQueries < 0 || minResponseRate < 1 || maxThreads < 8 || heldAnswerBytes < 0
            || maxQueryDepth < 10 || maxStringLength < 1024 || maxHeldRows < 1000)
            throw new IllegalArgumentException("limit out of range: " + this);
        if (queueWait.isNegative() || (bodyTimeout.isNegative() || bodyTimeout.isZero()) || responseGrace.isNegative() || (idleTimeout.isNegative() || idleTimeout.isZero()))
            throw new IllegalArgumentException("duration out of range: " + this);
    }

    /** These limits with another number of concurrent and queued queries and the longest wait. */
    public Limits withQueries(int concurrent, int queued, Duration wait) {
        return new Limits(concurrent, queued, wait, bodyTimeout, minResponseRate, responseGrace, idleTimeout, maxThreads,
                          heldAnswerBytes, maxQueryDepth, maxStringLength, maxHeldRows);
    }

    /** These limits with another longest string and most rows held per query. */
    public Limits withQueryMemory(int strings, long rows) {
        return new Limits(concurrentQueries, queuedQueries, queueWait, bodyTimeout, minResponseRate, responseGrace, idleTimeout,
                          maxThreads, heldAnswerBytes, maxQueryDepth, strings, rows);
    }

    /** These limits with other slow-client bounds. */
    public Limits withSlowClients(Duration body, long bytesPerSecond, Duration grace, Duration idle) {
        return new Limits(concurrentQueries, queuedQueries, queueWait, body, bytesPerSecond, grace, idle, maxThreads,
                          heldAnswerBytes, maxQueryDepth, maxStringLength, maxHeldRows);
    }
}
