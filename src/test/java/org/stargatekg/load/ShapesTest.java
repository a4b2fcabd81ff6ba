package org.stargatekg.load;

import org.stargatekg.engine.infer.Materializer;

import org.stargatekg.vocab.Namespaces;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.PathWriter;
import org.apache.jena.sparql.util.FmtUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SHACL shapes refuse what they should: each case under {@code shapes/} adds one fault to a valid scaffold and
 * names, on its first line, the focus node, path and message words of the violation it must cause.
 */
class ShapesTest {

    private static final String BASE = Namespaces.STANDARD;
    private static final Path CASES = Path.of("src/test/resources/shapes");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(CASES)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ttl") && !n.equals("scaffold.ttl"))
                        .sorted().toList().stream();
        }
    }

    @Test
    void the_scaffold_alone_conforms() {
        ValidationReport report = validate(null);
        assertTrue(report.conforms(), () -> "scaffold violates the shapes:\n" + report.getEntries());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void faulty_data_is_refused_with_the_expected_violation(String name) throws IOException {
        String first = Files.readAllLines(CASES.resolve(name), StandardCharsets.UTF_8).get(0);
        assertTrue(first.startsWith("# expect: "), name + " lacks its '# expect:' line");
        String[] expect = first.substring("# expect: ".length()).split("\\s*\\|\\s*");
        ValidationReport report = validate(name);
        List<ReportEntry> violations = report.getEntries().stream()
                .filter(e -> Severity.Violation.equals(e.severity())).toList();
        PrefixMapping pm = prefixes();
        String focus = pm.expandPrefix(expect[0]);
        boolean found = violations.stream().anyMatch(e ->
                e.focusNode().isURI() && e.focusNode().getURI().equals(focus)
                && (expect[1].equals("-") ? e.resultPath() == null
                        : e.resultPath() != null && PathWriter.asString(e.resultPath(), new org.apache.jena.sparql.core.Prologue(pm)).equals(expect[1]))
                && e.message().contains(expect[2]));
        assertTrue(found, () -> name + ": expected a violation at " + String.join(" | ", expect) + " but got:\n"
                                + violations.stream().map(e -> FmtUtils.stringForNode(e.focusNode(), pm) + " | "
                                        + (e.resultPath() == null ? "-" : PathWriter.asString(e.resultPath(), new org.apache.jena.sparql.core.Prologue(pm)))
                                        + " | " + e.message()).reduce("", (a, b) -> a + b + "\n"));
        long places = violations.stream().map(e -> e.focusNode() + " " + e.resultPath()).distinct().count();
        assertEquals(1, places, () -> name + " should fault one node and path only, got:\n"
                                      + violations.stream().map(ReportEntry::message).toList());
    }

    /** Ontology + scaffold (+ the case) with their materialized entailments, validated against the shipped shapes. */
    private static ValidationReport validate(String caseName) {
        ShippedSources shipped = ShippedSources.locate();
        Graph ontology = parse(shipped.ontologyDir().resolve("stargate.ttl"));
        Graph data = parse(CASES.resolve("scaffold.ttl"));
        if (caseName != null)
            GraphUtil.addInto(data, parse(CASES.resolve(caseName)));
        Graph all = GraphFactory.createDefaultGraph();
        GraphUtil.addInto(all, ontology);
        GraphUtil.addInto(all, data);
        GraphUtil.addInto(all, new Materializer().infer(ontology, data));
        Shapes shapes = Shapes.parse(parse(shipped.ontologyDir().resolve("shapes.ttl")));
        return ShaclValidator.get().validate(shapes, all);
    }

    private static Graph parse(Path file) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(file).base(BASE).lang(Lang.TURTLE).parse(g);
        return g;
    }

    private static PrefixMapping prefixes() {
        PrefixMapping pm = PrefixMapping.Factory.create();
        pm.setNsPrefix("sg", BASE + "ontology/");
        pm.setNsPrefix("id", BASE + "id/");
        pm.setNsPrefix("ev", BASE + "evidence/");
        pm.setNsPrefix("nif", "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#");
        pm.setNsPrefix("schema", "https://schema.org/");
        return pm;
    }

}
