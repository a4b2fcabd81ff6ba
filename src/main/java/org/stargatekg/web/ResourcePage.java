package org.stargatekg.web;

import java.util.List;

/**
 * Everything a resource page shows: label, types, description, grouped properties both ways, the evidence of the
 * resource itself, a thread of replies for statements, links out to Wikidata and DBpedia, and the RDF formats.
 */
public record ResourcePage(Link self, List<Value> types, String description, List<PropertyGroup> groups,
                           List<Passage> evidence, List<ThreadItem> thread, List<Link> sameAs, List<FormatLink> formats,
                           String queryHref, String exploreHref) {

    /** A link to one representation of the page's resource. */
    public record FormatLink(String name, String href, String mediaType) {}
}
