package org.stargatekg.web;

import java.util.List;

/**
 * One object (or subject, for incoming links) of a property on a page: a link or a literal, with what a reader needs:
 * language, datatype, an amount in words with its exact figure, whether it was inferred or comes from the graph of
 * outside links (not the article's word), and the evidence
 * passages of a fact or statement it names.
 */
public record Value(Link link, String lexical, String language, Link datatype, String formatted, String exact,
                    boolean inferred, boolean external, List<Passage> evidence) {

    /** The same value with other evidence passages (a page shows each passage once). */
    public Value withEvidence(List<Passage> passages) {
        return new Value(link, lexical, language, datatype, formatted, exact, inferred, external, passages);
    }

    /** Whether this value is a resource rather than a literal. */
    public boolean isLink() {
        return link != null;
    }
}
