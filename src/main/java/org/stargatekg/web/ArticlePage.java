package org.stargatekg.web;

import java.util.List;

/**
 * The article rendered for reading: its text cut into segments at every passage boundary (covered segments are
 * highlighted and link to their passage), and every passage with the facts and statements it supports.
 */
public record ArticlePage(Link self, String title, List<Segment> segments, List<PassageEntry> passages) {

    /** A run of text; {@code anchors} are the fragment names of passages that begin here. */
    public record Segment(String text, List<String> anchors, boolean highlighted, String href, String hover) {}

    /** A passage of the article and what it supports. */
    public record PassageEntry(String anchor, Passage passage, List<Link> supports) {}
}
