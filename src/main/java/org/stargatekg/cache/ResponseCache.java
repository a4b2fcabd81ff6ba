package org.stargatekg.cache;

import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Whole successful responses, bounded by their total size in bytes. A key names everything an answer depends on:
 * the graph version, the method and path, the exact query string or body, and the headers that select the format
 * (every Accept line) or add headers (Origin, for CORS); a different spelling of the same query is simply a different key.
 */
public final class ResponseCache {

    /** What one cached response depends on. */
    public record Key(long graphVersion, String method, String path, String query, String body, String contentType,
                      String accept, String origin) {}

    /** A 200 response: its content type, other headers and body. */
    public record Entry(String contentType, List<Map.Entry<String, String>> headers, byte[] body) {}

    /** Slots of the doorkeeper: fingerprints of keys asked for once (256 KiB, lossy). */
    private static final int SEEN_SLOTS = 1 << 16;

    private final Cache<Key, Entry> cache;
    private final int maxEntryBytes;
    /**
     * The doorkeeper (as in TinyLFU): a fingerprint of each key missed once, so that only a request asked for a second
     * time is copied and kept. Reads and writes race without harm: a lost or clashing fingerprint only keeps a
     * response one request later or earlier, and a kept response is still found only by its exact key.
     */
    private final int[] seen = new int[SEEN_SLOTS];

    /** A cache holding at most {@code maxBytes} of responses, none larger than {@code maxEntryBytes}. */
    public ResponseCache(long maxBytes, int maxEntryBytes) {
        if (maxBytes <= 0 || maxEntryBytes <= 0)
            throw new IllegalArgumentException("sizes must be positive");
        this.maxEntryBytes = maxEntryBytes;
        this.cache = Caffeine.newBuilder()
                             .maximumWeight(maxBytes)
                             .weigher((Key k, Entry e) -> weight(k, e))
                             .build();
    }

    /** The largest body kept. */
    public int maxEntryBytes() {
        return maxEntryBytes;
    }

    /** The cached response for a key, or null. */
    public Entry get(Key key) {
        return cache.getIfPresent(key);
    }

    /**
     * Whether the response to a key that missed should be copied and kept: not the first time a key is asked for
     * (it is remembered instead), yes from the second. A query asked once, the common case for someone writing
     * queries, then costs no copy of its response and pushes nothing out of the cache.
     */
    public boolean admit(Key key) {
        int h = key.hashCode() * 0x9E3779B9;
        int fingerprint = (h ^ (h >>> 16)) | 1;
        int slot = (h >>> 16) & (SEEN_SLOTS - 1);
        if (seen[slot] == fingerprint)
            return true;
        seen[slot] = fingerprint;
        return false;
    }

    /** Keeps a response. */
    public void put(Key key, Entry entry) {
        if (entry.body().length <= maxEntryBytes)
            cache.put(key, entry);
    }

    /** The number of responses held (after pending evictions). */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** Whether a response is held for a key that meets a condition (for example, one request path). */
    public boolean holds(java.util.function.Predicate<Key> which) {
        return cache.asMap().keySet().stream().anyMatch(which);
    }

    /** Drops every response, and forgets which keys were asked for. */
    public void clear() {
        cache.invalidateAll();
        java.util.Arrays.fill(seen, 0);
    }

    private static int weight(Key k, Entry e) {
        long w = 200L + e.body().length + 2L * (length(k.path()) + length(k.query()) + length(k.body()) + length(k.accept()));
        for (Map.Entry<String, String> h : e.headers())
            w += 2L * (h.getKey().length() + h.getValue().length()) + 32;
        return (int) Math.min(Integer.MAX_VALUE, w);
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
