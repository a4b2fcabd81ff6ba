package org.stargatekg.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.stargatekg.vocab.Namespaces;
import org.stargatekg.engine.infer.Materializer;

/**
 * The loader's SHACL step ({@link ShapeCheck}: focus nodes in slices on every core, sh:class answered by
 * {@link ClassClosureConstraint}) reports exactly what Jena's own validator reports on the same data: every shape
 * case (each one fault), and data made to trip sh:class in each way (a literal, an untyped node, a type that only a
 * superclass chain reaches, a class that sh:not forbids reached through a subclass, sh:or of classes), with and
 * without the inferred triples.
 */
class ShapeCheckTest {

    private static final String BASE = Namespaces.STANDARD;
    private static final Path CASES = Path.of("src/test/resources/shapes");

    private static final String CLASS_FAULTS = """
            @prefix sg: <https://w3id.org/stargate-kg/ontology/> . @prefix id: <https://w3id.org/stargate-kg/id/> .
            @prefix ev: <https://w3id.org/stargate-kg/evidence/> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix schema: <https://schema.org/> .
            id:s1 a sg:Statement ; rdfs:label "s1" ; sg:evidence ev:p ; sg:verbatimText "x" ; sg:speaker "Ann" .
            id:s2 a sg:Statement ; rdfs:label "s2" ; sg:evidence ev:p ; sg:verbatimText "x" ; sg:speaker id:nobody .
            id:s3 a sg:Statement ; rdfs:label "s3" ; sg:evidence ev:p ; sg:verbatimText "x" ; sg:speaker id:acme ;
                sg:claims id:q1 , id:q2 , id:q3 , ev:p .
            id:acme a sg:Company ; rdfs:label "Acme" ; schema:name "Acme" .
            id:q1 a sg:Proposition , sg:Fact ; rdfs:label "q1" ; sg:propositionSubject id:acme .
            id:q2 a sg:Proposition , sg:Ownership ; rdfs:label "q2" ; sg:propositionSubject id:acme .
            id:q3 a sg:Proposition ; rdfs:label "q3" ; sg:propositionSubject id:acme .
            id:s4 a sg:Statement ; rdfs:label "s4" ; sg:evidence id:acme , ev:p ; sg:paraphrase "y" ; sg:speaker id:ann .
            id:m a sg:MonetaryAmount ; rdfs:label "m" ; sg:value "5"^^xsd:decimal ; sg:currency id:usd ; sg:statedIn id:ann , id:s4 .
            id:m2 a sg:MonetaryAmount ; rdfs:label "m2" ; sg:value "5"^^xsd:decimal ; sg:currency id:ann ; sg:statedIn id:a .
            id:Loop rdfs:subClassOf id:Loop2 . id:Loop2 rdfs:subClassOf id:Loop .
            id:odd a id:Loop ; rdfs:label "odd" .
            id:s5 a sg:Statement ; rdfs:label "s5" ; sg:evidence ev:p ; sg:verbatimText "x" ; sg:speaker id:odd .
            """;

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(CASES)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ttl") && !n.equals("scaffold.ttl"))
                        .sorted().toList().stream();
        }
    }

    @Test
    void the_loader_reports_what_jena_reports_for_every_shape_case() throws IOException {
        for (String name : cases().toList()) {
            Graph fault = parse(Files.readString(CASES.resolve(name)));
            assertSameReport(name + " with inferred triples", data(fault, true), true);
            assertSameReport(name + " as written", data(fault, false), false);
        }
    }

    @Test
    void the_loader_reports_what_jena_reports_for_class_faults() {
        Graph fault = parse(CLASS_FAULTS);
        assertSameReport("class faults with inferred triples", data(fault, true), true);
        assertSameReport("class faults as written", data(fault, false), true);
        // Without the shapes' own sh:message, each result carries the message the constraint itself words.
        Graph unworded = shapesGraph();
        unworded.remove(Node.ANY, SHACL.message, Node.ANY);
        assertSameReport("class faults, default messages", data(fault, false), true, unworded);
    }

    /** Validates with the loader's check and with a fresh Jena validator, and compares the entries in order. */
    private static void assertSameReport(String what, Graph data, boolean mustFail) {
        assertSameReport(what, data, mustFail, shapesGraph());
    }

    private static void assertSameReport(String what, Graph data, boolean mustFail, Graph shapesGraph) {
        List<String> ours = strings(new ShapeCheck(shapesGraph).entries(data));
        List<String> jena = strings(ShaclValidator.get().validate(Shapes.parse(shapesGraph), data).getEntries());
        assertEquals(jena, ours, () -> what + ": the loader's report differs from Jena's");
        if (mustFail)
            assertTrue(!jena.isEmpty(), () -> what + ": the data was meant to violate a shape");
    }

    private static List<String> strings(java.util.Collection<ReportEntry> entries) {
        List<String> out = new ArrayList<>();
        for (ReportEntry e : entries)
            out.add(e.severity().level() + " | " + e.focusNode() + " | " + e.resultPath() + " | " + e.value() + " | "
                    + e.message() + " | " + e.sourceConstraintComponent() + " | " + e.source() + " | " + e.sourceConstraint());
        return out;
    }

    /** Ontology, scaffold and the fault, with or without the materialized entailments. */
    private static Graph data(Graph fault, boolean inferred) {
        ShippedSources shipped = ShippedSources.locate();
        Graph ontology = parseFile(shipped.ontologyDir().resolve("stargate.ttl"));
        Graph data = parseFile(CASES.resolve("scaffold.ttl"));
        GraphUtil.addInto(data, fault);
        Graph all = GraphFactory.createDefaultGraph();
        GraphUtil.addInto(all, ontology);
        GraphUtil.addInto(all, data);
        if (inferred)
            GraphUtil.addInto(all, new Materializer().infer(ontology, data));
        return all;
    }

    private static Graph shapesGraph() {
        return parseFile(ShippedSources.locate().ontologyDir().resolve(KnowledgeGraphLoader.SHAPES_FILE));
    }

    private static Graph parseFile(Path file) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(file).base(BASE).lang(Lang.TURTLE).parse(g);
        return g;
    }

    private static Graph parse(String turtle) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.create().source(new StringReader(turtle)).base(BASE).lang(Lang.TURTLE).parse(g);
        return g;
    }
}
