package org.stargatekg.engine.shacl;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.VLib;
import org.stargatekg.engine.EnginePatch;
import org.stargatekg.engine.infer.OrderedParallel;

/**
 * SHACL validation giving the same report entries as {@code ShaclValidator.get().validate(shapes, data)}, in the same
 * order, with each target shape's focus nodes found and validated on every core ({@link EnginePatch#SHACL_PARALLEL})
 * and sh:class answered from the data's subclass closure ({@link EnginePatch#SHACL_CLASS}).
 */
public final class ShapeValidation {

    /** Focus nodes validated together in one task. */
    private static final int SLICE = 20_000;

    private final Shapes shapes;
    private final ClassClosureConstraint.Closure classes;

    /** Prepares the shapes (installing the sh:class replacement unless it is left out). */
    public ShapeValidation(Shapes shapes) {
        this.shapes = shapes;
        this.classes = EnginePatch.SHACL_CLASS.patched() ? ClassClosureConstraint.install(shapes) : null;
    }

    /** The report's entries: shape order, then focus-node order, as Jena's validator gives them. */
    public List<ReportEntry> entries(Graph data) {
        if (classes != null)
            classes.prepare(data);
        if (!EnginePatch.SHACL_PARALLEL.patched())
            return List.copyOf(ShaclValidator.get().validate(shapes, data).getEntries());
        // Finding the focus nodes took a third of this step on one core: each shape's are found on any core, each
        // list the same as found in turn; the data graph is only read.
        List<Shape> targets = new ArrayList<>(shapes.getTargetShapes());
        List<List<Node>> focusLists = OrderedParallel.map(targets, shape -> new ArrayList<>(VLib.focusNodes(data, shape)));
        List<Slice> slices = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            List<Node> focus = focusLists.get(i);
            for (int from = 0; from < focus.size(); from += SLICE)
                slices.add(new Slice(targets.get(i), focus.subList(from, Math.min(focus.size(), from + SLICE))));
        }
        List<List<ReportEntry>> found = OrderedParallel.map(slices, slice -> {
            ValidationContext context = ValidationContext.create(shapes, data);
            for (Node node : slice.focusNodes())
                VLib.validateShape(context, data, slice.shape(), node);
            return List.copyOf(context.generateReport().getEntries());
        });
        List<ReportEntry> out = new ArrayList<>();
        found.forEach(out::addAll);
        return out;
    }

    private record Slice(Shape shape, List<Node> focusNodes) {}
}
