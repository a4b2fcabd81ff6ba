package org.stargatekg.web;

import java.util.List;

/** A titled group of property rows on a page, such as "Statement" or "Links to this resource". */
public record PropertyGroup(String title, List<PropertyRow> rows) {

    /** Whether the page shows this group folded: inferred triples in standard vocabularies, for machines more than people. */
    public boolean folded() {
        return ResourcePages.STANDARD_GROUP.equals(title);
    }
}
