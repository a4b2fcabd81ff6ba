package org.stargatekg.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/** Lays out a resource's neighbourhood on a circle, server-side, so the picture reads without JavaScript. */
final class ExplorePages {

    private static final int WIDTH = 1040;
    private static final int HEIGHT = 860;
    private static final int LABEL_CHARS = 34;
    private static final int MAX_NEIGHBOURS = 36;

    private final Site site;
    private final ResourcePages pages;

    ExplorePages(Site site, ResourcePages pages) {
        this.site = site;
        this.pages = pages;
    }

    ExplorePage page(Node center) {
        return page(center, false);
    }

    /** The picture around a node; link records of the outside-links graph (rdf:Statement) only when asked for. */
    ExplorePage page(Node center, boolean records) {
        Labels labels = pages.labels();
        Graph g = site.union();
        Map<Node, List<Triple>> neighbours = new LinkedHashMap<>();
        // In IRI order, not the store's: the layout must not depend on which store answers (embedded, TDB2, external).
        for (Triple t : sorted(g.find(center, Node.ANY, Node.ANY).toList(), Triple::getObject))
            if (t.getObject().isURI() && !t.getPredicate().equals(Terms.TYPE) && !t.getObject().equals(center))
                neighbours.computeIfAbsent(t.getObject(), k -> new ArrayList<>()).add(t);
        for (Triple t : sorted(g.find(Node.ANY, Node.ANY, center).toList(), Triple::getSubject))
            if (t.getSubject().isURI() && !t.getPredicate().equals(Terms.TYPE) && !t.getSubject().equals(center)
                && !neighbours.containsKey(t.getSubject()))
                neighbours.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).add(t);
        // A link record names the centre by rdf:subject or rdf:object: known from the triples read, no more questions.
        Set<Node> recordLinks = Set.of(org.apache.jena.vocabulary.RDF.subject.asNode(), org.apache.jena.vocabulary.RDF.object.asNode());
        List<Node> hiddenRecords = records ? List.of()
                : neighbours.entrySet().stream()
                            .filter(e -> e.getValue().stream().allMatch(t -> t.getObject().equals(center) && recordLinks.contains(t.getPredicate())))
                            .map(Map.Entry::getKey).toList();
        hiddenRecords.forEach(neighbours::remove);
        List<Node> around = new ArrayList<>(neighbours.keySet());
        if (around.size() > MAX_NEIGHBOURS)
            around = around.subList(0, MAX_NEIGHBOURS);
        int c = WIDTH / 2;
        int cy = HEIGHT / 2;
        int rx = 250;
        int ry = HEIGHT / 2 - 60;
        List<ExplorePage.Node> nodes = new ArrayList<>();
        List<ExplorePage.Edge> edges = new ArrayList<>();
        Link centre = site.link(center, labels);
        nodes.add(new ExplorePage.Node(centre, c, cy, true, kind(center), exploreHref(center), c, cy + 34, "middle",
                                       shorten(centre.label())));
        for (int i = 0; i < around.size(); i++) {
            Node n = around.get(i);
            double angle = 2 * Math.PI * i / around.size() - Math.PI / 2;
            int x = (int) Math.round(c + rx * Math.cos(angle));
            int y = (int) Math.round(cy + ry * Math.sin(angle));
            Link link = site.link(n, labels);
            // Labels point away from the centre so that they do not cross the lines.
            String anchor = x > c + 20 ? "start" : x < c - 20 ? "end" : "middle";
            int lx = anchor.equals("start") ? x + 14 : anchor.equals("end") ? x - 14 : x;
            int ly = anchor.equals("middle") ? (y < cy ? y - 16 : y + 24) : y + 4;
            nodes.add(new ExplorePage.Node(link, x, y, false, kind(n), exploreHref(n), lx, ly, anchor, shorten(link.label())));
            List<Triple> ts = neighbours.get(n);
            Triple first = ts.get(0);
            boolean incoming = first.getObject().equals(center);
            String ours = site.namespaces().ontology();
            List<Triple> shown = ts.stream().filter(t -> t.getPredicate().getURI().startsWith(ours)).toList();
            String label = (shown.isEmpty() ? ts : shown).stream().map(t -> labels.label(t.getPredicate())).distinct()
                             .reduce((a, b) -> a + ", " + b).orElse("");
            // The label sits nearer the neighbour than the centre, so that labels do not pile up in the middle.
            edges.add(new ExplorePage.Edge(c, cy, x, y, label, incoming, ts.stream().allMatch(site::isInferred),
                                           (int) Math.round(c + 0.62 * (x - c)), (int) Math.round(cy + 0.62 * (y - cy)) - 3));
        }
        return new ExplorePage(site.link(center, labels), WIDTH, HEIGHT, nodes, edges, hiddenRecords.size(), records);
    }

    /** The triples ordered by the neighbour's IRI, then the predicate's. */
    private static List<Triple> sorted(List<Triple> triples, Function<Triple, Node> neighbour) {
        return triples.stream().sorted(Comparator.comparing((Triple t) -> neighbour.apply(t).toString())
                                                 .thenComparing(t -> t.getPredicate().getURI())).toList();
    }

    private static String shorten(String label) {
        return label.length() <= LABEL_CHARS ? label : label.substring(0, LABEL_CHARS - 1).stripTrailing() + "…";
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
