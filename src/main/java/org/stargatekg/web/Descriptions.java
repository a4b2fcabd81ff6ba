package org.stargatekg.web;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The RDF answer for a resource: its triples in both directions, plus the labels of every resource it links to,
 * as a graph (Turtle, JSON-LD, RDF/XML, N-Triples) or with each triple in its named graph (TriG, N-Quads).
 */
final class Descriptions {

    private final Site site;

    Descriptions(Site site) {
        this.site = site;
    }

    /** The description as one graph, with our prefixes. */
    Graph graph(Node node) {
        Graph out = GraphFactory.createDefaultGraph();
        out.getPrefixMapping().setNsPrefixes(site.prefixes());
        Graph union = site.union();
        if (node.equals(site.terms().ontology)) {
            // The ontology IRI gives the whole ontology, as an ontology document should.
            site.dataset().getGraph(site.namespaces().ontologyGraph()).find().forEachRemaining(out::add);
            return usedPrefixesOnly(out);
        }
        if (site.dataset().containsGraph(node) && !union.contains(node, Node.ANY, Node.ANY)) {
            site.dataset().getGraph(node).find().forEachRemaining(out::add);
            return usedPrefixesOnly(out);
        }
        Set<Node> linked = new HashSet<>();
        union.find(node, Node.ANY, Node.ANY).forEachRemaining(t -> {
            out.add(t);
            linked.add(t.getPredicate());
            if (!t.getObject().isLiteral())
                linked.add(t.getObject());
        });
        union.find(Node.ANY, Node.ANY, node).forEachRemaining(t -> {
            out.add(t);
            linked.add(t.getSubject());
            linked.add(t.getPredicate());
        });
        linked.remove(node);
        for (Node n : linked)
            union.find(n, Terms.LABEL, Node.ANY).forEachRemaining(out::add);
        return usedPrefixesOnly(out);
    }

    /** Drops the prefixes no IRI of the graph uses, so answers declare only what they need. */
    private static Graph usedPrefixesOnly(Graph g) {
        Set<String> iris = new HashSet<>();
        g.find().forEachRemaining(t -> {
            for (Node n : new Node[] {t.getSubject(), t.getPredicate(), t.getObject()}) {
                if (n.isURI())
                    iris.add(n.getURI());
                else if (n.isLiteral() && n.getLiteralDatatypeURI() != null)
                    iris.add(n.getLiteralDatatypeURI());
            }
        });
        for (var e : Map.copyOf(g.getPrefixMapping().getNsPrefixMap()).entrySet())
            if (iris.stream().noneMatch(i -> i.startsWith(e.getValue())))
                g.getPrefixMapping().removeNsPrefix(e.getKey());
        return g;
    }

    /** The same description with every triple in the named graph(s) that hold it, so stated and inferred stay apart. */
    DatasetGraph quads(Node node) {
        Graph described = graph(node);
        DatasetGraph dsg = site.dataset();
        DatasetGraph out = DatasetGraphFactory.createGeneral();
        out.prefixes().putAll(site.prefixes().getNsPrefixMap());
        for (Triple t : described.find().toList()) {
            dsg.find(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject()).forEachRemaining(q -> {
                if (!q.isDefaultGraph())
                    out.add(q);
            });
        }
        if (out.isEmpty())
            described.find().forEachRemaining(t -> out.add(Quad.create(Quad.defaultGraphIRI, t)));
        return out;
    }
}
