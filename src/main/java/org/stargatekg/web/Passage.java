package org.stargatekg.web;

/**
 * An evidence passage shown in its sentence: the words before it, the passage itself (highlighted), the words after,
 * its offsets, where it stands in the article view, the article it is from, and whether it is a draft's proposal that
 * no author has reviewed yet.
 */
public record Passage(Link passage, int begin, int end, String before, String anchor, String after, String articleHref,
                      Link article, boolean notReviewed) {
}
