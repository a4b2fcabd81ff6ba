package org.stargatekg.web;

import java.util.HashMap;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.Lang;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.stargatekg.load.KnowledgeGraph;
import org.stargatekg.vocab.NIF;
import org.stargatekg.vocab.Namespaces;

/**
 * What every page needs to know about the served graph, gathered once at start: the dataset, its namespaces and
 * prefixes, our ontology's terms, labels, and the text of each article that evidence passages point into.
 */
public final class Site {

    private final DatasetGraph dataset;
    private final Namespaces ns;
    private final PrefixMapping prefixes;
    private final Terms terms;
    private final Graph vocabularyLabels;
    private final Map<Node, String> articleTexts = new HashMap<>();

    /** Gathers what pages need from a loaded knowledge graph. */
    public Site(KnowledgeGraph kg) {
        this(kg.dataset().asDatasetGraph(), kg.namespaces());
    }

    /** Gathers what pages need from any dataset shaped like a loaded one: named graphs, the union as default graph. */
    public Site(DatasetGraph dataset, Namespaces ns) {
        this.dataset = dataset;
        this.ns = ns;
        this.prefixes = Prefixes.of(ns);
        this.terms = new Terms(ns);
        this.vocabularyLabels = GraphFactory.createDefaultGraph();
        RDFParser.source("web/vocabulary-labels.ttl").lang(Lang.TURTLE).parse(vocabularyLabels);
        Txn.executeRead(dataset, () -> dataset.getUnionGraph().find(Node.ANY, NIF.isString, Node.ANY)
                .forEachRemaining((Triple t) -> articleTexts.put(t.getSubject(), t.getObject().getLiteralLexicalForm())));
    }

    DatasetGraph dataset() {
        return dataset;
    }

    /** The union of all named graphs: what the pages show. */
    Graph union() {
        return dataset.getUnionGraph();
    }

    Namespaces namespaces() {
        return ns;
    }

    PrefixMapping prefixes() {
        return prefixes;
    }

    Terms terms() {
        return terms;
    }

    Labels labels() {
        return new Labels(union(), vocabularyLabels, prefixes);
    }

    /** The full text of an article (a nif:Context), or null. */
    String articleText(Node context) {
        return articleTexts.get(context);
    }

    /** The articles whose texts we hold. */
    Map<Node, String> articles() {
        return articleTexts;
    }

    /** Whether the IRI is one of ours. */
    boolean isLocal(String iri) {
        return iri.startsWith(ns.base());
    }

    /** Whether a node appears in the dataset as subject or object, or names a graph. */
    boolean exists(Node node) {
        Graph g = union();
        return g.contains(node, Node.ANY, Node.ANY) || g.contains(Node.ANY, Node.ANY, node)
                || g.contains(Node.ANY, node, Node.ANY) || dataset.containsGraph(node);
    }

    /** A link to a node: local IRIs link to themselves (they resolve here), others to their IRI too. */
    Link link(Node node, Labels labels) {
        String iri = node.isURI() ? node.getURI() : "_:" + node.getBlankNodeLabel();
        return new Link(iri, labels.label(node), node.isURI() ? iri : null, node.isURI() && isLocal(iri));
    }

    /** The first object of (s, p) in the union graph, or null. */
    Node first(Node s, Node p) {
        var it = union().find(s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            it.close();
        }
    }

    /** Whether a triple is only there by inference (it sits in the inferred graph). */
    boolean isInferred(Triple t) {
        return dataset.getGraph(ns.inferredGraph()).contains(t);
    }
}
