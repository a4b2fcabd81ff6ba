package org.stargatekg.load;

import org.stargatekg.engine.shacl.ShapeValidation;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.atlas.io.IndentedLineBuffer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.riot.out.NodeFormatterTTL;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.path.PathWriter;

/**
 * Validates the data against the SHACL shapes and turns a report with violations into a {@link LoadException}
 * listing, for each result, the focus node, the path, the value and the message.
 * Results of severity sh:Warning or sh:Info do not stop the load; they are returned for the summary.
 */
final class ShapeCheck {

    private final Shapes shapes;
    private final ShapeValidation validation;
    private final Prologue prologue;
    private final NodeFormatter formatter;

    /** Prepares the shapes; node names in reports are abbreviated with the shapes file's own prefixes. */
    ShapeCheck(Graph shapesGraph) {
        this.shapes = Shapes.parse(shapesGraph);
        this.validation = new ShapeValidation(shapes);
        PrefixMap prefixes = PrefixMapFactory.create(shapesGraph.getPrefixMapping());
        this.prologue = new Prologue(shapesGraph.getPrefixMapping());
        this.formatter = new NodeFormatterTTL(null, prefixes);
    }

    /** Validates the data graph, throws if any result is a violation, and returns the lines of any lesser results. */
    List<String> validate(Graph data, String shapesFile) {
        List<String> violations = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (ReportEntry e : entries(data))
            (Severity.Violation.equals(e.severity()) ? violations : notes).add(describe(e));
        if (!violations.isEmpty())
            throw new LoadException("SHACL validation against " + shapesFile + " failed with " + violations.size()
                                    + " violation(s):\n" + String.join("\n", violations));
        return notes;
    }

    /** The report's entries, the same as {@code ShaclValidator.validate(shapes, data)} gives, in the same order. */
    List<ReportEntry> entries(Graph data) {
        return validation.entries(data);
    }

    private String describe(ReportEntry e) {
        StringBuilder sb = new StringBuilder();
        sb.append("  - ").append(severityName(e)).append(" focus node ").append(str(e.focusNode()));
        if (e.resultPath() != null)
            sb.append("\n      path:    ").append(PathWriter.asString(e.resultPath(), prologue));
        if (e.value() != null)
            sb.append("\n      value:   ").append(str(e.value()));
        sb.append("\n      message: ").append(e.message());
        if (e.sourceConstraintComponent() != null)
            sb.append("\n      check:   ").append(str(e.sourceConstraintComponent()));
        if (e.source() != null && e.source().isURI())
            sb.append("\n      shape:   ").append(str(e.source()));
        return sb.toString();
    }

    private static String severityName(ReportEntry e) {
        Node level = e.severity() == null ? null : e.severity().level();
        return level == null ? "[result]" : "[" + level.getLocalName() + "]";
    }

    private String str(Node n) {
        IndentedLineBuffer out = new IndentedLineBuffer();
        formatter.format(out, n);
        return out.asString();
    }
}
