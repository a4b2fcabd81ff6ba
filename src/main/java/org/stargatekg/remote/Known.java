package org.stargatekg.remote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;

/**
 * What one read transaction has fetched from the store: quads (each with its graph), and which questions they answer
 * completely. A fetch says what it covers ({@link Cover}: everything with a node as subject, or as object, or only
 * some predicates of it), so a later find is answered here only where nothing can be missing; anything else goes to
 * the store.
 */
final class Known {

    private static final Node TYPE = RDF.type.asNode();

    /**
     * The part of a node's quads that is held in full: all of them, or those whose predicate is among
     * {@code predicates}, or {@code rdf:type} quads whose class is among {@code types}.
     */
    record Cover(boolean all, Set<Node> predicates, Set<Node> types) {

        static final Cover ALL = new Cover(true, Set.of(), Set.of());

        static Cover of(Set<Node> predicates, Set<Node> types) {
            return new Cover(false, Set.copyOf(predicates), Set.copyOf(types));
        }

        /** Whether every quad matching predicate {@code p} and object {@code o} (either may be open) is held. */
        boolean answers(Node p, Node o) {
            if (all)
                return true;
            if (!bound(p))
                return false;
            return predicates.contains(p) || (p.equals(TYPE) && bound(o) && types.contains(o));
        }

        Cover and(Cover other) {
            if (all || other == null)
                return this;
            if (other.all)
                return other;
            Set<Node> ps = new HashSet<>(predicates);
            ps.addAll(other.predicates);
            Set<Node> ts = new HashSet<>(types);
            ts.addAll(other.types);
            return new Cover(false, ps, ts);
        }
    }

    /** Two nodes as one key: a subject (or an object) and a predicate. */
    private record Pair(Node node, Node predicate) {}

    private final Set<Quad> quads = new HashSet<>();
    private final Map<Node, List<Quad>> bySubject = new HashMap<>();
    private final Map<Node, List<Quad>> byObject = new HashMap<>();
    // A page asks mostly for one predicate of one node (its labels, its evidence): answered without a scan.
    private final Map<Pair, List<Quad>> bySubjectPredicate = new HashMap<>();
    private final Map<Pair, List<Quad>> byObjectPredicate = new HashMap<>();
    private final Map<Node, Cover> subjects = new HashMap<>();
    private final Map<Node, Cover> objects = new HashMap<>();
    private final Map<Node, Boolean> predicates = new HashMap<>();

    /** Holds a quad (once, whatever number of times it is given). */
    void add(Quad q) {
        if (quads.add(q)) {
            bySubject.computeIfAbsent(q.getSubject(), k -> new ArrayList<>()).add(q);
            byObject.computeIfAbsent(q.getObject(), k -> new ArrayList<>()).add(q);
            bySubjectPredicate.computeIfAbsent(new Pair(q.getSubject(), q.getPredicate()), k -> new ArrayList<>(2)).add(q);
            byObjectPredicate.computeIfAbsent(new Pair(q.getObject(), q.getPredicate()), k -> new ArrayList<>(2)).add(q);
        }
    }

    /** Records that the quads with subject {@code s} that {@code cover} describes are all held. */
    void coverSubject(Node s, Cover cover) {
        subjects.merge(s, cover, Cover::and);
    }

    /** Records that the quads with object {@code o} that {@code cover} describes are all held. */
    void coverObject(Node o, Cover cover) {
        objects.merge(o, cover, Cover::and);
    }

    /** Records whether a node is the predicate of any quad in our graphs. */
    void usedAsPredicate(Node p, boolean used) {
        predicates.put(p, used);
    }

    /** Whether a node is the predicate of any quad in our graphs, if known; else null. */
    Boolean isPredicate(Node p) {
        return predicates.get(p);
    }

    /** The held quads matching (s, p, o), any open, when they are all the store has; null when the store must be asked. */
    List<Quad> find(Node s, Node p, Node o) {
        if (bound(s)) {
            Cover c = subjects.get(s);
            if (c != null && c.answers(p, o))
                return matching(bound(p) ? bySubjectPredicate.getOrDefault(new Pair(s, p), List.of()) : bySubject.getOrDefault(s, List.of()), s, p, o);
        }
        if (bound(o)) {
            Cover c = objects.get(o);
            if (c != null && c.answers(p, null))
                return matching(bound(p) ? byObjectPredicate.getOrDefault(new Pair(o, p), List.of()) : byObject.getOrDefault(o, List.of()), s, p, o);
        }
        return null;
    }

    /** How many quads are held. */
    int size() {
        return quads.size();
    }

    private static List<Quad> matching(List<Quad> around, Node s, Node p, Node o) {
        List<Quad> out = new ArrayList<>();
        for (Quad q : around)
            if ((!bound(s) || s.equals(q.getSubject())) && (!bound(p) || p.equals(q.getPredicate()))
                && (!bound(o) || o.equals(q.getObject())))
                out.add(q);
        return out;
    }

    static boolean bound(Node n) {
        return n != null && n != Node.ANY;
    }
}
