/** Full-text search over the served graph: a Lucene index of labels, quotations, paraphrases, propositions, descriptions and passages, shared with SPARQL's text:query. */
package org.stargatekg.search;
