/** Drafts a first graph of a new article from its text (quotations and speakers, amounts, times, mentions of known and new entities) with Stanford CoreNLP's tokens, parts of speech and named entities under news rules, every proposal anchored by its words and marked not reviewed, and scores drafts against hand-made graphs and gold files. */
package org.stargatekg.draft;
