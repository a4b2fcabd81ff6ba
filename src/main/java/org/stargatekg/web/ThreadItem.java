package org.stargatekg.web;

import java.util.List;

/**
 * A statement as it appears in a thread of replies: who said it, the words (verbatim or paraphrased), through which
 * channel, how it relates to the one before ("responds to", "disputes"), how deep it is, and its evidence.
 */
public record ThreadItem(Link statement, Link speaker, String words, boolean verbatim, Link channel, String relation,
                         int depth, boolean current, List<Passage> evidence) {
}
