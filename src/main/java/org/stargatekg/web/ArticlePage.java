package org.stargatekg.web;

import java.util.List;

/**
 * The article rendered as evidence: plain text cut into segments at every passage and sentence boundary, with only
 * the passages of the chosen fact, statement, entity or passage highlighted; the keyword line apart from the body; a
 * side list of what the article's passages support; and the sentences that support nothing.
 */
public record ArticlePage(Link self, String title, List<Segment> body, List<Segment> keywordLine,
                          List<PassageEntry> passages, List<Item> items, Focus focus, List<Link> idleSentences,
                          boolean notReviewed, List<RecordField> record) {

    /**
     * One field of the article's own record (publisher, date, author, source address): its values (a link where the
     * value is an address), or none with {@code notStated} when the data says the text does not give it.
     */
    public record RecordField(String name, String property, List<Link> values, boolean notStated) {}

    /**
     * A run of text: the fragment names of the passages that begin here ({@code anchors}) and of those that cover it
     * ({@code covering}, space-separated, for the page's script), the sentence it lies in (its number, or -1), whether
     * the chosen item's passages cover it, and whether its sentence supports nothing.
     */
    public record Segment(String text, List<String> anchors, String covering, int sentence, boolean focused, boolean idle) {}

    /** A passage of the article, the sentence it starts in, and what it supports. */
    public record PassageEntry(String anchor, Passage passage, int sentence, List<Link> supports) {}

    /**
     * A fact, statement or entity the article's passages support or describe: its page, the address of the article
     * with its passages highlighted, and those passages' fragment names (space-separated).
     */
    public record Item(Link link, String kind, String focusHref, String anchors) {}

    /** What is highlighted: its label and page (null for a single passage), the passages, the first one's fragment. */
    public record Focus(String label, Link item, List<PassageEntry> passages, String first) {}
}
