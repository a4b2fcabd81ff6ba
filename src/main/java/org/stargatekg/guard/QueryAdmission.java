package org.stargatekg.guard;

import org.stargatekg.http.Responses;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Load shedding: at most so many queries are evaluated at once, a few more wait their turn for a short while, and
 * the rest are answered {@code 503} with {@code Retry-After} straight away, so that a burst of expensive queries
 * cannot take every core. Only paths that evaluate queries are counted; the health check, pages, static files and
 * cached answers (answered by filters before this one) never wait here. Not Jetty's {@code QoSHandler}: it wraps the
 * whole servlet context, so a cached answer would wait behind expensive queries, and it turns requests away with a bare
 * 503 without {@code Retry-After} (JettyHandlersWeDoNotUseTest pins both; OverloadTest checks ours).
 */
public final class QueryAdmission implements Filter {

    private final Semaphore places;
    private final int maxWaiting;
    private final Duration maxWait;
    private final List<String> paths;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private final int concurrent;

    /** Admission to the given paths (an entry ending in "/" covers everything under it) under the limits. */
    public QueryAdmission(Limits limits, List<String> paths) {
        this.concurrent = limits.concurrentQueries();
        this.places = new Semaphore(concurrent, true);
        this.maxWaiting = limits.queuedQueries();
        this.maxWait = limits.queueWait();
        this.paths = List.copyOf(paths);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        if (!counted(req.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        if (!admit()) {
            refused.incrementAndGet();
            busy((HttpServletResponse) response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            places.release();
        }
    }

    /** Queries being evaluated now. */
    public int running() {
        return concurrent - places.availablePermits();
    }

    /** Queries waiting for a place now. */
    public int waiting() {
        return waiting.get();
    }

    /** Queries answered 503 because every place was taken and the queue was full or the wait too long. */
    public long refused() {
        return refused.get();
    }

    private boolean counted(String path) {
        for (String p : paths)
            if (p.endsWith("/") ? path.startsWith(p) : path.equals(p))
                return true;
        return false;
    }

    private boolean admit() {
        if (places.tryAcquire())
            return true;
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            return places.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }

    private void busy(HttpServletResponse resp) throws IOException {
        long retry = Math.max(1, (maxWait.toMillis() + 999) / 1000);
        resp.setHeader("Retry-After", Long.toString(retry));
        resp.setHeader("Cache-Control", "no-store");
        Responses.text(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The server is busy answering other queries: try again in " + retry + " s\n");
    }
}
