package org.stargatekg.web;

/**
 * An evidence passage shown in its sentence: the words before it, the passage itself (highlighted), the words after,
 * its offsets, and where it stands in the article view.
 */
public record Passage(Link passage, int begin, int end, String before, String anchor, String after, String articleHref) {
}
