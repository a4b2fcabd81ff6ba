package org.stargatekg.search;

import java.util.List;

/** One resource found by a search: its IRI, label, types, score, the literal that matched best and its snippet. */
public record SearchHit(String iri, String label, List<String> types, float score, String property, Snippet snippet) {
}
