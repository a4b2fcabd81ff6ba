package org.stargatekg.remote;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.jena.graph.Triple;

/**
 * What one read transaction has already fetched, so that a page asking the same thing twice asks the store once.
 * It lives from {@code begin} to {@code end} on one thread; outside a transaction nothing is kept, so no request
 * ever sees an answer fetched for another.
 */
final class ReadCache {

    private final ThreadLocal<Map<String, List<Triple>>> current = new ThreadLocal<>();

    void open() {
        current.set(new HashMap<>());
    }

    void close() {
        current.remove();
    }

    /** The triples cached under a key, fetching them once per transaction. */
    List<Triple> get(String key, Supplier<List<Triple>> fetch) {
        Map<String, List<Triple>> map = current.get();
        if (map == null)
            return fetch.get();
        List<Triple> hit = map.get(key);
        if (hit == null) {
            hit = fetch.get();
            map.put(key, hit);
        }
        return hit;
    }
}
