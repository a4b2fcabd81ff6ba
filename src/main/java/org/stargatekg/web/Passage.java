package org.stargatekg.web;

/**
 * An evidence passage shown in its sentence: the words before it, the passage itself (highlighted), the words after,
 * its offsets, where it stands in the article view, the article it is from, and whether it is a draft's proposal that
 * no author has reviewed yet.
 */
public record Passage(Link passage, int begin, int end, String before, String anchor, String after, String articleHref,
                      Link article, boolean notReviewed, boolean repeat) {

    /** The same passage marked as already shown higher up the page, where a reference to it stands instead. */
    public Passage asRepeat() {
        return new Passage(passage, begin, end, before, anchor, after, articleHref, article, notReviewed, true);
    }

    /** The id of the passage's block on a page, for references to it from lower down. */
    public String pageId() {
        return "on-page-" + Evidence.local(org.apache.jena.graph.NodeFactory.createURI(passage.iri()));
    }

    /** The article view with every passage of an item (a fact, statement or entity) highlighted, this one in view. */
    public String focusHref(String itemIri) {
        String articleHref = article.href();
        return ArticlePages.focusHref(articleHref, itemIri, Evidence.local(org.apache.jena.graph.NodeFactory.createURI(passage.iri())));
    }

    /** The first words of the passage, for a reference to it. */
    public String opening() {
        String[] words = anchor.split("\\s+");
        return words.length <= 6 ? anchor : String.join(" ", java.util.Arrays.copyOf(words, 6)) + " …";
    }
}
