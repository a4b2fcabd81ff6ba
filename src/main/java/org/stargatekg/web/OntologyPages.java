package org.stargatekg.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/** Documents the ontology from its own triples in the ontology graph: nothing here is written by hand. */
final class OntologyPages {

    private static final int ROW = 26;
    private static final int COLUMN = 190;
    private static final int BOX = 170;
    private static final Comparator<Link> BY_LABEL = Comparator.comparing((Link l) -> l.label().toLowerCase())
                                                               .thenComparing(Link::iri);

    private final Site site;
    private final ResourcePages pages;

    OntologyPages(Site site, ResourcePages pages) {
        this.site = site;
        this.pages = pages;
    }

    /** Whether a node is the ontology itself. */
    boolean isOntology(Node node) {
        return node.equals(site.terms().ontology);
    }

    /** The documentation page of the ontology. */
    OntologyPage page() {
        Graph g = site.dataset().getGraph(site.namespaces().ontologyGraph());
        Labels labels = pages.labels();
        Node ont = site.terms().ontology;
        List<Node> classes = new ArrayList<>();
        List<Node> properties = new ArrayList<>();
        List<Node> individuals = new ArrayList<>();
        for (Triple t : g.find(Node.ANY, Terms.IS_DEFINED_BY, ont).toList()) {
            Node term = t.getSubject();
            if (g.contains(term, Terms.TYPE, Terms.OWL_CLASS))
                classes.add(term);
            else if (g.contains(term, Terms.TYPE, Terms.OBJECT_PROPERTY) || g.contains(term, Terms.TYPE, Terms.DATATYPE_PROPERTY))
                properties.add(term);
            else
                individuals.add(term);
        }
        Comparator<Node> byLabel = Comparator.comparing(n -> labels.label(n).toLowerCase());
        properties.sort(byLabel);
        individuals.sort(byLabel);

        Map<Node, List<Node>> children = new HashMap<>();
        List<Node> roots = new ArrayList<>();
        for (Node c : classes) {
            List<Node> ours = objects(g, c, Terms.SUBCLASS).stream().filter(classes::contains).toList();
            if (ours.isEmpty())
                roots.add(c);
            for (Node parent : ours)
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(c);
        }
        roots.sort(byLabel);
        children.values().forEach(l -> l.sort(byLabel));
        List<OntologyPage.ClassDoc> classDocs = new ArrayList<>();
        Map<Node, int[]> placed = new LinkedHashMap<>();
        List<OntologyPage.Box> boxes = new ArrayList<>();
        List<OntologyPage.Line> lines = new ArrayList<>();
        int[] row = {0};
        for (Node root : roots)
            walk(g, root, 0, children, classes, labels, classDocs, placed, boxes, lines, row, null);

        List<OntologyPage.PropertyDoc> propertyDocs = new ArrayList<>();
        for (Node p : properties) {
            List<String> characteristics = new ArrayList<>();
            if (g.contains(p, Terms.TYPE, Terms.SYMMETRIC))
                characteristics.add("symmetric");
            if (g.contains(p, Terms.TYPE, Terms.TRANSITIVE))
                characteristics.add("transitive");
            String kind = g.contains(p, Terms.TYPE, Terms.DATATYPE_PROPERTY) ? "datatype property" : "object property";
            propertyDocs.add(new OntologyPage.PropertyDoc(site.link(p, labels), kind, text(g, p, Terms.SKOS_DEFINITION),
                    links(g, p, Terms.DOMAIN, labels), links(g, p, Terms.RANGE, labels), links(g, p, Terms.INVERSE, labels),
                    links(g, p, Terms.SUBPROPERTY, labels), characteristics, anchor(p)));
        }
        List<OntologyPage.TermDoc> individualDocs = new ArrayList<>();
        for (Node i : individuals)
            individualDocs.add(new OntologyPage.TermDoc(site.link(i, labels), links(g, i, Terms.TYPE, labels),
                                                        text(g, i, Terms.SKOS_DEFINITION), anchor(i)));
        List<PropertyRow> metadata = new ArrayList<>();
        // Sorted first so that rows with the same label come in the same order from any store.
        List<Triple> about = g.find(ont, Node.ANY, Node.ANY).toList().stream()
                              .sorted(Comparator.comparing((Triple t) -> t.getPredicate().toString()).thenComparing(t -> t.getObject().toString()))
                              .toList();
        for (Triple t : about) {
            Node p = t.getPredicate();
            if (p.equals(Terms.TYPE) || p.equals(Terms.DC_DESCRIPTION) || p.equals(Terms.DC_TITLE))
                continue;
            metadata.add(new PropertyRow(site.link(p, labels), labels.label(p), List.of(pages.value(t, t.getObject()))));
        }
        metadata.sort(Comparator.comparing(PropertyRow::label));
        OntologyPage.Diagram diagram = new OntologyPage.Diagram(
                boxes.stream().mapToInt(b -> b.x() + b.width()).max().orElse(0) + 10, row[0] * ROW + 10, boxes, lines);
        return new OntologyPage(site.link(ont, labels), labels.label(ont), text(g, ont, Terms.DC_DESCRIPTION), metadata,
                                classDocs, propertyDocs, individualDocs, diagram);
    }

    private void walk(Graph g, Node c, int depth, Map<Node, List<Node>> children, List<Node> classes, Labels labels,
                      List<OntologyPage.ClassDoc> docs, Map<Node, int[]> placed, List<OntologyPage.Box> boxes,
                      List<OntologyPage.Line> lines, int[] row, Node parent) {
        int x = 5 + depth * COLUMN;
        int y = 5 + row[0] * ROW;
        if (parent != null && placed.containsKey(parent)) {
            int[] p = placed.get(parent);
            lines.add(new OntologyPage.Line(p[0] + BOX, p[1] + 10, x, y + 10));
        }
        if (placed.containsKey(c)) {
            // Multiple inheritance: draw the class again under this parent, but document it once.
            boxes.add(new OntologyPage.Box(x, y, BOX, labels.label(c), "#" + anchor(c)));
            row[0]++;
            return;
        }
        placed.put(c, new int[] {x, y});
        boxes.add(new OntologyPage.Box(x, y, BOX, labels.label(c), "#" + anchor(c)));
        row[0]++;
        List<Node> supers = objects(g, c, Terms.SUBCLASS);
        List<Link> ours = new ArrayList<>();
        List<Link> aligned = new ArrayList<>();
        for (Node s : supers)
            (classes.contains(s) ? ours : aligned).add(site.link(s, labels));
        // By label, as every other list on the page: the order of the triples is the store's, not ours.
        ours.sort(BY_LABEL);
        aligned.sort(BY_LABEL);
        List<Link> subs = children.getOrDefault(c, List.of()).stream().map(n -> site.link(n, labels)).toList();
        docs.add(new OntologyPage.ClassDoc(site.link(c, labels), depth, text(g, c, Terms.SKOS_DEFINITION), ours, subs,
                                           aligned, anchor(c)));
        for (Node child : children.getOrDefault(c, List.of()))
            walk(g, child, depth + 1, children, classes, labels, docs, placed, boxes, lines, row, c);
    }

    private static String anchor(Node term) {
        String iri = term.getURI();
        return "term-" + iri.substring(iri.lastIndexOf('/') + 1);
    }

    private List<Link> links(Graph g, Node s, Node p, Labels labels) {
        return objects(g, s, p).stream().filter(Node::isURI).map(n -> site.link(n, labels)).sorted(BY_LABEL).toList();
    }

    private static List<Node> objects(Graph g, Node s, Node p) {
        List<Node> out = new ArrayList<>();
        g.find(s, p, Node.ANY).forEachRemaining(t -> out.add(t.getObject()));
        return out;
    }

    private static String text(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : null;
        } finally {
            it.close();
        }
    }
}
