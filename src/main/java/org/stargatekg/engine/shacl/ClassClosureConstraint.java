package org.stargatekg.engine.shacl;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.engine.constraint.ClassConstraint;
import org.apache.jena.shacl.engine.constraint.ConstraintOp1;
import org.apache.jena.shacl.engine.constraint.ConstraintOpN;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.shacl.parser.Constraint;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportItem;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.stargatekg.engine.infer.Materializer;

/**
 * Jena's sh:class check (a value is an instance of the class if one of its rdf:type values reaches it by
 * rdfs:subClassOf*), with the data's super-classes worked out once per validation instead of again for every value
 * node (a third of the SHACL step at scale); the same answer and the same message as {@link ClassConstraint}.
 */
public final class ClassClosureConstraint extends ClassConstraint {

    private final Node expected;
    private final Closure closure;

    private ClassClosureConstraint(Node expected, Closure closure) {
        super(expected);
        this.expected = expected;
        this.closure = closure;
    }

    /**
     * Puts this check in place of every sh:class constraint of the shapes, nested ones included, all reading the
     * returned closure; a shape whose constraints cannot be replaced keeps Jena's.
     */
    public static Closure install(Shapes shapes) {
        Closure closure = new Closure();
        Set<Shape> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Shape shape : shapes.getShapeMap().values())
            install(shape, closure, seen);
        shapes.getTargetShapes().forEach(s -> install(s, closure, seen));
        return closure;
    }

    private static void install(Shape shape, Closure closure, Set<Shape> seen) {
        if (!seen.add(shape))
            return;
        Collection<Constraint> constraints = shape.getConstraints();
        if (constraints instanceof List<Constraint> list) {
            try {
                list.replaceAll(c -> c.getClass() == ClassConstraint.class
                        ? new ClassClosureConstraint(((ClassConstraint) c).getExpectedClass(), closure) : c);
            } catch (UnsupportedOperationException ex) {
                // An unmodifiable list: this shape keeps Jena's check, which gives the same answers.
            }
        }
        for (Constraint c : constraints) {
            if (c instanceof ConstraintOp1 op)
                install(op.getOther(), closure, seen);
            else if (c instanceof ConstraintOpN op)
                op.getOthers().forEach(s -> install(s, closure, seen));
        }
        shape.getPropertyShapes().forEach(p -> install(p, closure, seen));
    }

    @Override
    public ReportItem validate(ValidationContext vCxt, Graph data, Node node) {
        Map<Node, Set<Node>> supers = closure.of(data);
        if (supers == null || node.isLiteral())
            return super.validate(vCxt, data, node);
        ExtendedIterator<Triple> types = data.find(node, RDF.type.asNode(), Node.ANY);
        try {
            while (types.hasNext()) {
                Node type = types.next().getObject();
                if (type.equals(expected) || supers.getOrDefault(type, Set.of()).contains(expected))
                    return null;
            }
        } finally {
            types.close();
        }
        // As ClassConstraint words it (a test compares the two on violating data).
        return new ReportItem(toString() + ": Expected class :" + ShLib.displayStr(expected) + " for " + ShLib.displayStr(node), node);
    }

    /** The super-classes (rdfs:subClassOf+, as the data states it) of every class in one data graph, set before validating it. */
    public static final class Closure {
        private volatile Graph graph;
        private volatile Map<Node, Set<Node>> supers;

        /** Works out the super-classes of the classes of a data graph that is not changed while it is validated. */
        public void prepare(Graph data) {
            Map<Node, Set<Node>> direct = new HashMap<>();
            data.find(Node.ANY, RDFS.subClassOf.asNode(), Node.ANY)
                .forEachRemaining(t -> direct.computeIfAbsent(t.getSubject(), k -> new HashSet<>()).add(t.getObject()));
            this.supers = Materializer.transitiveClosure(direct);
            this.graph = data;
        }

        /** The super-classes worked out for this graph, or null for another graph (then Jena's own check runs). */
        Map<Node, Set<Node>> of(Graph data) {
            return data == graph ? supers : null;
        }
    }
}
