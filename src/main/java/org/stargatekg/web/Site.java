package org.stargatekg.web;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.Lang;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.stargatekg.backend.Backend;
import org.stargatekg.backend.Reads;
import org.stargatekg.vocab.Prefixes;
import org.stargatekg.vocab.AddressMap;
import org.stargatekg.vocab.NIF;
import org.stargatekg.vocab.Namespaces;
import org.stargatekg.vocab.SCHEMA;
import org.stargatekg.vocab.SG;

/**
 * What every page needs to know about the served graph: the dataset, its namespaces and prefixes, our ontology's
 * terms, labels, and the text of each article that evidence passages point into (gathered at start, and again when
 * the backend's content changes).
 */
public final class Site {

    private static final Node SCHEMA_ABOUT = SCHEMA.about.asNode();

    private final Backend backend;
    private final DatasetGraph dataset;
    private final AddressMap addresses;
    private final Namespaces ns;
    private final PrefixMapping prefixes;
    private final Terms terms;
    private final Graph vocabularyLabels;
    private volatile Gathered gathered;

    /** What is gathered from the whole dataset rather than read per page: article texts and the menu, for one version. */
    private record Gathered(long version, Map<Node, String> articleTexts, List<Link> menu, Map<Node, String> inverseLabels,
                            java.util.Set<Triple> external) {}

    /** Gathers what pages need from a backend's dataset (named graphs, the union as default graph). */
    public Site(Backend backend, AddressMap addresses) {
        this.backend = backend;
        this.dataset = backend.dataset();
        this.addresses = addresses;
        this.ns = addresses.namespaces();
        this.prefixes = Prefixes.of(ns);
        this.terms = new Terms();
        this.vocabularyLabels = GraphFactory.createDefaultGraph();
        RDFParser.source("web/vocabulary-labels.ttl").lang(Lang.TURTLE).parse(vocabularyLabels);
        this.gathered = gather(backend.version());
    }

    /** Article texts and the menu as of now; gathered again when the backend's content has changed since. */
    private Gathered gathered() {
        Gathered held = gathered;
        long version = backend.version();
        if (held.version() == version)
            return held;
        Gathered fresh = gather(version);
        gathered = fresh;
        return fresh;
    }

    private Gathered gather(long version) {
        return Txn.calculateRead(dataset, () -> {
            Map<Node, String> texts = new HashMap<>();
            dataset.getUnionGraph().find(Node.ANY, NIF.isString, Node.ANY)
                   .forEachRemaining((Triple t) -> texts.put(t.getSubject(), t.getObject().getLiteralLexicalForm()));
            List<Node> articles = newsArticles();
            backend.prefetchLabels(articles);
            Labels labels = new Labels(union(), vocabularyLabels, prefixes, Map.of());
            // Every property's inverse reading, gathered once per version so that no page asks for it again.
            Map<Node, String> inverse = new HashMap<>();
            dataset.getUnionGraph().find(Node.ANY, SG.inverseLabel.asNode(), Node.ANY).forEachRemaining((Triple t) -> {
                if (t.getObject().isLiteral())
                    inverse.put(t.getSubject(), t.getObject().getLiteralLexicalForm());
            });
            // owl:inverseOf is symmetric in the served data (the inferred graph holds both directions).
            dataset.getUnionGraph().find(Node.ANY, Terms.INVERSE, Node.ANY).toList().forEach(t -> {
                String label = labels.label(t.getObject());
                if (t.getObject().isURI() && !label.equals(labels.shortName(t.getObject().getURI())))
                    inverse.put(t.getSubject(), label);
            });
            return new Gathered(version, Map.copyOf(texts), articles.stream().map(a -> link(a, labels)).toList(), Map.copyOf(inverse),
                                externalOnly());
        });
    }

    /** The articles the menu links to. */
    public List<Link> menu() {
        return gathered().menu();
    }

    /** Tells the backend that a page is about to read the labels and types of these nodes (a few questions, not one each). */
    void prefetchLabels(List<Node> nodes) {
        backend.prefetchLabels(nodes);
    }

    /** Tells the backend what a page is about to read around a node, inside the page's read transaction. */
    void prefetch(Reads what, Node node) {
        backend.prefetch(what, node);
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

    AddressMap addresses() {
        return addresses;
    }

    PrefixMapping prefixes() {
        return prefixes;
    }

    Terms terms() {
        return terms;
    }

    Labels labels() {
        return new Labels(union(), vocabularyLabels, prefixes, gathered().inverseLabels());
    }

    /** The full text of an article (a nif:Context), or null. */
    String articleText(Node context) {
        return gathered().articleTexts().get(context);
    }

    /** The articles of the data (every sg:NewsArticle), in IRI order: what the menu and home page list. */
    List<Node> newsArticles() {
        return union().find(Node.ANY, Terms.TYPE, SG.NewsArticle.asNode()).mapWith(Triple::getSubject)
                      .filterKeep(Node::isURI).toList().stream().distinct().sorted(Comparator.comparing(Node::getURI)).toList();
    }

    /** What the first article is about (its schema:about), else the article itself: where the graph view starts. */
    String mainTopic() {
        List<Node> articles = newsArticles();
        if (articles.isEmpty())
            return addresses.iri("/");
        Node about = first(articles.get(0), SCHEMA_ABOUT);
        return (about != null && about.isURI() ? about : articles.get(0)).getURI();
    }

    /** The articles whose texts we hold. */
    Map<Node, String> articles() {
        return gathered().articleTexts();
    }

    /** Whether the IRI is one of ours (it has a local address here). */
    boolean isLocal(String iri) {
        return addresses.isLocal(iri);
    }

    /** Whether a node appears in the dataset as subject or object, or names a graph. */
    boolean exists(Node node) {
        Graph g = union();
        return g.contains(node, Node.ANY, Node.ANY) || g.contains(Node.ANY, Node.ANY, node)
                || g.contains(Node.ANY, node, Node.ANY) || dataset.containsGraph(node);
    }

    /** A link to a node: our IRIs link to their local address, others to their IRI. */
    Link link(Node node, Labels labels) {
        String iri = node.isURI() ? node.getURI() : "_:" + node.getBlankNodeLabel();
        return new Link(iri, labels.label(node), node.isURI() ? addresses.href(iri) : null, node.isURI() && isLocal(iri));
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

    /**
     * Whether a triple comes only from the outside links of an article folder (a graph named .../external), not from
     * any article's own graph: the article never stated it.
     */
    boolean isExternal(Triple t) {
        return gathered().external().contains(t);
    }

    /** The triples of the outside-links graphs (…/external) that their article's own graph does not also state. */
    private java.util.Set<Triple> externalOnly() {
        java.util.Set<Triple> out = new java.util.HashSet<>();
        dataset.listGraphNodes().forEachRemaining(name -> {
            if (!name.isURI() || !name.getURI().endsWith("/external"))
                return;
            String article = name.getURI().substring(0, name.getURI().length() - "/external".length());
            Graph own = dataset.containsGraph(NodeFactory.createURI(article)) ? dataset.getGraph(NodeFactory.createURI(article)) : null;
            for (Triple t : dataset.getGraph(name).find().toList())
                if (own == null || !own.contains(t))
                    out.add(t);
        });
        return java.util.Set.copyOf(out);
    }

    /** Whether a triple is only there by inference (it sits in the inferred graph). */
    boolean isInferred(Triple t) {
        return dataset.getGraph(ns.inferredGraph()).contains(t);
    }
}
