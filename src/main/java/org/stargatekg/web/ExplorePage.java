package org.stargatekg.web;

import java.util.List;

/** A node-link picture of one resource's neighbourhood: the resource in the middle, its neighbours around it. */
public record ExplorePage(Link center, int width, int height, List<Node> nodes, List<Edge> edges, int hiddenRecords,
                          boolean records) {

    /** A resource placed at (x, y); {@code explore} recenters the picture on it, {@code href} opens its page. */
    public record Node(Link link, int x, int y, boolean center, String kind, String explore, int labelX, int labelY,
                       String anchor, String shortLabel) {}

    /** A labelled line between two placed resources; {@code incoming} when it points at the center. */
    public record Edge(int x1, int y1, int x2, int y2, String label, boolean incoming, boolean inferred, int labelX, int labelY) {}
}
