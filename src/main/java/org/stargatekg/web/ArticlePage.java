package org.stargatekg.web;

import java.util.List;

/**
 * The article rendered for reading: its text cut into segments at every passage boundary (covered segments are
 * highlighted and link to their passage), every passage with the facts and statements it supports, and the sentences
 * that support nothing (marked in the text and listed).
 */
public record ArticlePage(Link self, String title, List<Segment> segments, List<PassageEntry> passages,
                          List<Link> idleSentences, boolean notReviewed) {

    /**
     * A run of text; {@code anchors} are the fragment names of passages that begin here; {@code idle} marks text of a
     * sentence that supports nothing in the graph.
     */
    public record Segment(String text, List<String> anchors, boolean highlighted, String href, String hover, boolean idle) {}

    /** A passage of the article and what it supports. */
    public record PassageEntry(String anchor, Passage passage, List<Link> supports) {}
}
