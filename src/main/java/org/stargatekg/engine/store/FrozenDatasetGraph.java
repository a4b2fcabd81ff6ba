package org.stargatekg.engine.store;

import static org.stargatekg.engine.store.QuadOrder.G;
import static org.stargatekg.engine.store.QuadOrder.O;
import static org.stargatekg.engine.store.QuadOrder.P;
import static org.stargatekg.engine.store.QuadOrder.S;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.main.StageBuilder;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;
import org.stargatekg.engine.EnginePatch;

/**
 * A read-only in-memory dataset of named graphs for a graph that does not change between starts: every term is held
 * once ({@link NodeDictionary}) and each quad is four ints, sorted in six orders (GSPO, GPOS, GOSP, SPOG, POSG, OSPG)
 * so that any pattern, in one graph or across all, is one contiguous range of one order: found through a start
 * table for the first component, then by binary search within it.
 * Its default graph holds the quads added to the default graph (none for the served graph, whose default graph is the
 * union view over this store); its union graph gives each triple of the named graphs once, duplicates being adjacent
 * in the orders that end with the graph. Built by {@link Builder}; every write throws.
 */
public final class FrozenDatasetGraph extends ReadOnlyDatasetGraph {

    private final NodeDictionary terms;
    /** Component columns (G, S, P, O) in the primary order, GSPO. */
    private final int[][] columns;
    private final int count;
    /** Orders whose first component is the graph, then orders that end with it. */
    private final QuadOrder[] inGraph;
    private final QuadOrder[] acrossGraphs;
    private final List<Node> graphNames;
    /** The id the default graph's quads carry as their graph, or -1 when it is empty. */
    private final int defaultId;
    private final Graph defaultGraph = GraphView.createDefaultGraph(this);
    private final Graph unionGraph = new UnionGraph(this);
    private final PredicateStatistics statistics;
    private volatile int unionSize = -1;

    private FrozenDatasetGraph(NodeDictionary terms, int[][] columns, int count) {
        super("the served graph does not change while served");
        this.terms = terms;
        this.columns = columns;
        this.count = count;
        int ids = terms.size();
        int[][] shapes = {{G, P, O, S}, {G, O, S, P}, {S, P, O, G}, {P, O, S, G}, {O, S, P, G}};
        // The primary order is sorted by graph first, so the orders ending with the graph need no pass for it.
        // The five sorts are independent: run them on every core (a parallel stream also uses the calling thread).
        int[][] positions = IntStream.range(0, shapes.length).parallel()
                                     .mapToObj(i -> QuadOrder.sort(columns, shapes[i], count, ids, shapes[i][3] == G ? 1 : 0))
                                     .toArray(int[][]::new);
        this.inGraph = new QuadOrder[] {
            new QuadOrder(new int[] {G, S, P, O}, null, columns, count, ids),
            new QuadOrder(shapes[0], positions[0], columns, count, ids),
            new QuadOrder(shapes[1], positions[1], columns, count, ids)};
        this.acrossGraphs = new QuadOrder[] {
            new QuadOrder(shapes[2], positions[2], columns, count, ids),
            new QuadOrder(shapes[3], positions[3], columns, count, ids),
            new QuadOrder(shapes[4], positions[4], columns, count, ids)};
        int dflt = terms.id(Quad.defaultGraphIRI);
        this.defaultId = dflt >= 0 && hasGraph(dflt) ? dflt : -1;
        List<Node> names = new ArrayList<>();
        for (int i = 0; i < count; i++)
            if ((i == 0 || columns[G][i] != columns[G][i - 1]) && columns[G][i] != defaultId)
                names.add(terms.node(columns[G][i]));
        this.graphNames = Collections.unmodifiableList(names);
        this.statistics = new PredicateStatistics(columns, acrossGraphs[0], acrossGraphs[1], acrossGraphs[2], count, ids);
        // Queries over this dataset plan their basic graph patterns with counts from these indexes.
        if (EnginePatch.COUNTING_PLANNER.patched())
            StageBuilder.setGenerator(getContext(), new CountingStageGenerator(this));
    }

    /** Starts an empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The number of quads. */
    public long quadCount() {
        return count;
    }

    /** The number of quads, in any graph, whose components equal the bound ones (ids, -1 for unbound; G is ignored). */
    long count(int s, int p, int o) {
        int[] key = {-1, s, p, o};
        QuadOrder order = best(acrossGraphs, key);
        int k = order.boundPrefix(key);
        if (k == 0)
            return count;
        int from = order.firstFrom(key), to = order.firstTo(key);
        if (k == 1)
            return to - from;
        int lo = order.lowerBound(key, k, from, to);
        return order.upperBound(key, k, lo, to) - lo;
    }

    /** The id of a term, or -1 if no quad uses it. */
    int id(Node node) {
        return terms.id(node);
    }

    /** Per predicate id: how many distinct subjects and objects it has, for the query planner. */
    PredicateStatistics predicateStatistics() {
        return statistics;
    }

    @Override
    protected Iterator<Quad> findInDftGraph(Node s, Node p, Node o) {
        return defaultId < 0 ? Collections.emptyIterator() : findInSpecificNamedGraph(Quad.defaultGraphIRI, s, p, o);
    }

    @Override
    protected Iterator<Quad> findInSpecificNamedGraph(Node g, Node s, Node p, Node o) {
        int[] key = key(g, s, p, o);
        return key == null ? Collections.emptyIterator() : new Matches(best(inGraph, key), key, null, -1);
    }

    @Override
    protected Iterator<Quad> findInAnyNamedGraphs(Node s, Node p, Node o) {
        int[] key = key(Node.ANY, s, p, o);
        return key == null ? Collections.emptyIterator() : new Matches(best(acrossGraphs, key), key, null, defaultId);
    }

    /** Each triple of the named graphs once, as a quad in {@link Quad#unionGraph}. */
    @Override
    public Iterator<Quad> findQuadsInUnionGraph(Node s, Node p, Node o) {
        int[] key = key(Node.ANY, s, p, o);
        return key == null ? Collections.emptyIterator() : new Matches(best(acrossGraphs, key), key, Quad.unionGraph, defaultId);
    }

    @Override
    public Iterator<Triple> findInUnionGraph(Node s, Node p, Node o) {
        Iterator<Quad> quads = findQuadsInUnionGraph(s, p, o);
        return WrappedIterator.create(quads).mapWith(Quad::asTriple);
    }

    /** Ids of the bound terms (G, S, P, O), -1 for unbound; null when a bound term is in no quad. */
    private int[] key(Node g, Node s, Node p, Node o) {
        Node[] nodes = {g, s, p, o};
        int[] key = new int[4];
        for (int c = 0; c < 4; c++) {
            Node n = nodes[c];
            if (n == null || n == Node.ANY || n.isVariable()) {
                key[c] = -1;
            } else {
                key[c] = terms.id(n);
                if (key[c] < 0)
                    return null;
            }
        }
        return key;
    }

    /** The order whose leading components cover the most bound ones (each set of bound components has one that covers all). */
    private static QuadOrder best(QuadOrder[] orders, int[] key) {
        QuadOrder best = orders[0];
        for (QuadOrder order : orders)
            if (order.boundPrefix(key) > best.boundPrefix(key))
                best = order;
        return best;
    }

    /**
     * The quads in one range of one order that match every bound component, except those of the graph {@code skipGraph}
     * (the default graph, when looking across the named ones); with a graph name given, distinct triples in that graph.
     */
    private final class Matches implements Iterator<Quad> {
        private final QuadOrder order;
        private final int[] key;
        private final Node asGraph;
        private final int skipGraph;
        private final int end;
        private int i;
        private int lastS = -1, lastP = -1, lastO = -1;
        private Quad next;

        Matches(QuadOrder order, int[] key, Node asGraph, int skipGraph) {
            this.order = order;
            this.key = key;
            this.asGraph = asGraph;
            this.skipGraph = skipGraph;
            int k = order.boundPrefix(key);
            int from = k > 0 ? order.firstFrom(key) : 0;
            int to = k > 0 ? order.firstTo(key) : count;
            this.i = k > 1 ? order.lowerBound(key, k, from, to) : from;
            this.end = k > 1 ? order.upperBound(key, k, i, to) : to;
        }

        @Override
        public boolean hasNext() {
            while (next == null && i < end) {
                int pos = order.position(i++);
                if (!matches(pos) || columns[G][pos] == skipGraph)
                    continue;
                int s = columns[S][pos], p = columns[P][pos], o = columns[O][pos];
                if (asGraph != null) {
                    if (s == lastS && p == lastP && o == lastO)
                        continue;
                    lastS = s;
                    lastP = p;
                    lastO = o;
                }
                Node g = asGraph != null ? asGraph : terms.node(columns[G][pos]);
                next = Quad.create(g, terms.node(s), terms.node(p), terms.node(o));
            }
            return next != null;
        }

        private boolean matches(int pos) {
            for (int c = 0; c < 4; c++)
                if (key[c] >= 0 && columns[c][pos] != key[c])
                    return false;
            return true;
        }

        @Override
        public Quad next() {
            if (!hasNext())
                throw new NoSuchElementException();
            Quad q = next;
            next = null;
            return q;
        }
    }

    /** The number of distinct triples across the named graphs (the union graph's size), counted once when first asked. */
    private int unionSize() {
        int n = unionSize;
        if (n < 0) {
            QuadOrder spog = acrossGraphs[0];
            int lastS = -1, lastP = -1, lastO = -1;
            n = 0;
            for (int i = 0; i < count; i++) {
                int pos = spog.position(i);
                if (columns[G][pos] == defaultId)
                    continue;
                int s = columns[S][pos], p = columns[P][pos], o = columns[O][pos];
                if (s != lastS || p != lastP || o != lastO)
                    n++;
                lastS = s;
                lastP = p;
                lastO = o;
            }
            unionSize = n;
        }
        return n;
    }

    /** Whether some named graph holds the triple of three given terms. */
    private boolean unionContains(Node s, Node p, Node o) {
        int si = terms.id(s), pi = terms.id(p), oi = terms.id(o);
        if (si < 0 || pi < 0 || oi < 0)
            return false;
        if (defaultId < 0)
            return count(si, pi, oi) > 0;
        // The default graph's own quads are not in the union: look for a quad of the triple in a named graph.
        int[] key = {-1, si, pi, oi};
        return new Matches(best(acrossGraphs, key), key, Quad.unionGraph, defaultId).hasNext();
    }

    /**
     * The union of the named graphs, each triple once without a set of seen triples. A contains test of a whole triple
     * is one count in the index (no iterator), and the size is counted once: the loader's inference asks both of the
     * asserted triples, millions of times.
     */
    private static final class UnionGraph extends GraphView {
        UnionGraph(FrozenDatasetGraph dsg) {
            super(dsg, Quad.unionGraph);
        }

        @Override
        protected ExtendedIterator<Triple> graphUnionFind(Node s, Node p, Node o) {
            return WrappedIterator.createNoRemove(((FrozenDatasetGraph) getDataset()).findInUnionGraph(s, p, o));
        }

        @Override
        protected boolean graphBaseContains(Triple t) {
            if (!t.isConcrete())
                return super.graphBaseContains(t);
            return ((FrozenDatasetGraph) getDataset()).unionContains(t.getSubject(), t.getPredicate(), t.getObject());
        }

        @Override
        protected int graphBaseSize() {
            return ((FrozenDatasetGraph) getDataset()).unionSize();
        }
    }

    @Override
    public Graph getDefaultGraph() {
        return defaultGraph;
    }

    @Override
    public Graph getUnionGraph() {
        return unionGraph;
    }

    @Override
    public Graph getGraph(Node graphNode) {
        if (Quad.isUnionGraph(graphNode))
            return unionGraph;
        if (Quad.isDefaultGraph(graphNode))
            return defaultGraph;
        return GraphView.createNamedGraph(this, graphNode);
    }

    @Override
    public boolean containsGraph(Node graphNode) {
        if (Quad.isDefaultGraph(graphNode) || Quad.isUnionGraph(graphNode))
            return true;
        int id = terms.id(graphNode);
        return id >= 0 && id != defaultId && hasGraph(id);
    }

    /** Whether some quad has this term id as its graph. */
    private boolean hasGraph(int id) {
        int[] key = {id, -1, -1, -1};
        return inGraph[0].firstFrom(key) < inGraph[0].firstTo(key);
    }

    @Override
    public Iterator<Node> listGraphNodes() {
        return graphNames.iterator();
    }

    @Override
    public long size() {
        return graphNames.size();
    }

    @Override
    public boolean isEmpty() {
        return count == 0;
    }

    /** Collects named graphs, then sorts them once into a {@link FrozenDatasetGraph}; a triple added twice to one graph is kept once. */
    public static final class Builder {
        private final NodeDictionary terms = new NodeDictionary();
        private int[][] columns = new int[4][1 << 12];
        private int count;

        private Builder() {
        }

        /** Adds every triple of a graph to the named graph {@code name}. */
        public Builder add(Node name, Graph graph) {
            int g = terms.intern(name);
            graph.find().forEachRemaining(t -> add(g, t));
            return this;
        }

        /** Adds triples to the named graph {@code name}. */
        public Builder add(Node name, Iterable<Triple> triples) {
            int g = terms.intern(name);
            triples.forEach(t -> add(g, t));
            return this;
        }

        /** Adds one quad, to a named graph or to the default graph ({@link Quad#isDefaultGraph}). */
        public Builder add(Quad quad) {
            Node g = quad.isDefaultGraph() ? Quad.defaultGraphIRI : quad.getGraph();
            return add(terms.intern(g), quad.asTriple());
        }

        private Builder add(int g, Triple t) {
            if (count == columns[0].length)
                for (int c = 0; c < 4; c++)
                    columns[c] = java.util.Arrays.copyOf(columns[c], count * 2);
            columns[G][count] = g;
            columns[S][count] = terms.intern(t.getSubject());
            columns[P][count] = terms.intern(t.getPredicate());
            columns[O][count] = terms.intern(t.getObject());
            count++;
            return this;
        }

        /**
         * A store of what was added so far, leaving the builder as it was so that more can be added: the loader infers
         * from the asserted quads through this store's indexes, then adds the inferred ones and builds the store it
         * serves, instead of first copying every article into one more indexed graph.
         */
        public FrozenDatasetGraph snapshot() {
            return sorted(terms.copy());
        }

        /** Sorts what was added; the builder must not be used afterwards. */
        public FrozenDatasetGraph build() {
            terms.trim();
            FrozenDatasetGraph built = sorted(terms);
            columns = null;
            return built;
        }

        /** The quads added so far sorted into a store over the given dictionary; duplicates in one graph kept once. */
        private FrozenDatasetGraph sorted(NodeDictionary terms) {
            int[] order = QuadOrder.sort(columns, new int[] {G, S, P, O}, count, terms.size(), 0);
            int[][] sorted = new int[4][];
            int n = 0;
            for (int c = 0; c < 4; c++)
                sorted[c] = new int[count];
            for (int i = 0; i < count; i++) {
                int q = order[i];
                if (n > 0 && columns[G][q] == sorted[G][n - 1] && columns[S][q] == sorted[S][n - 1]
                        && columns[P][q] == sorted[P][n - 1] && columns[O][q] == sorted[O][n - 1])
                    continue;
                for (int c = 0; c < 4; c++)
                    sorted[c][n] = columns[c][q];
                n++;
            }
            for (int c = 0; c < 4; c++)
                sorted[c] = java.util.Arrays.copyOf(sorted[c], n);
            return new FrozenDatasetGraph(terms, sorted, n);
        }
    }
}
