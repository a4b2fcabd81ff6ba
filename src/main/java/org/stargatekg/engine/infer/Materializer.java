package org.stargatekg.engine.infer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Materializes what the ontology's class and property hierarchies, inverses, symmetric and transitive properties
 * imply about the data, and keeps only the new facts about the data: nothing whose subject is a term of the ontology,
 * nothing already asserted, no trivial types.
 * <p>
 * The result is exactly the closure of the forward rules in {@code rules/materialize.rules} (the rule set documents
 * the semantics; {@code MaterializerTest} checks the two agree), computed without a rule engine:
 * <ol>
 * <li>From ontology ∪ data, read the axioms: each class's transitive super-classes, each property's transitive
 *     super-properties, inverses in both directions, symmetric and transitive properties.</li>
 * <li>For each property p, the set of "views" (direction, q) a p-triple implies, closed under super-property, inverse
 *     and symmetry, so that the inverse of a super-property, the super-property of an inverse and so on are all
 *     reached: a triple (x p y) implies (x q y) for each forward view and (y q x) for each backward one. A type
 *     triple (x rdf:type C) implies (x rdf:type D) for each super-class D.</li>
 * <li>One pass over every asserted triple adds what it implies. Given fixed axioms every rule but transitivity has a
 *     single data premise, so the union of these per-triple closures is closed under them.</li>
 * <li>For each transitive property, a graph search over its edges (asserted and inferred) adds the missing paths,
 *     and each new edge is expanded as in 3; repeated until no transitive property gains an edge.</li>
 * <li>If anything inferred is itself an axiom the axioms of step 1 did not already imply (only possible when data or
 *     ontology make statements about rdfs:subClassOf, owl:inverseOf and the like), the axioms grow and it starts
 *     over, so the result is the rules' least fixed point in every case.</li>
 * </ol>
 */
public final class Materializer {

    /** Data graphs of at least this many triples are expanded on every core. */
    static final int PARALLEL_FROM = 50_000;

    private final int parallelFrom;

    /** A materializer that expands large data graphs on every core. */
    public Materializer() {
        this(PARALLEL_FROM);
    }

    /** A materializer that expands data graphs of at least {@code parallelFrom} triples on every core (for tests: 0 always). */
    Materializer(int parallelFrom) {
        this.parallelFrom = parallelFrom;
    }

    /** Classpath location of the rule set whose closure this computes (kept as the reference the tests compare with). */
    static final String RULES = "rules/materialize.rules";

    private static final Set<Node> TRIVIAL_TYPES = Set.of(OWL.Thing.asNode(), RDFS.Resource.asNode());
    private static final Node TYPE = RDF.type.asNode();
    private static final Node SUB_CLASS = RDFS.subClassOf.asNode();
    private static final Node SUB_PROPERTY = RDFS.subPropertyOf.asNode();
    private static final Node INVERSE = OWL.inverseOf.asNode();
    private static final Node SYMMETRIC = OWL.SymmetricProperty.asNode();
    private static final Node TRANSITIVE = OWL.TransitiveProperty.asNode();

    /** The triples the rules add to ontology ∪ data, filtered as the class javadoc says; data may hold the ontology's triples too. */
    public Graph infer(Graph ontology, Graph data) {
        Graph inferred = GraphFactory.createDefaultGraph();
        inferTriples(ontology, data).forEach(inferred::add);
        return inferred;
    }

    /** The same triples as {@link #infer}, each once, without building a graph of them (the loader puts them straight into the store). */
    public List<Triple> inferTriples(Graph ontology, Graph data) {
        List<Triple> extraAxioms = new ArrayList<>();
        while (true) {
            Closure closure = new Closure(ontology, data, new Axioms(List.of(ontology, data), extraAxioms), parallelFrom);
            closure.run();
            List<Triple> unexplained = closure.axioms.unexplained(closure.derived);
            if (unexplained.isEmpty())
                return filter(closure.derived, ontology);
            extraAxioms.addAll(unexplained);
        }
    }

    private static List<Triple> filter(Derived derived, Graph ontology) {
        Set<Node> ontologyTerms = new HashSet<>();
        ontology.find().forEachRemaining(t -> ontologyTerms.add(t.getSubject()));
        // Each part of each set is filtered on any core and the parts joined in order: the same list, in the same order,
        // as one pass over the sets (this pass took longer than the inference itself on one core).
        List<List<Triple>> parts = OrderedParallel.map(derived.parts(), part -> {
            List<Triple> kept = new ArrayList<>();
            part.forEachOnce(t -> {
                if (keep(t, ontologyTerms))
                    kept.add(t);
            });
            return kept;
        });
        List<Triple> inferred = new ArrayList<>(derived.size());
        parts.forEach(inferred::addAll);
        return inferred;
    }

    /**
     * The derived triples: the sets the cores filled while expanding the data, kept as they are rather than copied
     * into one (joining millions of triples into one hash set on one core took most of this step's time at 5 M quads),
     * plus one set for what is derived afterwards. A triple may be in two of the cores' sets (two premises with
     * different subjects can imply it); {@link #parts} skip the repeats.
     */
    /**
     * Each node's strict ancestors; a node is its own ancestor only on a cycle, as the transitivity rule gives (also
     * the super-classes {@link ClassClosureConstraint} checks {@code sh:class} against).
     */
    public static Map<Node, Set<Node>> transitiveClosure(Map<Node, Set<Node>> parents) {
        Map<Node, Set<Node>> out = new HashMap<>();
        for (Node start : parents.keySet()) {
            Set<Node> seen = new LinkedHashSet<>();
            Deque<Node> todo = new ArrayDeque<>(parents.get(start));
            while (!todo.isEmpty()) {
                Node n = todo.pop();
                if (seen.add(n))
                    todo.addAll(parents.getOrDefault(n, Set.of()));
            }
            out.put(start, seen);
        }
        return out;
    }

    private static final class Derived {
        private final List<Set<Triple>> shards = new ArrayList<>();
        private final Set<Triple> own = new HashSet<>();

        Derived() {
            shards.add(own);
        }

        /** Adds the sets filled by the cores (each is kept, not copied). */
        void addShards(List<Set<Triple>> sets) {
            shards.addAll(0, sets);
        }

        boolean contains(Triple t) {
            for (Set<Triple> s : shards)
                if (s.contains(t))
                    return true;
            return false;
        }

        /** Adds a triple none of the sets holds; true if it was new. */
        boolean add(Triple t) {
            if (contains(t))
                return false;
            own.add(t);
            return true;
        }

        /** An upper bound of the number of distinct triples. */
        int size() {
            return shards.stream().mapToInt(Set::size).sum();
        }

        /** Every triple, a triple held by two sets twice (for readers that do not mind). */
        void forEach(Consumer<Triple> action) {
            for (Set<Triple> s : shards)
                s.forEach(action);
        }

        /** Every triple once, in parts: each set split in four, each part skipping what the sets before it hold; in order, the sets' order. */
        List<Part> parts() {
            List<Part> out = new ArrayList<>();
            for (int i = 0; i < shards.size(); i++) {
                List<Set<Triple>> earlier = shards.subList(0, i);
                // A spliterator's split takes the first part of what it covers, so [first, rest] keeps the set's order.
                Spliterator<Triple> rest = shards.get(i).spliterator();
                Spliterator<Triple> first = rest.trySplit();
                for (Spliterator<Triple> half : first == null ? List.of(rest) : List.of(first, rest)) {
                    Spliterator<Triple> quarterRest = half;
                    Spliterator<Triple> quarter = quarterRest.trySplit();
                    if (quarter != null)
                        out.add(new Part(quarter, earlier));
                    out.add(new Part(quarterRest, earlier));
                }
            }
            return out;
        }
    }

    /** Some triples of one of the derived sets, with the sets before it (a triple one of those holds is skipped). */
    private record Part(Spliterator<Triple> triples, List<Set<Triple>> earlier) {
        void forEachOnce(Consumer<Triple> action) {
            triples.forEachRemaining(t -> {
                for (Set<Triple> e : earlier)
                    if (e.contains(t))
                        return;
                action.accept(t);
            });
        }
    }

    /** The filter on inferred triples; "already asserted" is never derived in the first place. */
    private static boolean keep(Triple t, Set<Node> ontologyTerms) {
        Node s = t.getSubject();
        if (!(s.isURI() || s.isBlank()) || !t.getPredicate().isURI())
            return false;
        if (ontologyTerms.contains(s))
            return false;
        if (t.getPredicate().equals(TYPE) && TRIVIAL_TYPES.contains(t.getObject()))
            return false;
        boolean hierarchy = t.getPredicate().equals(SUB_CLASS) || t.getPredicate().equals(SUB_PROPERTY);
        return !(hierarchy && s.equals(t.getObject()));
    }

    /** A way a triple of one property implies a triple of another: the same direction or reversed. */
    private record View(boolean forward, Node property) {}

    /** The axioms the rules use, closed: super-classes and super-properties transitively, inverses both ways. */
    private static final class Axioms {
        final Map<Node, Set<Node>> superClasses;
        final Map<Node, Set<Node>> superProperties;
        final Map<Node, Set<Node>> inverses = new HashMap<>();
        final Set<Node> symmetric = new HashSet<>();
        final Set<Node> transitive = new LinkedHashSet<>();
        private final Map<Node, List<View>> views = new java.util.concurrent.ConcurrentHashMap<>();
        /** False if some property implies rdf:type triples or rdf:type implies other properties' triples (then each triple is expanded generically). */
        final boolean typeIsPlain;

        Axioms(List<Graph> graphs, List<Triple> extra) {
            Map<Node, Set<Node>> subClass = new HashMap<>();
            Map<Node, Set<Node>> subProperty = new HashMap<>();
            Consumer<Triple> read = t -> {
                Node s = t.getSubject();
                Node p = t.getPredicate();
                Node o = t.getObject();
                if (p.equals(SUB_CLASS))
                    subClass.computeIfAbsent(s, k -> new LinkedHashSet<>()).add(o);
                else if (p.equals(SUB_PROPERTY))
                    subProperty.computeIfAbsent(s, k -> new LinkedHashSet<>()).add(o);
                else if (p.equals(INVERSE)) {
                    inverses.computeIfAbsent(s, k -> new LinkedHashSet<>()).add(o);
                    inverses.computeIfAbsent(o, k -> new LinkedHashSet<>()).add(s);
                } else if (p.equals(TYPE) && o.equals(SYMMETRIC))
                    symmetric.add(s);
                else if (p.equals(TYPE) && o.equals(TRANSITIVE))
                    transitive.add(s);
            };
            for (Graph g : graphs) {
                for (Node p : List.of(SUB_CLASS, SUB_PROPERTY, INVERSE))
                    g.find(Node.ANY, p, Node.ANY).forEachRemaining(read);
                g.find(Node.ANY, TYPE, SYMMETRIC).forEachRemaining(read);
                g.find(Node.ANY, TYPE, TRANSITIVE).forEachRemaining(read);
            }
            extra.forEach(read);
            superClasses = transitiveClosure(subClass);
            superProperties = transitiveClosure(subProperty);
            boolean plain = views(TYPE).equals(List.of(new View(true, TYPE)));
            for (Node p : subProperty.keySet())
                plain &= views(p).stream().noneMatch(v -> v.property().equals(TYPE));
            for (Node p : inverses.keySet())
                plain &= views(p).stream().noneMatch(v -> v.property().equals(TYPE));
            for (Node p : symmetric)
                plain &= !p.equals(TYPE);
            typeIsPlain = plain;
        }


        /** Everything a triple of property p implies about its two ends, including itself (forward p). */
        List<View> views(Node p) {
            List<View> known = views.get(p);
            if (known != null)
                return known;
            Set<View> seen = new LinkedHashSet<>();
            Deque<View> todo = new ArrayDeque<>();
            todo.add(new View(true, p));
            while (!todo.isEmpty()) {
                View v = todo.pop();
                if (!seen.add(v))
                    continue;
                for (Node q : superProperties.getOrDefault(v.property(), Set.of()))
                    todo.add(new View(v.forward(), q));
                for (Node q : inverses.getOrDefault(v.property(), Set.of()))
                    todo.add(new View(!v.forward(), q));
                if (symmetric.contains(v.property()))
                    todo.add(new View(!v.forward(), v.property()));
            }
            List<View> list = List.copyOf(seen);
            views.put(p, list);
            return list;
        }

        /** Inferred triples that state an axiom these axioms do not already imply. */
        List<Triple> unexplained(Derived derived) {
            List<Triple> out = new ArrayList<>();
            derived.forEach(t -> {
                Node s = t.getSubject(), p = t.getPredicate(), o = t.getObject();
                boolean axiom;
                if (p.equals(SUB_CLASS))
                    axiom = !s.equals(o) && !superClasses.getOrDefault(s, Set.of()).contains(o);
                else if (p.equals(SUB_PROPERTY))
                    axiom = !s.equals(o) && !superProperties.getOrDefault(s, Set.of()).contains(o);
                else if (p.equals(INVERSE))
                    axiom = !inverses.getOrDefault(s, Set.of()).contains(o);
                else if (p.equals(TYPE) && o.equals(SYMMETRIC))
                    axiom = !symmetric.contains(s);
                else if (p.equals(TYPE) && o.equals(TRANSITIVE))
                    axiom = !transitive.contains(s);
                else
                    axiom = false;
                if (axiom)
                    out.add(t);
            });
            return out;
        }
    }

    /** The closure under fixed axioms: every triple implied and not asserted, before filtering. */
    private static final class Closure {
        final Graph ontology;
        final Graph data;
        final Axioms axioms;
        final Derived derived = new Derived();
        private final int parallelFrom;

        Closure(Graph ontology, Graph data, Axioms axioms, int parallelFrom) {
            this.ontology = ontology;
            this.data = data;
            this.axioms = axioms;
            this.parallelFrom = parallelFrom;
        }

        void run() {
            // The hierarchies' own transitivity: (a subClassOf b), (b subClassOf c) gives (a subClassOf c); likewise for properties.
            axioms.superClasses.forEach((a, supers) -> supers.forEach(c -> addAndExpand(Triple.create(a, SUB_CLASS, c))));
            axioms.superProperties.forEach((a, supers) -> supers.forEach(c -> addAndExpand(Triple.create(a, SUB_PROPERTY, c))));
            ontology.find().forEachRemaining(this::expand);
            expandData();
            boolean grew = !axioms.transitive.isEmpty();
            while (grew) {
                grew = false;
                for (Node p : axioms.transitive)
                    grew |= closeTransitive(p);
            }
        }

        /**
         * Expands every data triple. What a triple implies depends only on it and the axioms, so on a large graph the
         * triples are shared out by subject among the cores, each collecting into its own set, and the sets joined.
         */
        private void expandData() {
            int parts = Runtime.getRuntime().availableProcessors();
            if (parts < 2 || data.size() < parallelFrom) {
                data.find().forEachRemaining(this::expand);
                return;
            }
            List<Set<Triple>> found = OrderedParallel.map(IntStream.range(0, parts).boxed().toList(), part -> {
                Closure worker = new Closure(ontology, data, axioms, Integer.MAX_VALUE);
                data.find().forEachRemaining(t -> {
                    if (Math.floorMod(t.getSubject().hashCode(), parts) == part)
                        worker.expand(t);
                });
                return worker.derived.own;
            });
            derived.addShards(found);
        }

        private boolean asserted(Triple t) {
            return data.contains(t) || ontology.contains(t);
        }

        /** Adds a triple unless asserted or known; true if it was new. */
        private boolean add(Triple t) {
            return !asserted(t) && derived.add(t);
        }

        private void addAndExpand(Triple t) {
            if (add(t))
                expand(t);
        }

        /** Adds everything one triple implies through hierarchies, inverses and symmetry (not transitivity). */
        private void expand(Triple t) {
            if (axioms.typeIsPlain) {
                Node p = t.getPredicate();
                if (p.equals(TYPE)) {
                    for (Node c : axioms.superClasses.getOrDefault(t.getObject(), Set.of()))
                        add(Triple.create(t.getSubject(), TYPE, c));
                    return;
                }
                List<View> views = axioms.views(p);
                if (views.size() == 1)
                    return;
                for (View v : views)
                    add(v.forward() ? Triple.create(t.getSubject(), v.property(), t.getObject())
                                    : Triple.create(t.getObject(), v.property(), t.getSubject()));
                return;
            }
            // Properties that imply types, or types that imply other properties: follow both to a fixed point.
            Set<Triple> seen = new HashSet<>();
            Deque<Triple> todo = new ArrayDeque<>();
            todo.add(t);
            while (!todo.isEmpty()) {
                Triple u = todo.pop();
                if (!seen.add(u))
                    continue;
                add(u);
                for (View v : axioms.views(u.getPredicate()))
                    todo.add(v.forward() ? Triple.create(u.getSubject(), v.property(), u.getObject())
                                         : Triple.create(u.getObject(), v.property(), u.getSubject()));
                if (u.getPredicate().equals(TYPE))
                    for (Node c : axioms.superClasses.getOrDefault(u.getObject(), Set.of()))
                        todo.add(Triple.create(u.getSubject(), TYPE, c));
            }
        }

        /** Adds the missing paths of one transitive property (and what they imply); true if any edge was added. */
        private boolean closeTransitive(Node p) {
            Map<Node, Set<Node>> next = new HashMap<>();
            Consumer<Triple> edge = t -> next.computeIfAbsent(t.getSubject(), k -> new LinkedHashSet<>()).add(t.getObject());
            ontology.find(Node.ANY, p, Node.ANY).forEachRemaining(edge);
            data.find(Node.ANY, p, Node.ANY).forEachRemaining(edge);
            derived.forEach(t -> {
                if (t.getPredicate().equals(p))
                    edge.accept(t);
            });
            List<Triple> missing = new ArrayList<>();
            for (Node start : next.keySet()) {
                Set<Node> direct = next.get(start);
                Set<Node> reached = new HashSet<>();
                Deque<Node> todo = new ArrayDeque<>(direct);
                while (!todo.isEmpty()) {
                    Node n = todo.pop();
                    if (!reached.add(n))
                        continue;
                    if (!direct.contains(n))
                        missing.add(Triple.create(start, p, n));
                    todo.addAll(next.getOrDefault(n, Set.of()));
                }
            }
            boolean grew = false;
            for (Triple t : missing) {
                if (add(t)) {
                    grew = true;
                    expand(t);
                }
            }
            return grew;
        }
    }
}
