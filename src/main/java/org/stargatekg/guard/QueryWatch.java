package org.stargatekg.guard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The SPARQL executions of one server, by their cancel flags: a stop cancels every one of them (so no thread stays
 * busy in a query after the server stops), and the request that started an execution can ask afterwards whether it
 * was cancelled (its timeout struck, or the server stopped) to tell a cut-off answer from a complete one.
 */
public final class QueryWatch {

    /**
     * Flags of executions started under a {@link Ticket} (every query at /sparql): removed when the ticket closes. A
     * concurrent set, because each query adds and removes its flag: behind one lock, sixteen clients queued there.
     */
    private final Set<AtomicBoolean> ticketed = ConcurrentHashMap.newKeySet();
    /** Flags of executions started without a ticket; weakly held, so a finished execution's flag simply goes away. */
    private final Set<AtomicBoolean> running = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private final ThreadLocal<Ticket> current = new ThreadLocal<>();
    private volatile boolean stopping;

    /** Notes an execution's cancel flag when it is planned, on the thread of the request that runs it. */
    public void started(AtomicBoolean cancelled) {
        if (cancelled == null)
            return;
        Ticket ticket = current.get();
        if (ticket != null) {
            ticketed.add(cancelled);
            ticket.started.add(cancelled);
            ticket.cancelled = cancelled;
        } else {
            running.add(cancelled);
        }
        if (stopping)
            cancelled.set(true);
    }

    /** Starts watching the query the current thread is about to answer; close the ticket when the answer is written. */
    public Ticket begin() {
        Ticket ticket = new Ticket();
        current.set(ticket);
        return ticket;
    }

    /** Cancels every execution in progress and every one started from now on; for a server that stops. */
    public void cancelAll() {
        stopping = true;
        List<AtomicBoolean> flags;
        synchronized (running) {
            flags = new ArrayList<>(running);
        }
        flags.addAll(ticketed);
        flags.forEach(flag -> flag.set(true));
    }

    /** The executions that may still be running. */
    public int running() {
        int n = (int) ticketed.stream().filter(flag -> !flag.get()).count();
        synchronized (running) {
            return n + (int) running.stream().filter(flag -> !flag.get()).count();
        }
    }

    /** One request's view of the execution it started. */
    public final class Ticket implements AutoCloseable {
        private volatile AtomicBoolean cancelled;
        /** Every execution started under this ticket (one, nearly always), taken out of the watch at close. */
        private final List<AtomicBoolean> started = new ArrayList<>(1);

        private Ticket() {}

        /** Whether the request's query was cancelled (by its timeout or a stop) at any point of its execution. */
        public boolean cancelled() {
            AtomicBoolean flag = cancelled;
            return flag != null && flag.get();
        }

        @Override
        public void close() {
            current.remove();
            started.forEach(ticketed::remove);
            started.clear();
        }
    }
}
