package org.stargatekg.search;

import java.util.List;

/** What the {@code /search} page asks: the best resources for a user's words. */
public interface TextSearch {

    /**
     * At most {@code limit} resources matching the query, best first.
     *
     * @throws IllegalArgumentException if the query is blank, not valid, or the limit is out of 1..{@link SearchIndex#MAX_LIMIT}
     */
    List<SearchHit> search(String query, int limit);

    /**
     * The hits from {@code offset} (0-based) on, at most {@code limit} of them, with the number of all matching
     * resources; this default counts only as far as one search of {@link SearchIndex#MAX_LIMIT} hits reaches.
     *
     * @throws IllegalArgumentException as {@link #search(String, int)} does, or for a negative offset
     */
    default SearchResults page(String query, int offset, int limit) {
        if (offset < 0)
            throw new IllegalArgumentException("the page must be 1 or more");
        if (limit < 1 || limit > SearchIndex.MAX_LIMIT)
            throw new IllegalArgumentException("limit must be between 1 and " + SearchIndex.MAX_LIMIT);
        List<SearchHit> all = search(query, SearchIndex.MAX_LIMIT);
        int from = Math.min(offset, all.size());
        return new SearchResults(all.size(), all.subList(from, Math.min(all.size(), from + limit)));
    }

    /** How this search runs, for the log: "Lucene index in memory", "Virtuoso bif:contains", … */
    String describe();
}
