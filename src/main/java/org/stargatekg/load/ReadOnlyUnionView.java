package org.stargatekg.load;

import java.util.Iterator;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphReadOnly;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphReadOnly;

/**
 * A read-only view of a dataset whose default graph is the union of its named graphs, for SPARQL queries and
 * Graph Store Protocol reads alike. Writes through the view throw; the named graphs are served as they are.
 * <p>
 * It is marked {@link DatasetGraphWrapperView} so that ARQ queries the view itself instead of unwrapping it
 * (see {@code QueryEngineFactoryWrapper}).
 */
final class ReadOnlyUnionView extends DatasetGraphReadOnly implements DatasetGraphWrapperView {

    private final Graph union;

    /** Wraps a dataset whose own default graph is empty. */
    ReadOnlyUnionView(DatasetGraph store) {
        super(store);
        this.union = new GraphReadOnly(store.getUnionGraph());
    }

    /** The union of the named graphs, with duplicates removed. */
    @Override
    public Graph getDefaultGraph() {
        return union;
    }

    /** Quads of the default graph are those of the union; other graphs are looked up as they are. */
    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        return super.find(Quad.isDefaultGraph(g) ? Quad.unionGraph : g, s, p, o);
    }

    /** Containment in the default graph means containment in some named graph. */
    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        return super.contains(Quad.isDefaultGraph(g) ? Quad.unionGraph : g, s, p, o);
    }
}
