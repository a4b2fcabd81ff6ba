package org.stargatekg.web;

import java.util.List;

/**
 * One object (or subject, for incoming links) of a property on a page: a link or a literal, with what a reader needs:
 * language, datatype, a formatted amount with its exact number on hover, whether it was inferred, and the evidence
 * passages of a fact or statement it names.
 */
public record Value(Link link, String lexical, String language, Link datatype, String formatted, String exact,
                    boolean inferred, List<Passage> evidence) {

    /** Whether this value is a resource rather than a literal. */
    public boolean isLink() {
        return link != null;
    }
}
