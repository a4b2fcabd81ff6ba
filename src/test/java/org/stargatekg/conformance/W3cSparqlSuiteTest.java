package org.stargatekg.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.TreeSet;
import java.nio.file.Path;
import java.nio.file.Files;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.query.Syntax;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.expr.nodevalue.NodeFunctions;
import org.apache.jena.sparql.resultset.RDFInput;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.apache.jena.sparql.resultset.ResultsReader;
import org.apache.jena.sparql.resultset.SPARQLResult;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.stargatekg.conformance.W3cManifests.TestCase;

/**
 * The W3C SPARQL 1.0 ({@code data-r2}) and 1.1 query-evaluation tests, each run through the stack we serve (our store
 * holding the test's default graph as its default graph and its named graphs as named ones, our planner, the server's
 * query settings) and through Jena's reference in-memory dataset, and compared with the expected results: result sets
 * by value, as Jena's own test runner does, since a computed number's lexical form is the implementation's choice
 * ({@code 3.21E4} or {@code 32100.0e0}); in order where the query orders; REDUCED compared as DISTINCT; CSV as strings, CSV keeping no types;
 * graphs by isomorphism, booleans as they are. Fails on any test the reference passes and we fail; prints the pass
 * counts of both by folder and every test the reference fails with the reason.
 * <p>
 * A query whose dataset is given by FROM / FROM NAMED (and not by the manifest) gets those files loaded as the test's
 * default and named graphs and runs without its FROM clauses, on both stacks alike; SERVICE tests (they need remote
 * endpoints, and our server refuses SERVICE) and tests the working group withdrew are listed and not run.
 */
class W3cSparqlSuiteTest {

    private static final String RS = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#";

    /**
     * Why Jena's reference fails the tests it fails that do not say themselves what they need (entailment), by the
     * test's local name; printed beside what differed.
     */
    static final Map<String, String> REFERENCE_REASONS = Map.ofEntries(
            Map.entry("term-6", "SPARQL 1.0 grammar: '456.' was the decimal 456.0; SPARQL 1.1 reads the integer 456 and a dot"),
            Map.entry("term-7", "SPARQL 1.0 grammar: '456. .' is a decimal and a dot; in SPARQL 1.1 it is two dots, a syntax error"),
            Map.entry("dawg-optional-filter-005-simplified", "one of two alternative tests the working group kept; "
                      + "SPARQL 1.1 scopes the filter as dawg-optional-filter-005-not-simplified says, which passes"),
            Map.entry("distinct-2", "RDF 1.0 test: \"x\" and \"x\"^^xsd:string were two terms; in RDF 1.1 (Jena 5) they are one"),
            Map.entry("distinct-9", "RDF 1.0 test: \"x\" and \"x\"^^xsd:string were two terms; in RDF 1.1 (Jena 5) they are one"),
            Map.entry("csv01", "a CSV result keeps no blank node identity, so _:a cannot be matched (Jena's own runner asks for a manual check)"),
            Map.entry("csv02", "a CSV result keeps no blank node identity, so _:a cannot be matched (Jena's own runner asks for a manual check)"),
            Map.entry("plus-1", "ARQ extension: '+' concatenates two strings where SPARQL gives an error (unbound)"),
            Map.entry("plus-2", "ARQ extension: '+' concatenates two strings where SPARQL gives an error (unbound)"),
            Map.entry("bnode01", "ARQ keys BNODE(str) by the intermediate row, so BNODE(?s1) and BNODE(?s2) with the same string "
                      + "in one solution give two blank nodes where SPARQL gives one"));

    /** Whether a test passed, and if not what differed. */
    record Outcome(boolean passed, String reason) {
        static final Outcome PASS = new Outcome(true, "");
    }

    /** Pass counts of one folder. */
    static final class Tally {
        int tests, reference, ours;
    }

    @Test
    void every_query_evaluation_test_the_reference_passes_passes_through_our_stack() {
        List<TestCase> tests = new ArrayList<>();
        tests.addAll(W3cManifests.tests("testcases-sparql-1.0-w3c/data-r2/manifest-evaluation.ttl", "1.0"));
        tests.addAll(W3cManifests.tests("testcases-sparql-1.1-w3c/manifest-all.ttl", "1.1"));
        Map<String, Tally> byFolder = new LinkedHashMap<>();
        List<String> notRun = new ArrayList<>();
        List<String> referenceFails = new ArrayList<>();
        List<String> onlyOursFail = new ArrayList<>();
        List<String> onlyReferenceFails = new ArrayList<>();
        Set<String> referenceFailNames = new TreeSet<>();
        long t0 = System.nanoTime();
        for (TestCase test : tests) {
            if (test.withdrawn() || test.service()) {
                notRun.add(test.folder() + " " + test.name() + ": " + (test.withdrawn() ? "withdrawn by the working group"
                           : "needs SERVICE calls to remote endpoints (qt:serviceData); our server refuses SERVICE"));
                continue;
            }
            Outcome reference = run(test, QueryStacks::reference, QueryStacks::onReference);
            Outcome ours = run(test, QueryStacks::ours, QueryStacks::onOurs);
            Tally tally = byFolder.computeIfAbsent(test.folder(), f -> new Tally());
            tally.tests++;
            if (reference.passed())
                tally.reference++;
            if (ours.passed())
                tally.ours++;
            String label = test.folder() + " " + test.name() + " <" + test.iri() + ">";
            if (!reference.passed()) {
                referenceFails.add(label + "\n      " + why(test, reference) + (ours.passed() ? "\n      (ours passes)" : ""));
                referenceFailNames.add(test.folder() + " " + test.name());
            }
            if (reference.passed() && !ours.passed())
                onlyOursFail.add(label + "\n      " + ours.reason());
            if (!reference.passed() && ours.passed())
                onlyReferenceFails.add(label);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        StringBuilder report = new StringBuilder("[W3cSparqlSuiteTest] query-evaluation tests passed, by folder:\n");
        report.append(String.format("  %-34s %6s %10s %6s%n", "folder", "tests", "reference", "ours"));
        Map<String, Tally> bySuite = new LinkedHashMap<>();
        byFolder.forEach((folder, t) -> {
            report.append(String.format("  %-34s %6d %10d %6d%n", folder, t.tests, t.reference, t.ours));
            Tally s = bySuite.computeIfAbsent("SPARQL " + folder.substring(0, 3), k -> new Tally());
            s.tests += t.tests;
            s.reference += t.reference;
            s.ours += t.ours;
        });
        bySuite.forEach((suite, t) -> report.append(String.format("  %-34s %6d %10d %6d%n", suite + " in all", t.tests, t.reference, t.ours)));
        report.append(String.format("  (%.1f s) not run: %d%n", seconds, notRun.size()));
        notRun.forEach(n -> report.append("    ").append(n).append('\n'));
        report.append("  failed by the reference too (").append(referenceFails.size()).append("), with the reason:\n");
        referenceFails.forEach(n -> report.append("    ").append(n).append('\n'));
        if (!onlyReferenceFails.isEmpty())
            report.append("  passed by ours, failed by the reference: ").append(onlyReferenceFails.size()).append('\n');
        System.out.print(report);
        if (Boolean.getBoolean("stargate.w3c.printPinned"))
            referenceFails.forEach(f -> System.out.println("PINNED\t" + f.lines().findFirst().orElse("").replaceAll(" <.*", "")
                                                           + "\t" + f.lines().skip(1).findFirst().orElse("").strip()));
        assertTrue(byFolder.values().stream().mapToInt(t -> t.tests).sum() > 400, "the suites were found: " + byFolder.keySet());
        Set<String> pinned = pinnedReferenceFailures();
        Set<String> newFailures = new TreeSet<>(referenceFailNames);
        newFailures.removeAll(pinned);
        Set<String> nowPassing = new TreeSet<>(pinned);
        nowPassing.removeAll(referenceFailNames);
        assertTrue(newFailures.isEmpty() && nowPassing.isEmpty(),
                   () -> "Jena's reference fails other tests than " + PINNED + " lists (after a Jena upgrade: check each, then"
                         + " update the file with the reason):\n  failing now, not listed: " + newFailures
                         + "\n  listed, passing now: " + nowPassing);
        assertTrue(onlyOursFail.isEmpty(), () -> onlyOursFail.size() + " test(s) the reference passes and we fail:\n    "
                                                  + String.join("\n    ", onlyOursFail));
    }

    /** The checked-in list of the tests Jena's reference fails: "folder name", a tab, and why. */
    static final String PINNED = "src/test/resources/conformance/reference-failures.tsv";

    private static Set<String> pinnedReferenceFailures() {
        try {
            Set<String> names = new TreeSet<>();
            for (String line : Files.readAllLines(Path.of(PINNED)))
                if (!line.isBlank() && !line.startsWith("#"))
                    names.add(line.split("\t", 2)[0].strip());
            return names;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The reason a test fails, with what the test itself says it needs beyond plain SPARQL when it says so. */
    private static String why(TestCase test, Outcome outcome) {
        List<String> needs = new ArrayList<>();
        if (test.entailment() != null)
            needs.add("needs the " + test.entailment() + " entailment regime (neither store entails at query time)");
        test.requires().forEach(r -> needs.add("requires " + r));
        String known = REFERENCE_REASONS.get(test.iri().replaceAll(".*#", ""));
        if (known != null)
            needs.add(known);
        return (needs.isEmpty() ? "" : String.join("; ", needs) + ": ") + outcome.reason();
    }

    private static Outcome run(TestCase test, java.util.function.Function<List<Quad>, Dataset> store,
                               BiFunction<Dataset, Query, QueryExecution> exec) {
        try {
            Query query = QueryFactory.create(W3cManifests.read(test.query()), test.query(), Syntax.syntaxARQ);
            List<String> defaults = test.data(), named = test.graphData();
            if (defaults.isEmpty() && named.isEmpty() && query.hasDatasetDescription()) {
                defaults = List.copyOf(query.getGraphURIs());
                named = List.copyOf(query.getNamedGraphURIs());
                query.getGraphURIs().clear();
                query.getNamedGraphURIs().clear();
            }
            Dataset ds = store.apply(quads(defaults, named));
            return Txn.calculateRead(ds, () -> {
                try (QueryExecution qe = exec.apply(ds, query)) {
                    return compare(test, query, qe);
                }
            });
        } catch (Exception | StackOverflowError ex) {
            return new Outcome(false, ex.getClass().getSimpleName() + ": " + String.valueOf(ex.getMessage()).lines().findFirst().orElse(""));
        }
    }

    /** The quads of the default-graph files (a quad file keeps its graphs) and of each named-graph file, named by its IRI. */
    private static List<Quad> quads(List<String> defaults, List<String> named) {
        List<Quad> out = new ArrayList<>();
        for (String file : defaults)
            W3cManifests.parse(file, collector(out, Quad.defaultGraphIRI));
        for (String file : named)
            W3cManifests.parse(file, collector(out, NodeFactory.createURI(file)));
        return out;
    }

    private static StreamRDFBase collector(List<Quad> out, Node graph) {
        return new StreamRDFBase() {
            @Override
            public void triple(org.apache.jena.graph.Triple triple) {
                out.add(Quad.create(graph, triple));
            }

            @Override
            public void quad(Quad quad) {
                out.add(quad.isTriple() ? Quad.create(graph, quad.asTriple()) : quad);
            }
        };
    }

    private static Outcome compare(TestCase test, Query query, QueryExecution qe) {
        SPARQLResult expected = expected(test.result(), query);
        if (query.isSelectType()) {
            ResultSetRewindable actual = ResultSetFactory.makeRewindable(qe.execSelect());
            ResultSetRewindable wanted = ResultSetFactory.makeRewindable(expected.getResultSet());
            if (query.isReduced()) {
                actual = distinct(actual);
                wanted = distinct(wanted);
            }
            if (test.result().endsWith(".csv"))
                actual = strings(actual);
            boolean same = query.isOrdered() ? ResultSetCompare.equalsByValueAndOrder(wanted, actual)
                                             : ResultSetCompare.equalsByValue(wanted, actual);
            if (same)
                return Outcome.PASS;
            wanted.reset();
            actual.reset();
            return new Outcome(false, "expected " + wanted.size() + " row(s)" + (query.isOrdered() ? " in order" : "") + ", got "
                                      + actual.size() + ": first missing " + firstMissing(wanted, actual) + ", first unexpected "
                                      + firstMissing(actual, wanted));
        }
        if (query.isAskType()) {
            boolean actual = qe.execAsk();
            return actual == expected.getBooleanResult() ? Outcome.PASS
                    : new Outcome(false, "expected " + expected.getBooleanResult() + ", got " + actual);
        }
        Graph actual = query.isConstructType() ? qe.execConstruct().getGraph() : qe.execDescribe().getGraph();
        Graph wanted = expected.getGraph();
        return IsoMatcher.isomorphic(wanted, actual) ? Outcome.PASS
                : new Outcome(false, "graph not isomorphic: expected " + wanted.size() + " triple(s), got " + actual.size());
    }

    /** The expected result of a test from its file: a result set, a boolean or a graph. */
    private static SPARQLResult expected(String file, Query query) {
        Lang lang = file.endsWith(".srx") ? ResultSetLang.RS_XML : file.endsWith(".srj") ? ResultSetLang.RS_JSON
                : file.endsWith(".tsv") ? ResultSetLang.RS_TSV : file.endsWith(".csv") ? ResultSetLang.RS_CSV : null;
        if (lang != null) {
            // The readers stream lazily: read from the whole file in memory rather than from a stream closed meanwhile.
            byte[] bytes = W3cManifests.read(file).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            SPARQLResult result = ResultsReader.create().lang(lang).build().readAny(new java.io.ByteArrayInputStream(bytes));
            return result.isResultSet() ? new SPARQLResult(ResultSetFactory.makeRewindable(result.getResultSet())) : result;
        }
        Graph g = W3cManifests.parse(file);
        if (query.isSelectType())
            return new SPARQLResult(RDFInput.fromRDF(ModelFactory.createModelForGraph(g)));
        if (query.isAskType()) {
            var it = g.find(Node.ANY, NodeFactory.createURI(RS + "boolean"), Node.ANY);
            return new SPARQLResult(Boolean.parseBoolean(it.next().getObject().getLiteralLexicalForm()));
        }
        return new SPARQLResult(ModelFactory.createModelForGraph(g));
    }

    private static String firstMissing(ResultSetRewindable from, ResultSetRewindable in) {
        from.reset();
        in.reset();
        List<Binding> have = new ArrayList<>();
        while (in.hasNext())
            have.add(in.nextBinding());
        in.reset();
        while (from.hasNext()) {
            Binding b = from.nextBinding();
            if (have.stream().noneMatch(h -> sameByTerm(h, b))) {
                from.reset();
                return b.toString();
            }
        }
        from.reset();
        return "none";
    }

    private static boolean sameByTerm(Binding a, Binding b) {
        if (a.size() != b.size())
            return false;
        for (var it = a.vars(); it.hasNext();) {
            Var v = it.next();
            Node x = a.get(v), y = b.get(v);
            if (y == null || !(x.equals(y) || (x.isBlank() && y.isBlank())))
                return false;
        }
        return true;
    }

    /** REDUCED may drop any duplicates: both sides are compared without them (as Jena's own test runner does). */
    private static ResultSetRewindable distinct(ResultSetRewindable rs) {
        List<Binding> rows = new ArrayList<>();
        Set<Binding> seen = new HashSet<>();
        rs.reset();
        while (rs.hasNext()) {
            Binding b = rs.nextBinding();
            if (seen.add(b))
                rows.add(b);
        }
        return rewindable(rs.getResultVars(), rows);
    }

    /** The values as CSV writes them, plain strings (blank nodes as _:label), since a CSV result keeps no types. */
    private static ResultSetRewindable strings(ResultSetRewindable rs) {
        List<Binding> rows = new ArrayList<>();
        rs.reset();
        while (rs.hasNext()) {
            Binding b = rs.nextBinding();
            BindingBuilder out = Binding.builder();
            for (String name : rs.getResultVars()) {
                Node n = b.get(Var.alloc(name));
                String s = n == null ? "" : n.isBlank() ? "_:" + n.getBlankNodeLabel() : NodeFunctions.str(n);
                out.add(Var.alloc(name), NodeFactory.createLiteralString(s));
            }
            rows.add(out.build());
        }
        return rewindable(rs.getResultVars(), rows);
    }

    private static ResultSetRewindable rewindable(List<String> vars, List<Binding> rows) {
        RowSet rowSet = RowSetStream.create(vars.stream().map(Var::alloc).toList(), rows.iterator());
        return ResultSetFactory.makeRewindable(ResultSet.adapt(rowSet));
    }
}
