package org.stargatekg.remote;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quads of our graphs around one node, each with the named graph that holds it. A find answers from what the
 * read transaction already holds ({@link Known}: a {@link Neighbourhood} fetched for the page, or an earlier find)
 * wherever that is complete; otherwise it fetches everything with the node as subject (or, when the subject is open,
 * as object) in one SELECT and keeps it for the rest of the transaction. The union, each named graph and the
 * dataset's quad finds all answer from the same quads.
 */
final class RemoteQuads {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteQuads.class);

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
        Known known = cache.known();
        List<Quad> held = known.find(s, p, o);
        if (held != null)
            return held;
        if (LOG.isDebugEnabled())
            LOG.debug("not held: {} {} {}", s, p, o);
        if (bound(s)) {
            fetch(s, null).forEach(known::add);
            known.coverSubject(s, Known.Cover.ALL);
        } else {
            fetch(null, o).forEach(known::add);
            known.coverObject(o, Known.Cover.ALL);
        }
        return known.find(s, p, o);
    }

    /** Fetches what a {@link Neighbourhood} describes into this transaction, in one query. */
    void prefetch(Neighbourhood around) {
        if (!cache.isOpen())
            return; // Nothing would keep it.
        around.fetch(store, cache.known());
    }

    private List<Quad> fetch(Node s, Node o) {
        String query = "SELECT" + Patterns.vars(Node.ANY, s, Node.ANY, o) + " WHERE { GRAPH ?g { " + Patterns.triple(s, Node.ANY, o)
                       + " } " + store.graphFilter("g") + " }";
        return Patterns.quads(store.select(query), Node.ANY, s, Node.ANY, o);
    }

    static boolean bound(Node n) {
        return n != null && n != Node.ANY;
    }
}
