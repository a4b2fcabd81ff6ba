package org.stargatekg.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/** Lays out a resource's neighbourhood on a circle, server-side, so the picture reads without JavaScript. */
final class ExplorePages {

    private static final int SIZE = 760;
    private static final int MAX_NEIGHBOURS = 36;

    private final Site site;
    private final ResourcePages pages;

    ExplorePages(Site site, ResourcePages pages) {
        this.site = site;
        this.pages = pages;
    }

    ExplorePage page(Node center) {
        Labels labels = pages.labels();
        Graph g = site.union();
        Map<Node, List<Triple>> neighbours = new LinkedHashMap<>();
        for (Triple t : g.find(center, Node.ANY, Node.ANY).toList())
            if (t.getObject().isURI() && !t.getPredicate().equals(Terms.TYPE) && !t.getObject().equals(center))
                neighbours.computeIfAbsent(t.getObject(), k -> new ArrayList<>()).add(t);
        for (Triple t : g.find(Node.ANY, Node.ANY, center).toList())
            if (t.getSubject().isURI() && !t.getPredicate().equals(Terms.TYPE) && !t.getSubject().equals(center)
                && !neighbours.containsKey(t.getSubject()))
                neighbours.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).add(t);
        List<Node> around = new ArrayList<>(neighbours.keySet());
        if (around.size() > MAX_NEIGHBOURS)
            around = around.subList(0, MAX_NEIGHBOURS);
        int c = SIZE / 2;
        int radius = SIZE / 2 - 90;
        List<ExplorePage.Node> nodes = new ArrayList<>();
        List<ExplorePage.Edge> edges = new ArrayList<>();
        nodes.add(new ExplorePage.Node(site.link(center, labels), c, c, true, kind(center), exploreHref(center)));
        for (int i = 0; i < around.size(); i++) {
            Node n = around.get(i);
            double angle = 2 * Math.PI * i / around.size() - Math.PI / 2;
            int x = (int) Math.round(c + radius * Math.cos(angle));
            int y = (int) Math.round(c + radius * Math.sin(angle));
            nodes.add(new ExplorePage.Node(site.link(n, labels), x, y, false, kind(n), exploreHref(n)));
            List<Triple> ts = neighbours.get(n);
            Triple first = ts.get(0);
            boolean incoming = first.getObject().equals(center);
            String ours = site.namespaces().ontology();
            List<Triple> shown = ts.stream().filter(t -> t.getPredicate().getURI().startsWith(ours)).toList();
            String label = (shown.isEmpty() ? ts : shown).stream().map(t -> labels.label(t.getPredicate())).distinct()
                             .reduce((a, b) -> a + ", " + b).orElse("");
            edges.add(new ExplorePage.Edge(c, c, x, y, label, incoming, ts.stream().allMatch(site::isInferred)));
        }
        return new ExplorePage(site.link(center, labels), SIZE, nodes, edges);
    }

    private String kind(Node n) {
        Graph g = site.union();
        Terms t = site.terms();
        if (g.contains(n, Terms.TYPE, t.statement))
            return "statement";
        if (g.contains(n, Terms.TYPE, t.reported))
            return "fact";
        if (g.contains(n, Terms.TYPE, t.evidencePassage))
            return "passage";
        return site.isLocal(n.getURI()) ? "entity" : "external";
    }

    static String exploreHref(Node n) {
        return "/explore?iri=" + URLEncoder.encode(n.getURI(), StandardCharsets.UTF_8);
    }
}
