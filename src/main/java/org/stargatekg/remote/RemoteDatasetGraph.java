package org.stargatekg.remote;

import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.stargatekg.engine.store.ReadOnlyDatasetGraph;

/**
 * The dataset of a {@link RemoteStore} as a read-only {@code DatasetGraph}, shaped like the embedded one: our named
 * graphs as they are, the default graph the union of them. Every find and contains is a query to the endpoint, so
 * pages built on {@code find}/{@code contains} work unchanged; SPARQL queries are sent whole by {@link RemoteQueryEngine}.
 * Transactions do not isolate (each request to the store is its own) but scope a cache: within one read transaction
 * a question about a node is asked once, and a page can fetch everything it will read around its node first, in one
 * query ({@link #prefetchResourcePage} and the like), so that the number of questions per page does not grow with
 * the node's degree.
 */
public final class RemoteDatasetGraph extends ReadOnlyDatasetGraph {

    private static final Set<Node> LABELS_AND_TYPES = labelsAndTypes();

    private final RemoteStore store;
    private final Graph union;
    private final ReadCache cache = new ReadCache();
    private final RemoteQuads quads;

    /** The dataset read through a store's endpoint. */
    public RemoteDatasetGraph(RemoteStore store) {
        super("an external store");
        this.store = store;
        this.quads = new RemoteQuads(store, cache);
        this.union = new RemoteGraph(store, Quad.unionGraph, cache, quads);
        RemoteQueryEngine.register();
    }

    /** The store this dataset reads. */
    public RemoteStore store() {
        return store;
    }

    /** Fetches, into the open read transaction, what a resource page reads around a node (see {@link Neighbourhood}). */
    public void prefetchResourcePage(Node node) {
        quads.prefetch(Neighbourhood.resourcePage(node));
    }

    /** Fetches, into the open read transaction, what the article view of an article reads. */
    public void prefetchArticlePage(Node article) {
        quads.prefetch(Neighbourhood.articlePage(article));
    }

    /** Fetches, into the open read transaction, what the graph view around a node reads. */
    public void prefetchGraphView(Node node) {
        quads.prefetch(Neighbourhood.graphView(node));
    }

    /** Fetches, into the open read transaction, what the RDF description of a node reads. */
    public void prefetchDescription(Node node) {
        quads.prefetch(Neighbourhood.description(node));
    }

    /**
     * Fetches, into the open read transaction, the labels and classes of some nodes (search hits), in one query per
     * {@value Neighbourhood#MAX_LISTED} nodes.
     */
    public void prefetchLabelsAndTypes(List<Node> nodes) {
        for (int i = 0; i < nodes.size(); i += Neighbourhood.MAX_LISTED)
            quads.prefetch(Neighbourhood.ofNodes(nodes.subList(i, Math.min(nodes.size(), i + Neighbourhood.MAX_LISTED)), LABELS_AND_TYPES));
    }

    private static Set<Node> labelsAndTypes() {
        Set<Node> out = new java.util.LinkedHashSet<>(Neighbourhood.LABELS);
        out.add(RDF.type.asNode());
        return Set.copyOf(out);
    }

    @Override
    public Iterator<Node> listGraphNodes() {
        return store.graphs().iterator();
    }

    /** Whether a graph is one of ours that holds something: from the list of our graphs, kept until the content changes. */
    @Override
    public boolean containsGraph(Node graphNode) {
        if (Quad.isDefaultGraph(graphNode) || Quad.isUnionGraph(graphNode))
            return true;
        return store.isOurs(graphNode) && store.graphs().contains(graphNode);
    }

    @Override
    public Graph getDefaultGraph() {
        return union;
    }

    @Override
    public Graph getUnionGraph() {
        return union;
    }

    @Override
    public Graph getGraph(Node graphNode) {
        if (Quad.isDefaultGraph(graphNode) || Quad.isUnionGraph(graphNode))
            return union;
        return new RemoteGraph(store, graphNode, cache, quads);
    }

    /** The default graph is the union, as in the embedded store. */
    @Override
    protected Iterator<Quad> findInDftGraph(Node s, Node p, Node o) {
        return union.find(s, p, o).mapWith(t -> Quad.create(Quad.defaultGraphIRI, t));
    }

    @Override
    protected Iterator<Quad> findInSpecificNamedGraph(Node g, Node s, Node p, Node o) {
        return getGraph(g).find(s, p, o).mapWith(t -> Quad.create(g, t));
    }

    @Override
    protected Iterator<Quad> findInAnyNamedGraphs(Node s, Node p, Node o) {
        if (RemoteQuads.answers(s, o))
            return quads.find(s, p, o).iterator();
        String query = "SELECT" + Patterns.vars(Node.ANY, s, p, o) + " WHERE { GRAPH ?g { " + Patterns.triple(s, p, o) + " } "
                       + store.graphFilter("g") + " }";
        return Patterns.quads(store.select(query), Node.ANY, s, p, o).iterator();
    }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        if (g == null || g == Node.ANY) {
            return union.contains(s, p, o);
        }
        return getGraph(g).contains(s, p, o);
    }

    /** A transaction scopes the cache: what it fetched is kept until it ends. */
    @Override
    protected void opened() {
        cache.open();
    }

    @Override
    protected void closed() {
        cache.close();
    }
}
