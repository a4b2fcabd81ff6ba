package org.stargatekg.remote;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one read transaction has already fetched, so that a page asking the same thing twice asks the store once:
 * the quads around nodes with what they cover ({@link Known}), and answers kept by key. It lives from {@code begin}
 * to {@code end} on one thread; outside a transaction nothing is kept, so no request ever sees an answer fetched for
 * another.
 */
final class ReadCache {

    private record State(Map<String, List<?>> answers, Known known) {}

    private final ThreadLocal<State> current = new ThreadLocal<>();

    void open() {
        current.set(new State(new HashMap<>(), new Known()));
    }

    void close() {
        current.remove();
    }

    /** Whether a transaction is open on this thread, so that what is fetched now is kept for it. */
    boolean isOpen() {
        return current.get() != null;
    }

    /** The quads this transaction holds; outside a transaction, an empty holder that nobody keeps. */
    Known known() {
        State s = current.get();
        return s == null ? new Known() : s.known();
    }

    /** The rows cached under a key, fetching them once per transaction. */
    @SuppressWarnings("unchecked")
    <T> List<T> get(String key, Supplier<List<T>> fetch) {
        State s = current.get();
        if (s == null)
            return fetch.get();
        List<T> hit = (List<T>) s.answers().get(key);
        if (hit == null) {
            hit = fetch.get();
            s.answers().put(key, hit);
        }
        return hit;
    }
}
