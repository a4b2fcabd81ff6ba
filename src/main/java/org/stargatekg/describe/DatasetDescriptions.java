package org.stargatekg.describe;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.stargatekg.vocab.AddressMap;
import org.stargatekg.vocab.SCHEMA;
import org.stargatekg.vocab.SG;
import org.stargatekg.vocab.Namespaces;

/**
 * Builds the RDF the server says about itself: the VoID and DCAT description of the dataset ({@link #voidGraph()}),
 * and the SPARQL 1.1 Service Description of the endpoint ({@link #serviceGraph()}).
 */
public final class DatasetDescriptions {

    /** Path of the VoID description (RFC 8615 well-known location named in the VoID specification). */
    public static final String VOID_PATH = "/.well-known/void";

    static final String VOID = org.apache.jena.vocabulary.VOID.NS;
    static final String DCAT = org.apache.jena.vocabulary.DCAT.NS;
    static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    static final String FORMATS = "http://www.w3.org/ns/formats/";
    static final String LICENSE = "https://creativecommons.org/licenses/by/4.0/";

    private final AddressMap addresses;
    private final Namespaces ns;
    private final DatasetStatistics stats;
    private final List<Node> articles;
    private final List<String> examples;
    private final PrefixMapping prefixes;
    private final ExtensionFunctions functions;

    /** Describes a dataset from its counts, with its articles (every sg:NewsArticle) and examples drawn from the data. */
    public static DatasetDescriptions of(AddressMap addresses, DatasetGraph dsg, DatasetStatistics stats, PrefixMapping prefixes,
                                         ExtensionFunctions functions) {
        List<Node> articles = articles(dsg);
        return new DatasetDescriptions(addresses, stats, articles, examples(dsg, articles), prefixes, functions);
    }

    /** The articles the data is drawn from: every sg:NewsArticle, in IRI order. */
    static List<Node> articles(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> Iter.toList(dsg.getDefaultGraph().find(Node.ANY, RDF.type.asNode(), SG.NewsArticle.asNode()))
                .stream().map(Triple::getSubject).filter(Node::isURI).distinct().sorted(Comparator.comparing(Node::getURI)).toList());
    }

    /** Example resources for VoID: each article, what it is about, and the first few things it mentions. */
    static List<String> examples(DatasetGraph dsg, List<Node> articles) {
        Node about = SCHEMA.about.asNode();
        Node mentions = SCHEMA.mentions.asNode();
        return Txn.calculateRead(dsg, () -> {
            Set<String> out = new LinkedHashSet<>();
            for (Node a : articles) {
                out.add(a.getURI());
                for (Node p : List.of(about, mentions))
                    Iter.toList(dsg.getDefaultGraph().find(a, p, Node.ANY)).stream().map(Triple::getObject)
                        .filter(Node::isURI).map(Node::getURI).sorted().limit(3).forEach(out::add);
            }
            return List.copyOf(out);
        });
    }

    /**
     * Describes a dataset from its counts, the article resources it is drawn from, a few example resources and the
     * functions its endpoint offers beyond standard SPARQL; the dataset and the service keep permanent IRIs, while the
     * endpoint and the dumps are given at their addresses here.
     */
    public DatasetDescriptions(AddressMap addresses, DatasetStatistics stats, List<Node> articles, List<String> examples,
                               PrefixMapping prefixes, ExtensionFunctions functions) {
        this.functions = functions;
        this.addresses = addresses;
        this.ns = addresses.namespaces();
        this.stats = stats;
        this.articles = List.copyOf(articles);
        this.examples = List.copyOf(examples);
        this.prefixes = prefixes;
    }

    /** The IRI of the dataset as VoID describes it. */
    public Node datasetNode() {
        return iri(addresses.iri(VOID_PATH) + "#dataset");
    }

    /** The address of the SPARQL endpoint on this server. */
    public Node endpointNode() {
        return iri(addresses.address("/sparql"));
    }

    /** The permanent IRI of the SPARQL service this server provides. */
    private Node serviceNode() {
        return iri(addresses.iri("/sparql") + "#service");
    }

    /** The VoID and DCAT description, with a void:subset per named graph. */
    public Graph voidGraph() {
        Graph g = newGraph();
        Node ds = datasetNode();
        add(g, ds, RDF.type.asNode(), iri(VOID + "Dataset"));
        add(g, ds, RDF.type.asNode(), iri(DCAT + "Dataset"));
        add(g, ds, DCTerms.title.asNode(), NodeFactory.createLiteralLang("Stargate KG", "en"));
        add(g, ds, DCTerms.description.asNode(), NodeFactory.createLiteralLang(
                "A knowledge graph of news articles: who said what, with every fact and statement traced to a passage "
                + "of its article.", "en"));
        add(g, ds, DCTerms.license.asNode(), iri(LICENSE));
        articles.forEach(a -> add(g, ds, DCTerms.source.asNode(), a));
        add(g, ds, iri(VOID + "sparqlEndpoint"), endpointNode());
        add(g, ds, iri(DCAT + "landingPage"), iri(addresses.address("/")));
        add(g, ds, iri(VOID + "uriSpace"), NodeFactory.createLiteralString(ns.namespace()));
        articles.forEach(a -> add(g, ds, iri(VOID + "rootResource"), a));
        examples.forEach(e -> add(g, ds, iri(VOID + "exampleResource"), iri(e)));
        vocabularies().forEach(v -> add(g, ds, iri(VOID + "vocabulary"), iri(v)));
        counts(g, ds, stats.union());
        add(g, ds, iri(VOID + "feature"), iri(FORMATS + "Turtle"));
        add(g, ds, iri(VOID + "feature"), iri(FORMATS + "JSON-LD"));
        for (Dumps.Dump d : Dumps.ALL) {
            Node url = iri(addresses.address(d.path()));
            add(g, ds, iri(VOID + "dataDump"), url);
            Node dist = iri(addresses.iri(d.path()) + "#distribution");
            add(g, ds, iri(DCAT + "distribution"), dist);
            add(g, dist, RDF.type.asNode(), iri(DCAT + "Distribution"));
            add(g, dist, iri(DCAT + "downloadURL"), url);
            add(g, dist, iri(DCAT + "mediaType"), iri("https://www.iana.org/assignments/media-types/" + d.mediaType()));
            add(g, dist, DCTerms.title.asNode(), NodeFactory.createLiteralLang(d.title(), "en"));
            add(g, dist, DCTerms.license.asNode(), iri(LICENSE));
        }
        Node service = serviceNode();
        add(g, ds, iri(DCAT + "distribution"), service);
        add(g, service, RDF.type.asNode(), iri(DCAT + "DataService"));
        add(g, service, iri(DCAT + "endpointURL"), endpointNode());
        add(g, service, iri(DCAT + "servesDataset"), ds);
        for (Node graphName : stats.graphNames()) {
            add(g, ds, iri(VOID + "subset"), graphName);
            add(g, graphName, RDF.type.asNode(), iri(VOID + "Dataset"));
            add(g, graphName, iri(SD + "name"), graphName);
            add(g, graphName, iri(VOID + "sparqlEndpoint"), endpointNode());
            counts(g, graphName, stats.graphs().get(graphName));
        }
        return g;
    }

    /** The Service Description of the endpoint: query language, result formats, union default graph, graph sizes. */
    public Graph serviceGraph() {
        Graph g = newGraph();
        g.getPrefixMapping().setNsPrefixes(ExtensionFunctions.PREFIXES);
        Node service = serviceNode();
        add(g, service, RDF.type.asNode(), iri(SD + "Service"));
        add(g, service, iri(SD + "endpoint"), endpointNode());
        add(g, service, iri(SD + "supportedLanguage"), iri(SD + "SPARQL11Query"));
        add(g, service, iri(SD + "feature"), iri(SD + "UnionDefaultGraph"));
        for (String f : List.of("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                                "Turtle", "JSON-LD", "RDF_XML", "N-Triples", "TriG", "N-Quads"))
            add(g, service, iri(SD + "resultFormat"), iri(FORMATS + f));
        // Functions are sd:extensionFunction; property functions (text:query, apf:strSplit) are sd:propertyFeature.
        for (ExtensionFunctions.Extension f : functions.all()) {
            Node fn = iri(f.iri());
            add(g, service, iri(SD + (f.property() ? "propertyFeature" : "extensionFunction")), fn);
            add(g, fn, RDF.type.asNode(), iri(SD + (f.property() ? "Feature" : "Function")));
        }
        Node textQuery = iri("http://jena.apache.org/text#query");
        if (g.contains(service, iri(SD + "propertyFeature"), textQuery))
            add(g, textQuery, RDFS.comment.asNode(), NodeFactory.createLiteralLang(
                    "Jena full-text search: (?s ?score ?literal) text:query (property? \"lucene query\"); without a property it "
                    + "searches labels, quotations, paraphrases, propositions, descriptions and evidence passages.", "en"));
        add(g, service, DCTerms.title.asNode(), NodeFactory.createLiteralLang("Stargate KG SPARQL endpoint (read-only)", "en"));
        Node dataset = iri(addresses.iri("/sparql") + "#dataset");
        add(g, service, iri(SD + "defaultDataset"), dataset);
        add(g, dataset, RDF.type.asNode(), iri(SD + "Dataset"));
        add(g, dataset, iri(DCTerms.NS + "source"), datasetNode());
        Node defaultGraph = NodeFactory.createBlankNode("defaultGraph");
        add(g, dataset, iri(SD + "defaultGraph"), defaultGraph);
        add(g, defaultGraph, RDF.type.asNode(), iri(SD + "Graph"));
        add(g, defaultGraph, iri(VOID + "triples"), number(stats.union().triples()));
        for (Node graphName : stats.graphNames()) {
            Node named = NodeFactory.createBlankNode("named-" + graphName.getURI().substring(ns.namespace().length()).replace('/', '-'));
            add(g, dataset, iri(SD + "namedGraph"), named);
            add(g, named, RDF.type.asNode(), iri(SD + "NamedGraph"));
            add(g, named, iri(SD + "name"), graphName);
            add(g, named, iri(SD + "graph"), graphName);
            add(g, graphName, RDF.type.asNode(), iri(SD + "Graph"));
            add(g, graphName, iri(VOID + "triples"), number(stats.graphs().get(graphName).triples()));
        }
        return g;
    }

    /** The namespaces of the properties and classes in use (the part of each IRI up to its last '/' or '#'). */
    List<String> vocabularies() {
        TreeSet<String> out = new TreeSet<>();
        for (List<String> iris : List.of(stats.properties(), stats.classes())) {
            for (String i : iris) {
                int cut = Math.max(i.lastIndexOf('/'), i.lastIndexOf('#'));
                if (cut > 0 && !i.startsWith(ns.instances()))
                    out.add(i.substring(0, cut + 1));
            }
        }
        return List.copyOf(out);
    }

    private void counts(Graph g, Node subject, Counts c) {
        add(g, subject, iri(VOID + "triples"), number(c.triples()));
        add(g, subject, iri(VOID + "entities"), number(c.entities()));
        add(g, subject, iri(VOID + "distinctSubjects"), number(c.entities()));
        add(g, subject, iri(VOID + "classes"), number(c.classes()));
        add(g, subject, iri(VOID + "properties"), number(c.properties()));
    }

    private Graph newGraph() {
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefixes(prefixes);
        g.getPrefixMapping().setNsPrefix("sd", SD);
        g.getPrefixMapping().setNsPrefix("graph", ns.graphs());
        return g;
    }

    private static Node number(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }

    private static Node iri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static void add(Graph g, Node s, Node p, Node o) {
        g.add(s, p, o);
    }
}
