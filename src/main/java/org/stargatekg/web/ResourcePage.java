package org.stargatekg.web;

import java.util.List;

/**
 * Everything a resource page shows: label, types, description, grouped properties both ways, the evidence of the
 * resource itself (also grouped by article, for an entity several articles describe), a thread of replies for
 * statements, links out to Wikidata and DBpedia, the RDF formats, and whether a draft proposed it unreviewed.
 */
public record ResourcePage(Link self, List<Value> types, String description, List<PropertyGroup> groups,
                           List<Passage> evidence, List<ThreadItem> thread, List<Link> sameAs, List<FormatLink> formats,
                           String queryHref, String exploreHref, List<ArticleEvidence> evidenceByArticle, boolean notReviewed) {

    /** How many of the types are inferred: the page folds them behind one line. */
    public long inferredTypes() {
        return types.stream().filter(Value::inferred).count();
    }

    /** The passages of one article that support or describe the resource. */
    public record ArticleEvidence(Link article, List<Passage> passages) {}

    /** A link to one representation of the page's resource. */
    public record FormatLink(String name, String href, String mediaType) {}
}
