package org.stargatekg.limits;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The SPARQL executions of one server, by their cancel flags: a stop cancels every one of them (so no thread stays
 * busy in a query after the server stops), and the request that started an execution can ask afterwards whether it
 * was cancelled (its timeout struck, or the server stopped) to tell a cut-off answer from a complete one.
 */
public final class QueryWatch {

    /** Flags of executions that may still run; weakly held, so a finished execution's flag simply goes away. */
    private final Set<AtomicBoolean> running = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private final ThreadLocal<Ticket> current = new ThreadLocal<>();
    private volatile boolean stopping;

    /** Notes an execution's cancel flag when it is planned, on the thread of the request that runs it. */
    void started(AtomicBoolean cancelled) {
        if (cancelled == null)
            return;
        running.add(cancelled);
        if (stopping)
            cancelled.set(true);
        Ticket ticket = current.get();
        if (ticket != null)
            ticket.cancelled = cancelled;
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
        flags.forEach(flag -> flag.set(true));
    }

    /** The executions that may still be running. */
    public int running() {
        synchronized (running) {
            return (int) running.stream().filter(flag -> !flag.get()).count();
        }
    }

    /** One request's view of the execution it started. */
    public final class Ticket implements AutoCloseable {
        private volatile AtomicBoolean cancelled;

        private Ticket() {}

        /** Whether the request's query was cancelled (by its timeout or a stop) at any point of its execution. */
        public boolean cancelled() {
            AtomicBoolean flag = cancelled;
            return flag != null && flag.get();
        }

        @Override
        public void close() {
            current.remove();
            AtomicBoolean flag = cancelled;
            if (flag != null)
                running.remove(flag);
        }
    }
}
