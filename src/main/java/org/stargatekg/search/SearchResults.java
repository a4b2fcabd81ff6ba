package org.stargatekg.search;

import java.util.List;

/** One page of a search: how many resources match in all, and the hits of the page asked for, best first. */
public record SearchResults(int total, List<SearchHit> hits) {
}
