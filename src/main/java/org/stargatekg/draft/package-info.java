/** Drafts a first graph of a new article from its text (quotations and speakers, amounts, times, mentions of known and new entities), every proposal anchored by its words and marked not reviewed, and scores a draft against a hand-made graph. */
package org.stargatekg.draft;
