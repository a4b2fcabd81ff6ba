package org.stargatekg.remote;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stargatekg.vocab.NIF;
import org.stargatekg.vocab.SG;

/**
 * Everything one page reads around a node, fetched from the store in one SELECT of fixed size whatever the node's
 * degree (two for a node in a statement thread): the node's quads in both directions (level 0); for every node they link to, its predicates and the classes
 * of its literals, the few properties the page shows of it (level 1: labels, a few classes, evidence links, amounts);
 * for the nodes those lead to, what the page shows of them (level 2: passages' offsets, currencies' codes, labels);
 * and for a statement, its thread (what it answers and what answers it, transitively) with what a thread shows.
 * <p>
 * The nodes of each level are computed by the store inside the query (a {@code SELECT DISTINCT} subquery joined with
 * the properties wanted), never sent as a list, so the query's text does not grow with the degree. Each level's
 * nodes come back listed even when they have none of the properties (an {@code OPTIONAL}), so what the answer covers
 * is known exactly, and a later find is answered from it only where nothing can be missing ({@link Known.Cover}).
 * Forms chosen for Virtuoso 7.2.5 (measured): no {@code VALUES} and no {@code BIND} after a subquery (it then gives one
 * empty row), and the answer asked for as SPARQL XML (see {@link RemoteStore#XML_RESULTS}). Where the store
 * binds request parameters ({@link RemoteStore#bindsParameters}, Virtuoso does) the focus goes as one, so every page
 * of a kind sends the same text and the store compiles it once.
 */
final class Neighbourhood {

    private static final Logger LOG = LoggerFactory.getLogger(Neighbourhood.class);

    /** The most rows one answer may hold; an answer this long may have been cut by the store, so it covers nothing. */
    static final int MAX_ROWS = 10_000;

    private static final Node TYPE = RDF.type.asNode();
    /** The properties a page takes a label from, as {@code web.Labels} tries them. */
    static final List<Node> LABELS = List.of(RDFS.label.asNode(), SKOS.prefLabel.asNode(),
                                                     org.apache.jena.graph.NodeFactory.createURI("https://schema.org/name"),
                                                     DCTerms.title.asNode());
    private static final Node RESPONDS_TO = SG.respondsTo.asNode();

    /** Predicates kept in full for a level's nodes, classes kept of their rdf:type (others are not fetched), and what that covers. */
    record Facets(Set<Node> predicates, Set<Node> types, Known.Cover cover) {
        static Facets of(Set<Node> predicates, Set<Node> types) {
            return new Facets(predicates, types, Known.Cover.of(predicates, types));
        }
    }

    /**
     * The request parameter that carries the focus of a page query to a store that binds parameters
     * ({@link RemoteStore#bindsParameters}); the query reads it as {@code ?::stargatekgfocus}.
     */
    static final String FOCUS_PARAMETER = "stargatekgfocus";

    /** How a query sent with {@link #focusParameter} writes its focus. */
    static final String FOCUS_TERM = "?::" + FOCUS_PARAMETER;

    /** The request parameter giving the focus, for a query that writes it as {@link #FOCUS_TERM}. */
    Map<String, String> focusParameter() {
        return Map.of("?" + FOCUS_PARAMETER, Patterns.term(focus, "f"));
    }

    /** The most nodes {@link #ofNodes} takes in one query: a list this short is one Virtuoso answers well (measured). */
    static final int MAX_LISTED = 100;

    private final String kind;
    private final Node focus;
    private final List<Node> listed;
    private final Facets first;
    private final Set<Node> firstIncoming;
    private final Set<Node> hops;
    private final Set<Node> hopsIncoming;
    private final Facets second;
    private final Facets thread;
    private final Set<Node> threadHops;

    private Neighbourhood(String kind, Facets first, Set<Node> firstIncoming, Set<Node> hops, Set<Node> hopsIncoming,
                          Facets second, Facets thread, Set<Node> threadHops) {
        this(kind, null, null, first, firstIncoming, hops, hopsIncoming, second, thread, threadHops);
    }

    private Neighbourhood(String kind, Node focus, List<Node> listed, Facets first, Set<Node> firstIncoming, Set<Node> hops,
                          Set<Node> hopsIncoming, Facets second, Facets thread, Set<Node> threadHops) {
        this.kind = kind;
        this.focus = focus;
        this.listed = listed;
        this.first = first;
        this.firstIncoming = firstIncoming;
        this.hops = hops;
        this.hopsIncoming = hopsIncoming;
        this.second = second;
        this.thread = thread;
        this.threadHops = threadHops;
    }

    /** What a resource's RDF description reads: its quads both ways, and the labels (with their graphs) of what it links to. */
    static Neighbourhood description(Node focus) {
        return DESCRIPTION.at(focus);
    }

    private static final Neighbourhood DESCRIPTION = new Neighbourhood("description", Facets.of(Set.of(RDFS.label.asNode()), Set.of()),
                                                                       Set.of(), Set.of(), Set.of(), null, null, Set.of());

    /** What the graph view reads: the node's quads both ways, and the labels and kind of each neighbour. */
    static Neighbourhood graphView(Node focus) {
        return GRAPH_VIEW.at(focus);
    }

    private static final Neighbourhood GRAPH_VIEW = new Neighbourhood("graph view",
            Facets.of(labels(), Set.of(SG.Statement.asNode(), SG.Reported.asNode(), SG.EvidencePassage.asNode())),
            Set.of(), Set.of(), Set.of(), null, null, Set.of());

    /**
     * What a resource page reads: the node's quads both ways; of each neighbour its labels, whether it is an amount,
     * a reported item or a statement, its evidence links, amounts and inverse; of what those lead to (passages,
     * currencies, inverse properties) labels, offsets and codes; and the statement thread the node is in.
     */
    static Neighbourhood resourcePage(Node focus) {
        return RESOURCE_PAGE.at(focus);
    }

    private static final Neighbourhood RESOURCE_PAGE = resourcePage();

    private static Neighbourhood resourcePage() {
        Set<Node> passage = Set.of(NIF.referenceContext, NIF.beginIndex, NIF.endIndex);
        Set<Node> firstPredicates = with(labels(), OWL.inverseOf.asNode(), SG.evidence.asNode(), SG.describedIn.asNode(),
                                         SG.value.asNode(), SG.maxValue.asNode(), SG.currency.asNode(), SG.currencyCode.asNode(),
                                         SG.reviewStatus.asNode());
        firstPredicates.addAll(passage);
        Set<Node> secondPredicates = with(labels(), SG.currencyCode.asNode(), SG.reviewStatus.asNode());
        secondPredicates.addAll(passage);
        Set<Node> threadPredicates = with(labels(), SG.evidence.asNode(), SG.describedIn.asNode(), RESPONDS_TO, SG.disputes.asNode(),
                                          SG.speaker.asNode(), SG.verbatimText.asNode(), SG.paraphrase.asNode(), SG.emoji.asNode(),
                                          SG.channel.asNode(), SG.reviewStatus.asNode());
        return new Neighbourhood("resource page",
                                 Facets.of(firstPredicates, Set.of(SG.MonetaryAmount.asNode(), SG.Reported.asNode(), SG.Statement.asNode())),
                                 Set.of(),
                                 // A passage's article: its label heads the passage's evidence group on the page.
                                 Set.of(SG.evidence.asNode(), SG.describedIn.asNode(), SG.currency.asNode(), OWL.inverseOf.asNode(),
                                        NIF.referenceContext),
                                 Set.of(),
                                 Facets.of(secondPredicates, Set.of()),
                                 Facets.of(threadPredicates, Set.of(SG.Statement.asNode())),
                                 Set.of(SG.speaker.asNode(), SG.channel.asNode(), SG.evidence.asNode(), SG.describedIn.asNode()));
    }

    /**
     * What the article view reads: the article's quads both ways (its passages and sentences point at it); of each
     * passage its offsets, label and review status, what cites it as evidence and, of a sentence, the passages in it;
     * and the labels of those.
     */
    static Neighbourhood articlePage(Node article) {
        return ARTICLE_PAGE.at(article);
    }

    private static final Neighbourhood ARTICLE_PAGE = articlePage();

    private static Neighbourhood articlePage() {
        Set<Node> firstPredicates = with(labels(), NIF.referenceContext, NIF.beginIndex, NIF.endIndex, SG.reviewStatus.asNode());
        Set<Node> cites = Set.of(SG.evidence.asNode(), SG.describedIn.asNode());
        // A sentence is a string of the article too; the view asks which passages lie in it (nif:sentence).
        Set<Node> incoming = Set.of(SG.evidence.asNode(), SG.describedIn.asNode(), NIF.sentence);
        return new Neighbourhood("article page", Facets.of(firstPredicates, Set.of(NIF.Sentence)), incoming, Set.of(), cites,
                                 Facets.of(labels(), Set.of()), null, Set.of());
    }

    /** The same kind of neighbourhood around another node. */
    private Neighbourhood at(Node node) {
        return new Neighbourhood(kind, node, listed, first, firstIncoming, hops, hopsIncoming, second, thread, threadHops);
    }

    /**
     * Some properties of each of a short list of nodes (search hits: labels and classes), given as a {@code VALUES}
     * block of at most {@link #MAX_LISTED} nodes.
     */
    static Neighbourhood ofNodes(List<Node> nodes, Set<Node> predicates) {
        if (nodes.size() > MAX_LISTED)
            throw new IllegalArgumentException("at most " + MAX_LISTED + " nodes in one query, not " + nodes.size());
        return new Neighbourhood(null, null, List.copyOf(nodes), Facets.of(Set.copyOf(predicates), Set.of()), Set.of(), Set.of(), Set.of(),
                                 null, null, Set.of());
    }

    private static Set<Node> labels() {
        return new LinkedHashSet<>(LABELS);
    }

    private static Set<Node> with(Set<Node> base, Node... more) {
        Set<Node> out = new LinkedHashSet<>(base);
        out.addAll(List.of(more));
        return out;
    }

    /** The node the page is about. */
    Node focus() {
        return focus;
    }

    /**
     * The query, of fixed size whatever the node's degree: everything but a statement thread, and whether the focus
     * is in one ({@code ?r0}).
     */
    String query(RemoteStore store) {
        return query(store, Patterns.term(focus, "f"));
    }

    /** The same with the focus written as {@code f}: the node itself, or the parameter that stands for it. */
    String query(RemoteStore store, String f) {
        String ours = store.graphFilter("g");
        if (listed != null)
            return "SELECT * WHERE { VALUES ?a1 { " + listed.stream().map(n -> Patterns.term(n, "x")).collect(Collectors.joining(" "))
                   + " } " + facets("a1", first, ours) + " } LIMIT " + MAX_ROWS;
        StringBuilder q = new StringBuilder("SELECT * WHERE {\n");
        q.append(" { GRAPH ?g { ").append(f).append(" ?p ?o } BIND(").append(f).append(" AS ?s) ").append(ours).append(" }\n");
        q.append(" UNION { GRAPH ?g { ?s ?p ").append(f).append(" } BIND(").append(f).append(" AS ?o) ").append(ours).append(" }\n");
        // Whether the focus is used as a predicate: the last thing a page asks to tell that a node exists.
        q.append(" UNION { SELECT ?k0 WHERE { GRAPH ?k0 { ?s9 ").append(f).append(" ?o9 } ").append(store.graphFilter("k0"))
         .append(" } LIMIT 1 }\n");
        q.append(" UNION { { SELECT DISTINCT ?a1 WHERE { ").append(neighbours(f, "a1")).append(" } } ")
         .append(facets("a1", first, ours)).append(" }\n");
        if (!firstIncoming.isEmpty())
            q.append(" UNION { { SELECT DISTINCT ?b1 WHERE { ").append(neighbours(f, "b1")).append(" } } GRAPH ?g { ?s ?p ?b1 } ")
             .append(in("p", firstIncoming)).append(' ').append(ours).append(" }\n");
        if (second != null && !(hops.isEmpty() && hopsIncoming.isEmpty())) {
            q.append(" UNION { { SELECT DISTINCT ?a2 WHERE { { SELECT DISTINCT ?n1 WHERE { ").append(neighbours(f, "n1")).append(" } } ");
            String out = hops.isEmpty() ? null : "{ GRAPH ?h1 { ?n1 ?q1 ?a2 } " + in("q1", hops) + " }";
            String back = hopsIncoming.isEmpty() ? null : "{ GRAPH ?h1 { ?a2 ?q1 ?n1 } " + in("q1", hopsIncoming) + " }";
            q.append(out != null && back != null ? out + " UNION " + back : out != null ? out : back);
            q.append(" } } ").append(facets("a2", second, ours)).append(" }\n");
        }
        if (thread != null) {
            // Whether the focus is in a statement thread at all: most pages are not, and the thread's own query (its
            // transitive paths) is then not sent (it cost Virtuoso 7.2.5 about half the CPU of a page).
            String r = Patterns.term(RESPONDS_TO, "r");
            q.append(" UNION { SELECT ?r0 WHERE { { ").append(f).append(' ').append(r).append(" ?r0 } UNION { ?r0 ").append(r)
             .append(' ').append(f).append(" } } LIMIT 1 }\n");
        }
        return q.append("} LIMIT ").append(MAX_ROWS).toString();
    }

    /**
     * The second query, for a focus in a statement thread only: the statements it answers and that answer it,
     * transitively, with what a thread shows of each and of what they lead to.
     */
    String threadQuery(RemoteStore store) {
        return threadQuery(store, Patterns.term(focus, "f"));
    }

    String threadQuery(RemoteStore store, String f) {
        String ours = store.graphFilter("g");
        StringBuilder q = new StringBuilder("SELECT * WHERE {\n");
        q.append(" { { SELECT DISTINCT ?t1 WHERE { ").append(members(f, "t1")).append(" } } ")
         .append(facets("t1", thread, ours)).append(" }\n");
        q.append(" UNION { { SELECT DISTINCT ?u1 WHERE { ").append(members(f, "u1")).append(" } } GRAPH ?g { ?s ?p ?u1 } FILTER(?p = ")
         .append(Patterns.term(RESPONDS_TO, "p")).append(") ").append(ours).append(" }\n");
        if (!threadHops.isEmpty() && second != null)
            q.append(" UNION { { SELECT DISTINCT ?t2 WHERE { { SELECT DISTINCT ?m1 WHERE { ").append(members(f, "m1"))
             .append(" } } GRAPH ?h2 { ?m1 ?q2 ?t2 } ").append(in("q2", threadHops)).append(" } } ")
             .append(facets("t2", second, ours)).append(" }\n");
        return q.append("} LIMIT ").append(MAX_ROWS).toString();
    }

    /**
     * The nodes one step from the focus, in any of our graphs or the store's others (a superset does no harm: each
     * comes back listed with what it has): objects that are not literals, subjects, predicates both ways, and the
     * datatypes of its literals (a page links them by label).
     */
    private static String neighbours(String f, String v) {
        // The datatypes come from a projection: Virtuoso 7.2.5 fails on BIND(DATATYPE(...)) in a UNION branch here.
        return "{ GRAPH ?x0 { " + f + " ?y0 ?" + v + " } FILTER(!isLiteral(?" + v + ")) } UNION { GRAPH ?x0 { ?" + v + " ?y0 " + f
               + " } } UNION { GRAPH ?x0 { " + f + " ?" + v + " ?z0 } } UNION { GRAPH ?x0 { ?z0 ?" + v + " " + f + " } } UNION { SELECT (DATATYPE(?l0) AS ?"
               + v + ") WHERE { GRAPH ?x0 { " + f + " ?y0 ?l0 } FILTER(isLiteral(?l0)) } }";
    }

    /** The statements the focus answers and those answering it, transitively (by the store's default graph). */
    private static String members(String f, String v) {
        String r = Patterns.term(RESPONDS_TO, "r");
        return "{ " + f + " " + r + "+ ?" + v + " } UNION { ?" + v + " " + r + "+ " + f + " }";
    }

    /** An OPTIONAL block giving a node's quads with the predicates and classes wanted: one row per node at least. */
    private static String facets(String v, Facets facets, String ours) {
        StringBuilder sb = new StringBuilder("OPTIONAL { ");
        sb.append("{ GRAPH ?g { ?").append(v).append(" ?p ?o } ").append(in("p", facets.predicates())).append(' ').append(ours).append(" }");
        if (!facets.types().isEmpty())
            sb.append(" UNION { GRAPH ?g { ?").append(v).append(" ?p ?o } FILTER(?p = ").append(Patterns.term(TYPE, "p"))
              .append(" && ?o IN (").append(list(facets.types())).append(")) ").append(ours).append(" }");
        return sb.append(" }").toString();
    }

    private static String in(String var, Set<Node> nodes) {
        return "FILTER(?" + var + " IN (" + list(nodes) + "))";
    }

    private static String list(Set<Node> nodes) {
        return nodes.stream().map(n -> Patterns.term(n, "x")).collect(Collectors.joining(", "));
    }

    /**
     * Asks the store once (twice for a focus in a statement thread, {@link #threadQuery}) and puts what came back into
     * {@code known}, with what it covers. An answer of
     * {@link #MAX_ROWS} rows may have been cut short, so it is kept as quads but covers nothing: the page then asks
     * node by node.
     */
    void fetch(RemoteStore store, Known known) {
        boolean parameter = kind != null && focus != null && focus.isURI() && plain(focus.getURI()) && store.bindsParameters();
        String f = parameter ? FOCUS_TERM : Patterns.term(focus, "f");
        Map<String, String> parameters = parameter ? focusParameter() : Map.of();
        // With the focus as a parameter the text is the same for every page of a kind: written once per store.
        String text = parameter ? store.written(kind, () -> query(store, FOCUS_TERM)) : query(store, f);
        List<Binding> rows = store.select(text, parameters);
        boolean whole = rows.size() < MAX_ROWS;
        if (thread != null && whole && rows.stream().anyMatch(row -> row.get("r0") != null)) {
            String threadText = parameter ? store.written(kind + ", thread", () -> threadQuery(store, FOCUS_TERM)) : threadQuery(store, f);
            List<Binding> threadRows = store.select(threadText, parameters);
            whole = threadRows.size() < MAX_ROWS;
            rows = new ArrayList<>(rows);
            rows.addAll(threadRows);
        }
        if (!whole)
            LOG.warn("The neighbourhood of {} has {} rows or more: asking node by node instead", focus, MAX_ROWS);
        Set<Node> level1 = new LinkedHashSet<>();
        Set<Node> level2 = new LinkedHashSet<>();
        Set<Node> members = new LinkedHashSet<>();
        boolean predicate = false;
        for (Binding row : rows) {
            Node g = row.get("g");
            if (row.get("a1") != null) {
                level1.add(row.get("a1"));
                add(store, known, g, row.get("a1"), row.get("p"), row.get("o"));
            } else if (row.get("b1") != null) {
                add(store, known, g, row.get("s"), row.get("p"), row.get("b1"));
            } else if (row.get("a2") != null) {
                level2.add(row.get("a2"));
                add(store, known, g, row.get("a2"), row.get("p"), row.get("o"));
            } else if (row.get("t1") != null) {
                members.add(row.get("t1"));
                add(store, known, g, row.get("t1"), row.get("p"), row.get("o"));
            } else if (row.get("u1") != null) {
                add(store, known, g, row.get("s"), row.get("p"), row.get("u1"));
            } else if (row.get("k0") != null) {
                predicate = true;
            } else if (row.get("t2") != null) {
                level2.add(row.get("t2"));
                add(store, known, g, row.get("t2"), row.get("p"), row.get("o"));
            } else {
                add(store, known, g, row.get("s"), row.get("p"), row.get("o"));
            }
        }
        if (!whole)
            return;
        if (focus != null) {
            known.coverSubject(focus, Known.Cover.ALL);
            known.coverObject(focus, Known.Cover.ALL);
            known.usedAsPredicate(focus, predicate);
        }
        Known.Cover incoming = firstIncoming.isEmpty() ? null : Known.Cover.of(firstIncoming, Set.of());
        for (Node n : level1) {
            known.coverSubject(n, first.cover());
            if (incoming != null)
                known.coverObject(n, incoming);
        }
        for (Node n : level2)
            known.coverSubject(n, second.cover());
        if (thread == null)
            return;
        Known.Cover replies = Known.Cover.of(Set.of(RESPONDS_TO), Set.of());
        for (Node n : members) {
            known.coverSubject(n, thread.cover());
            known.coverObject(n, replies);
        }
    }

    /**
     * Whether an IRI goes as a request parameter unchanged: Virtuoso reads a parameter's value as Turtle, so only
     * an IRI with no character Turtle escapes or refuses is sent that way (any other is written into the query).
     */
    static boolean plain(String iri) {
        for (int i = 0; i < iri.length(); i++) {
            char c = iri.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "<>\"{}|^`\\".indexOf(c) >= 0)
                return false;
        }
        return !iri.startsWith("nodeID:") && !iri.startsWith("_:");
    }

    /** Holds a quad of the answer if every part is there and its graph is one of ours (a level's bare row has none). */
    private static void add(RemoteStore store, Known known, Node g, Node s, Node p, Node o) {
        if (g != null && s != null && p != null && o != null && store.isOurs(g))
            known.add(Quad.create(g, s, p, o));
    }
}
