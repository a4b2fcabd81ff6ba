package org.stargatekg.web;

import java.util.List;

import org.stargatekg.search.SearchHit;

/** A search hit as the page shows it: the hit, its local address, and its types as readable class labels. */
public record HitView(SearchHit hit, String href, List<String> types) {
}
