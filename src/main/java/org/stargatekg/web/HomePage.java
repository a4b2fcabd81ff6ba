package org.stargatekg.web;

import java.util.List;

/** The home page: what the dataset is, its counts per graph, its articles, and every entity grouped by type. */
public record HomePage(String title, String description, long quads, List<GraphCount> graphs, List<Link> articles,
                       List<TypeGroup> groups, Link ontology, String namespace) {

    /** A named graph and how many triples it holds. */
    public record GraphCount(Link graph, long triples) {}

    /** The resources whose stated type is one class of ours. */
    public record TypeGroup(Link type, List<Link> members) {}
}
