package org.stargatekg.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.graph.GraphList;
import org.apache.jena.vocabulary.RDF;

/**
 * Reads the W3C SPARQL test manifests from the classpath (the {@code rdf4j-sparql-testsuite} jar) with Jena: follows
 * {@code mf:include} from a top manifest and lists every query-evaluation test in each manifest's {@code mf:entries}.
 * Files are named by IRIs under {@link #BASE}, a made-up prefix in front of their classpath path, so that relative IRIs
 * in manifests, queries, data and results resolve as they would from the files themselves.
 */
final class W3cManifests {

    static final String BASE = "http://w3c-suite.test/";
    private static final String MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
    private static final String QT = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#";
    private static final String DAWGT = "http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#";
    private static final String SD = "http://www.w3.org/ns/sparql-service-description#";

    /** One query-evaluation test: its folder (as "1.1/aggregates"), its files as IRIs, and what it needs beyond plain SPARQL. */
    record TestCase(String folder, String name, String iri, String query, List<String> data, List<String> graphData,
                    String result, List<String> requires, String entailment, boolean withdrawn, boolean service) {}

    private W3cManifests() {}

    /** Every query-evaluation test reachable from the manifest at a classpath path, in manifest order. */
    static List<TestCase> tests(String manifestPath, String suite) {
        List<TestCase> out = new ArrayList<>();
        collect(BASE + manifestPath, suite, out);
        return out;
    }

    private static void collect(String manifest, String suite, List<TestCase> out) {
        Graph g = parse(manifest);
        Node self = NodeFactory.createURI(manifest);
        for (Node include : list(g, self, MF + "include"))
            collect(include.getURI(), suite, out);
        String folder = suite + "/" + folderOf(manifest);
        for (Node entry : list(g, self, MF + "entries")) {
            String type = type(g, entry);
            if (!(MF + "QueryEvaluationTest").equals(type) && !(MF + "CSVResultFormatTest").equals(type))
                continue;
            Node action = object(g, entry, MF + "action");
            Node result = object(g, entry, MF + "result");
            Node name = object(g, entry, MF + "name");
            Node approval = object(g, entry, DAWGT + "approval");
            Node regime = action == null ? null : object(g, action, SD + "entailmentRegime");
            out.add(new TestCase(folder, name == null ? entry.toString() : name.getLiteralLexicalForm(), entry.toString(),
                                 uri(object(g, action, QT + "query")), uris(g, action, QT + "data"), uris(g, action, QT + "graphData"),
                                 result == null ? null : result.getURI(),
                                 objects(g, entry, MF + "requires").stream().map(n -> n.getURI().replaceAll(".*#", "")).toList(),
                                 regime == null ? null : regimes(g, regime),
                                 approval != null && approval.getURI().endsWith("#Withdrawn"),
                                 !objects(g, action, QT + "serviceData").isEmpty()));
        }
    }

    /** The entailment regimes a test names, one or a list of them: "RDFS", "RDFS or D". */
    private static String regimes(Graph g, Node regime) {
        List<Node> names = regime.isBlank() ? GraphList.members(new org.apache.jena.sparql.util.graph.GNode(g, regime)) : List.of(regime);
        return String.join(" or ", names.stream().map(n -> n.getURI().replaceAll(".*/", "")).toList());
    }

    /** The folder of a manifest under its suite's top folder: "aggregates", "data-r2/basic". */
    private static String folderOf(String manifest) {
        String path = manifest.substring(BASE.length());
        path = path.substring(path.indexOf('/') + 1);
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "." : path.substring(0, slash);
    }

    /** Parses an RDF file named by its IRI under {@link #BASE}, its language from its extension. */
    static Graph parse(String iri) {
        Graph g = GraphFactory.createDefaultGraph();
        parse(iri, org.apache.jena.riot.system.StreamRDFLib.graph(g));
        return g;
    }

    /** Parses an RDF file into a stream, with the file's IRI as base. */
    static void parse(String iri, StreamRDF dest) {
        Lang lang = RDFLanguages.filenameToLang(iri, Lang.TURTLE);
        try (InputStream in = open(iri)) {
            RDFParser.create().source(in).lang(lang).base(iri).parse(dest);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The text of a file named by its IRI. */
    static String read(String iri) {
        try (InputStream in = open(iri)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Opens a file named by its IRI under {@link #BASE} from the classpath. */
    static InputStream open(String iri) {
        if (!iri.startsWith(BASE))
            throw new IllegalArgumentException("not a file of the suite: " + iri);
        InputStream in = W3cManifests.class.getClassLoader().getResourceAsStream(iri.substring(BASE.length()));
        if (in == null)
            throw new IllegalArgumentException("not on the classpath: " + iri.substring(BASE.length()));
        return in;
    }

    private static List<Node> list(Graph g, Node s, String p) {
        Node head = object(g, s, p);
        return head == null ? List.of() : GraphList.members(new org.apache.jena.sparql.util.graph.GNode(g, head));
    }

    private static Node object(Graph g, Node s, String p) {
        if (s == null)
            return null;
        var it = g.find(s, NodeFactory.createURI(p), Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }

    private static List<Node> objects(Graph g, Node s, String p) {
        return s == null ? List.of() : g.find(s, NodeFactory.createURI(p), Node.ANY).mapWith(t -> t.getObject()).toList();
    }

    private static String type(Graph g, Node s) {
        Node t = object(g, s, RDF.type.getURI());
        return t == null ? null : t.getURI();
    }

    private static String uri(Node n) {
        return n == null ? null : n.getURI();
    }

    private static List<String> uris(Graph g, Node s, String p) {
        return objects(g, s, p).stream().map(Node::getURI).sorted().toList();
    }
}
