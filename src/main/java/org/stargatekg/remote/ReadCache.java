package org.stargatekg.remote;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one read transaction has already fetched, so that a page asking the same thing twice asks the store once.
 * It lives from {@code begin} to {@code end} on one thread; outside a transaction nothing is kept, so no request
 * ever sees an answer fetched for another.
 */
final class ReadCache {

    private final ThreadLocal<Map<String, List<?>>> current = new ThreadLocal<>();

    void open() {
        current.set(new HashMap<>());
    }

    void close() {
        current.remove();
    }

    /** The rows cached under a key, fetching them once per transaction. */
    @SuppressWarnings("unchecked")
    <T> List<T> get(String key, Supplier<List<T>> fetch) {
        Map<String, List<?>> map = current.get();
        if (map == null)
            return fetch.get();
        List<T> hit = (List<T>) map.get(key);
        if (hit == null) {
            hit = fetch.get();
            map.put(key, hit);
        }
        return hit;
    }

    /** The rows cached under a key in this transaction, or null when not fetched yet (or outside a transaction). */
    @SuppressWarnings("unchecked")
    <T> List<T> peek(String key) {
        Map<String, List<?>> map = current.get();
        return map == null ? null : (List<T>) map.get(key);
    }
}
