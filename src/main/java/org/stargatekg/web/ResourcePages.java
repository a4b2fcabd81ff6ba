package org.stargatekg.web;

import org.apache.jena.riot.out.NodeFmtLib;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.XSD;

/** Builds the {@link ResourcePage} of any node of the dataset from its triples in both directions. */
final class ResourcePages {

    /** The title of the group of inferred triples in standard vocabularies, which pages fold away. */
    static final String STANDARD_GROUP = "In standard vocabularies (inferred)";

    private static final Set<String> PLAIN_TYPES = Set.of(XSD.xstring.getURI(), RDF.langString.getURI());

    private final Site site;
    private final Labels labels;
    private final Evidence evidence;
    private final Terms t;
    private final Graph g;

    ResourcePages(Site site) {
        this.site = site;
        this.labels = site.labels();
        this.evidence = new Evidence(site, labels);
        this.t = site.terms();
        this.g = site.union();
    }

    Labels labels() {
        return labels;
    }

    Evidence evidence() {
        return evidence;
    }

    /** The page of a node that {@link Site#exists} says is there. */
    ResourcePage page(Node node, List<Format> formats) {
        Link self = site.link(node, labels);
        List<Value> types = new ArrayList<>();
        List<Link> sameAs = new ArrayList<>();
        Map<Node, List<Value>> outLinks = new LinkedHashMap<>();
        Map<Node, List<Value>> outValues = new LinkedHashMap<>();
        Map<Node, List<Value>> standard = new LinkedHashMap<>();
        Set<Triple> shown = new HashSet<>();
        for (Triple tr : sorted(g.find(node, Node.ANY, Node.ANY).toList())) {
            Node p = tr.getPredicate();
            Node o = tr.getObject();
            if (p.equals(Terms.TYPE)) {
                types.add(value(tr, o));
            } else if (!p.equals(Terms.SAME_AS) && site.isInferred(tr) && !p.getURI().startsWith(site.namespaces().ontology())) {
                standard.computeIfAbsent(p, k -> new ArrayList<>()).add(value(tr, o));
            } else if (p.equals(Terms.SAME_AS) && o.isURI()) {
                sameAs.add(site.link(o, labels));
            } else if (p.equals(t.evidence) || p.equals(t.describedIn)) {
                continue;
            } else if (o.isLiteral()) {
                if (p.equals(Terms.LABEL) || p.equals(org.stargatekg.vocab.NIF.isString))
                    continue;
                outValues.computeIfAbsent(p, k -> new ArrayList<>()).add(value(tr, o));
            } else {
                outLinks.computeIfAbsent(p, k -> new ArrayList<>()).add(value(tr, o));
                shown.add(Triple.create(o, p, node));
            }
        }
        Map<Node, List<Value>> incoming = new LinkedHashMap<>();
        for (Triple tr : sorted(g.find(Node.ANY, Node.ANY, node).toList())) {
            Node p = tr.getPredicate();
            if (alreadyShownAsInverse(tr))
                continue;
            if (site.isInferred(tr) && !p.getURI().startsWith(site.namespaces().ontology())) {
                continue;
            }
            incoming.computeIfAbsent(p, k -> new ArrayList<>()).add(value(tr, tr.getSubject()));
        }
        List<PropertyGroup> groups = new ArrayList<>();
        if (!outLinks.isEmpty())
            groups.add(new PropertyGroup("Relations", rows(outLinks, false)));
        if (!outValues.isEmpty())
            groups.add(new PropertyGroup("Values", rows(outValues, false)));
        if (!incoming.isEmpty())
            groups.add(new PropertyGroup("Links to this resource", rows(incoming, true)));
        if (!standard.isEmpty())
            groups.add(new PropertyGroup(STANDARD_GROUP, rows(standard, false)));
        // A graph's IRI is the name of its content, not a subject in it: DESCRIBE would find nothing to say.
        String query = site.dataset().containsGraph(node)
                ? "SELECT ?s ?p ?o WHERE {\n  GRAPH " + NodeFmtLib.strNT(node) + " { ?s ?p ?o }\n}\nLIMIT 100"
                : "DESCRIBE " + NodeFmtLib.strNT(node);
        String queryHref = "/sparql#query=" + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20");
        String exploreHref = "/explore?iri=" + URLEncoder.encode(self.iri(), StandardCharsets.UTF_8);
        List<ResourcePage.FormatLink> formatLinks = new ArrayList<>();
        String path = self.href();
        for (Format f : formats)
            formatLinks.add(new ResourcePage.FormatLink(f.name(), path + f.suffix(), f.mediaType()));
        // Each passage once per page: the resource's own evidence first, then the thread, then the values; a passage
        // met again is shown as a reference to the first.
        Set<String> seenPassages = new HashSet<>();
        List<Passage> own = once(evidence.of(node), seenPassages);
        List<ThreadItem> thread = new ArrayList<>();
        for (ThreadItem item : new Threads(site, labels, evidence).thread(node))
            thread.add(new ThreadItem(item.statement(), item.speaker(), item.words(), item.verbatim(), item.channel(),
                                      item.relation(), item.depth(), item.current(), once(item.evidence(), seenPassages)));
        List<PropertyGroup> shownGroups = new ArrayList<>();
        for (PropertyGroup group : groups) {
            List<PropertyRow> rows = new ArrayList<>();
            for (PropertyRow row : group.rows())
                rows.add(new PropertyRow(row.property(), row.label(),
                                         row.values().stream().map(v -> v.withEvidence(once(v.evidence(), seenPassages))).toList()));
            shownGroups.add(new PropertyGroup(group.title(), rows));
        }
        types.sort(Comparator.comparing((Value v) -> v.inferred()).thenComparing(v -> v.link().label(), String.CASE_INSENSITIVE_ORDER));
        return new ResourcePage(self, types, description(node), shownGroups, own, thread, sameAs, formatLinks, queryHref,
                                exploreHref, evidence.byArticle(node), evidence.notReviewed(node));
    }

    /** The passages with those already shown higher up the page turned into references; records the rest as shown. */
    private static List<Passage> once(List<Passage> passages, Set<String> seen) {
        List<Passage> out = new ArrayList<>();
        for (Passage p : passages)
            out.add(seen.add(p.passage().iri()) ? p : p.asRepeat());
        return out;
    }

    /** Whether an incoming triple (x p self) repeats an outgoing one (self q x) where q is p's declared inverse. */
    private boolean alreadyShownAsInverse(Triple incoming) {
        Node p = incoming.getPredicate();
        for (Triple inv : g.find(p, Terms.INVERSE, Node.ANY).toList())
            if (g.contains(incoming.getObject(), inv.getObject(), incoming.getSubject()))
                return true;
        return false;
    }

    private List<PropertyRow> rows(Map<Node, List<Value>> byProperty, boolean incoming) {
        List<PropertyRow> rows = new ArrayList<>();
        byProperty.forEach((p, values) -> {
            Link link = site.link(p, labels);
            rows.add(new PropertyRow(link, incoming ? labels.inverseLabel(p) : link.label(), values));
        });
        rows.sort(Comparator.comparing(PropertyRow::label, String.CASE_INSENSITIVE_ORDER));
        return rows;
    }

    /** One value of a triple: the object (or subject, for incoming) as link or literal, with evidence and formatting. */
    Value value(Triple tr, Node v) {
        boolean inferred = site.isInferred(tr);
        boolean external = !inferred && site.isExternal(tr);
        if (v.isLiteral()) {
            String dt = v.getLiteralDatatypeURI();
            Link datatype = dt == null || PLAIN_TYPES.contains(dt) ? null : site.link(org.apache.jena.graph.NodeFactory.createURI(dt), labels);
            String formatted = null;
            String exact = null;
            Node p = tr.getPredicate();
            if ((p.equals(t.value) || p.equals(t.maxValue)) && XSD.decimal.getURI().equals(dt)) {
                BigDecimal amount = new BigDecimal(v.getLiteralLexicalForm());
                String code = currencyCode(tr.getSubject());
                boolean bound = p.equals(t.maxValue);
                formatted = inWords(tr.getSubject(), amount, code, bound);
                exact = Amounts.exact(amount, code, bound);
            }
            return new Value(null, v.getLiteralLexicalForm(), v.getLiteralLanguage(), datatype, formatted, exact,
                             inferred, external, List.of());
        }
        Link link = site.link(v, labels);
        String formatted = null;
        String exact = null;
        if (g.contains(v, Terms.TYPE, t.monetaryAmount)) {
            String code = currencyCode(v);
            Node value = site.first(v, t.value);
            Node max = site.first(v, t.maxValue);
            Node n = value != null ? value : max;
            if (n != null && n.isLiteral()) {
                BigDecimal amount = new BigDecimal(n.getLiteralLexicalForm());
                // A linked amount reads as its figure; its own page gives the words it was stated in.
                formatted = Amounts.format(amount, code, value == null);
                exact = Amounts.exact(amount, code, value == null);
            }
        }
        List<Passage> passages = g.contains(v, Terms.TYPE, t.reported) ? evidence.of(v).stream().limit(1).toList() : List.of();
        return new Value(link, null, null, null, formatted, exact, inferred, external, passages);
    }

    /**
     * An amount as a reader says it: the article's own words for it where recorded (sg:statedAs, "well under $10
     * billion"), with whose words they are when a statement gives them ("as Elon Musk put it"), else the figure in words.
     */
    private String inWords(Node amountNode, BigDecimal amount, String code, boolean bound) {
        Node statedAs = site.first(amountNode, t.statedAs);
        String words = statedAs != null && statedAs.isLiteral() ? statedAs.getLiteralLexicalForm()
                : Amounts.format(amount, code, bound);
        Node source = site.first(amountNode, t.statedIn);
        Node speaker = source == null ? null : site.first(source, t.speaker);
        return speaker == null ? words : words + ", as " + labels.label(speaker) + " put it";
    }

    private String currencyCode(Node amount) {
        Node currency = site.first(amount, t.currency);
        Node code = currency == null ? null : site.first(currency, t.currencyCode);
        return code == null ? null : code.getLiteralLexicalForm();
    }

    private String description(Node node) {
        if (site.dataset().containsGraph(node) && !g.contains(node, Node.ANY, Node.ANY))
            return "A named graph of " + site.dataset().getGraph(node).size() + " triples; download it in any of the formats below.";
        for (Node p : List.of(Terms.SKOS_DEFINITION, Terms.SCHEMA_DESCRIPTION, Terms.DC_DESCRIPTION, Terms.COMMENT)) {
            Node d = site.first(node, p);
            if (d != null && d.isLiteral())
                return d.getLiteralLexicalForm();
        }
        return null;
    }


    private List<Triple> sorted(List<Triple> triples) {
        triples.sort(Comparator.comparing((Triple tr) -> labels.label(tr.getPredicate()))
                             .thenComparing(tr -> tr.getObject().isLiteral() ? tr.getObject().getLiteralLexicalForm()
                                                                               : labels.label(tr.getObject()))
                             .thenComparing(tr -> labels.label(tr.getSubject())));
        return triples;
    }
}
