package org.stargatekg.remote;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;

/**
 * The quads of our graphs around one node, each with the named graph that holds it: everything with the node as
 * subject (or, when the subject is open, as object), fetched in one SELECT and kept for the rest of the read
 * transaction. The union, each named graph and the dataset's quad finds all answer from the same rows, so a page
 * that lists a resource's triples, asks which of them are inferred and writes them as N-Quads asks the store once
 * per node, not once per triple.
 */
final class RemoteQuads {

    private final RemoteStore store;
    private final ReadCache cache;

    RemoteQuads(RemoteStore store, ReadCache cache) {
        this.store = store;
        this.cache = cache;
    }

    /** Whether a pattern can be answered here: its subject or its object is given. */
    static boolean answers(Node s, Node o) {
        return bound(s) || bound(o);
    }

    /** The quads in our graphs matching (s, p, o); the subject or the object must be given. */
    List<Quad> find(Node s, Node p, Node o) {
        if (!answers(s, o))
            throw new IllegalArgumentException("neither subject nor object given");
        List<Quad> around = bound(s) ? cache.peek(key("S", s)) : null;
        if (around == null && bound(o))
            around = cache.peek(key("O", o));
        if (around == null)
            around = bound(s) ? cache.get(key("S", s), () -> fetch(s, null)) : cache.get(key("O", o), () -> fetch(null, o));
        Quad pattern = new Quad(Node.ANY, s == null ? Node.ANY : s, p == null ? Node.ANY : p, o == null ? Node.ANY : o);
        return around.stream().filter(q -> matches(pattern, q)).toList();
    }

    private static boolean matches(Quad pattern, Quad q) {
        return pattern.getSubject().matches(q.getSubject()) && pattern.getPredicate().matches(q.getPredicate())
               && pattern.getObject().matches(q.getObject());
    }

    private List<Quad> fetch(Node s, Node o) {
        String query = "SELECT" + Patterns.vars(Node.ANY, s, Node.ANY, o) + " WHERE { GRAPH ?g { " + Patterns.triple(s, Node.ANY, o)
                       + " } " + store.graphFilter("g") + " }";
        return Patterns.quads(store.select(query), Node.ANY, s, Node.ANY, o);
    }

    private static String key(String slot, Node n) {
        return "quads " + slot + " " + n;
    }

    static boolean bound(Node n) {
        return n != null && n != Node.ANY;
    }
}
