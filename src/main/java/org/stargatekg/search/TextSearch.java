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

    /** How this search runs, for the log: "Lucene index in memory", "Virtuoso bif:contains", … */
    String describe();
}
