package org.stargatekg.remote;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.sparql.engine.binding.Binding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks an external store every few seconds on a thread of its own: reads the {@link LoadMarker} and so tells when
 * the content changed (a new {@link #version}), and whether the store answers at all ({@link #down}). Requests never
 * wait for it: they read the last result. A check may take as long as a query may (a store merely busy is not
 * "down"); the next starts one interval after it ends. A version changes when the marker does, when the store stops or starts
 * answering, and at every check where there is no marker at all (content that cannot be vouched for is kept no longer
 * than one interval).
 */
public final class StoreWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreWatch.class);

    private final RemoteStore store;
    private final Duration interval;
    private final AtomicLong version = new AtomicLong();
    private final AtomicLong checks = new AtomicLong();
    private final ScheduledExecutorService timer;
    private volatile String down;
    private volatile String lastState = "";
    private volatile boolean marked;

    StoreWatch(RemoteStore store, Duration interval) {
        this.store = store;
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero())
            throw new IllegalArgumentException("the check interval must be positive: " + interval);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "store-watch");
            t.setDaemon(true);
            return t;
        });
    }

    /** Checks once now, then every interval. */
    void start() {
        check();
        long ms = interval.toMillis();
        timer.scheduleWithFixedDelay(this::check, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** The interval between two checks. */
    public Duration interval() {
        return interval;
    }

    /** A number that changes whenever the store's content may have (see the class comment). */
    public long version() {
        return version.get();
    }

    /** Why the last check got no answer, or null when the store answered it. */
    public String down() {
        return down;
    }

    /** Whether the last check found a version marker. */
    public boolean marked() {
        return marked;
    }

    /** Checks done so far. */
    public long checks() {
        return checks.get();
    }

    /** Asks for the marker once and updates the version and readiness; never throws. */
    void check() {
        String state;
        String failure = null;
        try {
            List<Binding> rows = store.send(b -> {
                try (var exec = b.query(LoadMarker.query(store.markerGraph())).build()) {
                    List<Binding> out = new java.util.ArrayList<>();
                    exec.select().forEachRemaining(out::add);
                    return out;
                }
            }, store.timeout());
            marked = !rows.isEmpty();
            state = rows.isEmpty() ? null : "marker " + rows.get(0);
        } catch (RuntimeException ex) {
            failure = ex instanceof StoreUnavailableException ? ex.getMessage() : "The store at " + store.endpoint()
                                                                                    + " answered the check with an error: " + ex.getMessage();
            state = "down";
        }
        checks.incrementAndGet();
        String was = down;
        down = failure;
        if (failure != null && was == null)
            LOG.warn("{}; answering 503 until it does", failure);
        else if (failure == null && was != null)
            LOG.info("The store at {} answers again", store.endpoint());
        if (state == null || !state.equals(lastState)) {
            version.incrementAndGet();
            if (state != null && !lastState.isEmpty() && !"down".equals(state))
                LOG.info("The store's content changed ({}): answers kept from before are dropped", state);
            lastState = state == null ? "" : state;
        }
    }

    /** Stops checking. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
