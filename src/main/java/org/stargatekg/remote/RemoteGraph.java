package org.stargatekg.remote;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.shared.AddDeniedException;
import org.apache.jena.shared.DeleteDeniedException;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;

/**
 * One graph of a {@link RemoteStore}, read-only: a named graph, or the union of our named graphs.
 * A find or contains with a subject (else an object) answers from {@link RemoteQuads}: everything about that node in
 * all our graphs, fetched in one SELECT and kept for the rest of the read transaction, since pages ask many small
 * questions about few nodes. Finds by predicate alone fetch that predicate's triples of this graph, kept likewise.
 */
final class RemoteGraph extends GraphBase {

    private final RemoteStore store;
    private final Node name;
    private final ReadCache cache;
    private final RemoteQuads quads;

    /** A named graph, or the union of ours when {@code name} is {@link Quad#unionGraph}. */
    RemoteGraph(RemoteStore store, Node name, ReadCache cache, RemoteQuads quads) {
        this.store = store;
        this.name = name;
        this.cache = cache;
        this.quads = quads;
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple m) {
        return WrappedIterator.create(matching(m.getMatchSubject(), m.getMatchPredicate(), m.getMatchObject()).iterator());
    }

    /** A contains by predicate alone (is this node used as a property?) is one ASK, not a fetch of every such triple. */
    @Override
    protected boolean graphBaseContains(Triple t) {
        Node s = t.getMatchSubject();
        Node p = t.getMatchPredicate();
        Node o = t.getMatchObject();
        if (!RemoteQuads.answers(s, o) && RemoteQuads.bound(p) && (Quad.isUnionGraph(name) || store.isOurs(name))) {
            Boolean known = Quad.isUnionGraph(name) ? cache.known().isPredicate(p) : null;
            return known != null ? known : store.ask("ASK { " + where(null, p, null) + " }");
        }
        return !matching(s, p, o).isEmpty();
    }

    /** The number of triples, counted by the store rather than fetched. */
    @Override
    protected int graphBaseSize() {
        if (!Quad.isUnionGraph(name) && !store.isOurs(name))
            return 0;
        String pattern = Quad.isUnionGraph(name) ? "{ SELECT DISTINCT ?s ?p ?o WHERE { " + where(null, null, null) + " } }"
                                                 : where(null, null, null);
        String query = "SELECT (COUNT(*) AS ?n) WHERE { " + pattern + " }";
        return Integer.parseInt(store.select(query).get(0).get("n").getLiteralLexicalForm());
    }

    private List<Triple> matching(Node s, Node p, Node o) {
        if (!Quad.isUnionGraph(name) && !store.isOurs(name))
            return List.of();
        if (RemoteQuads.answers(s, o)) {
            // Around a node: from the quads of all our graphs about it, shared by the union and every named graph.
            List<Quad> around = quads.find(s, p, o);
            if (around.isEmpty())
                return List.of();
            boolean union = Quad.isUnionGraph(name);
            if (union && around.size() == 1)
                return List.of(around.get(0).asTriple());
            // The same triple may be in several of our graphs: the union holds it once.
            Set<Triple> out = new LinkedHashSet<>();
            for (Quad q : around)
                if (union || q.getGraph().equals(name))
                    out.add(q.asTriple());
            return List.copyOf(out);
        }
        List<Triple> fetched = cache.get(name + " P " + p, () -> fetch(null, p, null));
        Triple pattern = Triple.createMatch(s, p, o);
        return fetched.stream().filter(pattern::matches).toList();
    }

    private List<Triple> fetch(Node s, Node p, Node o) {
        String query = "SELECT " + (Quad.isUnionGraph(name) ? "DISTINCT" : "") + Patterns.vars(s, p, o) + " WHERE { " + where(s, p, o) + " }";
        return Patterns.triples(store.select(query), s, p, o);
    }

    private String where(Node s, Node p, Node o) {
        if (Quad.isUnionGraph(name))
            return "GRAPH ?g { " + Patterns.triple(s, p, o) + " } " + store.graphFilter("g");
        return "GRAPH " + Patterns.term(name, "g") + " { " + Patterns.triple(s, p, o) + " }";
    }

    @Override
    public void performAdd(Triple t) {
        throw new AddDeniedException("read-only: an external store", t);
    }

    @Override
    public void performDelete(Triple t) {
        throw new DeleteDeniedException("read-only: an external store", t);
    }
}
