package org.stargatekg.backend;

/**
 * What a page is about to read around one node, told to the backend before the page reads it ({@link
 * Backend#prefetch}): a store far away can then send all of it in one answer instead of one per linked resource.
 */
public enum Reads {
    /** A resource's HTML page: its triples, its neighbours' labels and kinds, evidence passages, its statement thread. */
    RESOURCE_PAGE,
    /** The article view: the article's passages with their offsets and what each supports. */
    ARTICLE_PAGE,
    /** The graph view: the node's neighbours with their labels and kinds. */
    GRAPH_VIEW,
    /** A resource's RDF description: its triples both ways and the labels of what it links to, with their graphs. */
    DESCRIPTION
}
