package org.stargatekg.author;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.stargatekg.vocab.NIF;
import org.stargatekg.vocab.SCHEMA;
import org.stargatekg.vocab.SG;

/**
 * The review's operations on a copy of the folder's triples, each file kept apart: a triple about a subject goes to
 * the file that types the subject (else any file that states something of it, else a file for its kind).
 */
final class Editor {

    private static final Node TYPE = RDF.type.asNode();
    private static final Node LABEL = RDFS.label.asNode();
    private static final Node STATUS = SG.reviewStatus.asNode();
    private static final Node NOT_REVIEWED = SG.NotReviewed.asNode();
    private static final Node REVIEWED = SG.Reviewed.asNode();
    private static final Node DESCRIBED_IN = SG.describedIn.asNode();
    private static final Node EVIDENCE = SG.evidence.asNode();
    private static final Node MENTIONS = SCHEMA.mentions.asNode();

    private final Map<String, Graph> files;
    private final Workspace workspace;

    Editor(Map<String, Graph> files, Workspace workspace) {
        this.files = files;
        this.workspace = workspace;
    }

    /** All the copy's triples in one graph (a snapshot). */
    Graph merged() {
        Graph g = GraphFactory.createDefaultGraph();
        files.values().forEach(f -> f.find().forEachRemaining(g::add));
        return g;
    }

    boolean contains(Node s, Node p, Node o) {
        return files.values().stream().anyMatch(g -> g.contains(s, p, o));
    }

    List<Triple> find(Node s, Node p, Node o) {
        List<Triple> out = new ArrayList<>();
        files.values().forEach(g -> out.addAll(g.find(s, p, o).toList()));
        return out;
    }

    void remove(Node s, Node p, Node o) {
        files.values().forEach(g -> g.remove(s, p, o));
    }

    void add(Node s, Node p, Node o, String fileForNew) {
        if (!contains(s, p, o))
            files.computeIfAbsent(fileOf(s, fileForNew), k -> {
                workspace.files().turtleFile(k);
                return GraphFactory.createDefaultGraph();
            }).add(Triple.create(s, p, o));
    }

    private String fileOf(Node s, String fileForNew) {
        for (Map.Entry<String, Graph> e : files.entrySet())
            if (e.getValue().contains(s, TYPE, Node.ANY))
                return e.getKey();
        for (Map.Entry<String, Graph> e : files.entrySet())
            if (e.getValue().contains(s, Node.ANY, Node.ANY))
                return e.getKey();
        workspace.files().turtleFile(fileForNew);
        return fileForNew;
    }

    /** Sets sg:Reviewed on the proposal and on the passages it rests on that are not reviewed yet. */
    void accept(Node id) {
        requireKnown(id);
        for (Node n : withPassages(id))
            if (contains(n, STATUS, NOT_REVIEWED)) {
                remove(n, STATUS, NOT_REVIEWED);
                add(n, STATUS, REVIEWED, "article.ttl");
            }
    }

    /**
     * Removes the proposal: its triples, every triple that points at it, and the passages it rested on that nothing
     * else uses; a mention (a passage an entity is described in) goes with its link.
     */
    void reject(Node id) {
        requireKnown(id);
        Set<Node> passages = withPassages(id);
        passages.remove(id);
        List<Node> linked = find(Node.ANY, DESCRIBED_IN, id).stream().map(Triple::getSubject).toList();
        remove(id, Node.ANY, Node.ANY);
        remove(Node.ANY, Node.ANY, id);
        for (Node p : passages)
            if (find(Node.ANY, Node.ANY, p).isEmpty())
                remove(p, Node.ANY, Node.ANY);
        for (Node e : linked)
            dropMentionIfUnused(e);
    }

    /** Replaces the values of one property of a subject; quotation words move their passage with them (kept true). */
    void set(Node id, Node property, List<Node> values) {
        requireKnown(id);
        if (property.equals(SG.verbatimText.asNode()))
            moveQuotationPassage(id, values);
        if (property.equals(LABEL) || property.equals(NIF.anchorOf))
            for (Node v : values)
                if (!v.isLiteral() || v.getLiteralLexicalForm().isBlank())
                    throw new IllegalArgumentException("A label must be some words");
        if (property.equals(SG.speaker.asNode()) && values.size() == 1)
            relabelSpeaker(id, values.get(0));
        remove(id, property, Node.ANY);
        for (Node v : values)
            add(id, property, v, "statements.ttl");
    }

    /** A draft's quotation label starts "Speaker: ..."; a new speaker renames it, so the label does not contradict it. */
    private void relabelSpeaker(Node id, Node speaker) {
        Graph g = merged();
        for (Triple old : find(id, SG.speaker.asNode(), Node.ANY)) {
            String oldName = workspace.labelOf(old.getObject(), g);
            String newName = workspace.labelOf(speaker, g);
            for (Triple label : find(id, LABEL, Node.ANY))
                if (oldName != null && newName != null && label.getObject().getLiteralLexicalForm().startsWith(oldName + ":")) {
                    remove(id, LABEL, label.getObject());
                    add(id, LABEL, NodeFactory.createLiteralLang(newName + label.getObject().getLiteralLexicalForm().substring(oldName.length()),
                                                                 label.getObject().getLiteralLanguage()), "statements.ttl");
                }
        }
    }

    /** Links a mention (a passage) to another entity instead of the one it names now. */
    void link(Node passage, Node entity) {
        List<Node> old = find(Node.ANY, DESCRIBED_IN, passage).stream().map(Triple::getSubject).toList();
        if (old.isEmpty())
            throw new IllegalArgumentException("No entity is described in " + passage);
        for (Node e : old) {
            remove(e, DESCRIBED_IN, passage);
            dropMentionIfUnused(e);
        }
        add(entity, DESCRIBED_IN, passage, "entities.ttl");
        Node article = article();
        add(article, MENTIONS, entity, "article.ttl");
    }

    /** Makes a new entity of a class with a label (and schema:name), reviewed; returns its IRI. */
    Node newEntity(String label, Node cls, Predicate<Node> taken) {
        if (label == null || label.isBlank())
            throw new IllegalArgumentException("A new entity needs a name");
        Node iri = mint(workspace.namespaces().instances(), slug(label), taken);
        add(iri, TYPE, cls, "entities.ttl");
        add(iri, LABEL, NodeFactory.createLiteralLang(label.strip(), "en"), "entities.ttl");
        add(iri, SCHEMA.name.asNode(), NodeFactory.createLiteralString(label.strip()), "entities.ttl");
        add(iri, STATUS, REVIEWED, "entities.ttl");
        add(article(), MENTIONS, iri, "article.ttl");
        return iri;
    }

    /**
     * Merges one entity into another: every use of the first becomes a use of the second, the first's own name, type
     * and review status go (the second keeps its own), and the passages it was described in are marked reviewed.
     */
    void merge(Node from, Node into) {
        if (from.equals(into))
            throw new IllegalArgumentException("An entity cannot be merged into itself");
        requireKnown(from);
        Set<Node> own = Set.of(TYPE, LABEL, SCHEMA.name.asNode(), SKOS.altLabel.asNode(), STATUS);
        for (Map.Entry<String, Graph> e : files.entrySet()) {
            Graph g = e.getValue();
            for (Triple t : g.find().toList()) {
                boolean s = t.getSubject().equals(from);
                boolean o = t.getObject().equals(from);
                if (!s && !o)
                    continue;
                g.delete(t);
                if (s && own.contains(t.getPredicate()))
                    continue;
                g.add(Triple.create(s ? into : t.getSubject(), t.getPredicate(), o ? into : t.getObject()));
            }
        }
        for (Triple t : find(into, DESCRIBED_IN, Node.ANY))
            if (contains(t.getObject(), STATUS, NOT_REVIEWED)) {
                remove(t.getObject(), STATUS, NOT_REVIEWED);
                add(t.getObject(), STATUS, REVIEWED, "article.ttl");
            }
    }

    /**
     * Adds a fact or statement of a class over words of the text: the words become a passage anchored by its words (an
     * occurrence number when they repeat), the new resource rests on it, with the given values; returns its IRI.
     */
    Node create(int begin, int end, Node cls, String label, Map<Node, List<Node>> values, String file, Predicate<Node> taken) {
        String text = workspace.text();
        while (begin < end && Character.isWhitespace(text.charAt(begin)))
            begin++;
        while (end > begin && Character.isWhitespace(text.charAt(end - 1)))
            end--;
        String words = workspace.words(begin, end);
        Node article = article();
        Node passage = NodeFactory.createURI(workspace.namespaces().evidence() + workspace.name() + "-words-" + begin + "-" + end);
        if (!contains(passage, Node.ANY, Node.ANY)) {
            add(passage, TYPE, SG.EvidencePassage.asNode(), "article.ttl");
            add(passage, TYPE, NIF.OffsetBasedString, "article.ttl");
            add(passage, LABEL, NodeFactory.createLiteralLang("\u201C" + shorten(words) + "\u201D", "en"), "article.ttl");
            add(passage, NIF.referenceContext, article, "article.ttl");
            add(passage, NIF.anchorOf, NodeFactory.createLiteralString(words), "article.ttl");
            if (Anchors.occurrences(text, words).size() > 1)
                add(passage, SG.occurrence.asNode(),
                    NodeFactory.createLiteralDT(Integer.toString(Anchors.occurrenceAt(text, words, begin)), XSDDatatype.XSDinteger), "article.ttl");
        }
        String local = workspace.name() + "-" + slug(cls.getLocalName().replaceAll("([a-z])([A-Z])", "$1-$2"));
        Node iri = mint(workspace.namespaces().instances(), local, taken);
        String into = file == null || file.isBlank() ? "facts.ttl" : file;
        workspace.files().turtleFile(into);
        files.computeIfAbsent(into, k -> GraphFactory.createDefaultGraph());
        Graph g = files.get(into);
        g.add(Triple.create(iri, TYPE, cls));
        g.add(Triple.create(iri, LABEL, NodeFactory.createLiteralLang(label == null || label.isBlank() ? shorten(words) : label.strip(), "en")));
        g.add(Triple.create(iri, EVIDENCE, passage));
        g.add(Triple.create(iri, STATUS, REVIEWED));
        values.forEach((p, vs) -> vs.forEach(v -> g.add(Triple.create(iri, p, v))));
        return iri;
    }

    /** Makes a monetary amount stated in the article on a passage, and returns it. */
    Node amount(BigDecimal value, Node currency, Node passage, Predicate<Node> taken) {
        // Numbered after the draft's amounts (name-amount-1, -2, ...).
        String base = workspace.namespaces().instances() + workspace.name() + "-amount-";
        int n = 1;
        while (taken.test(NodeFactory.createURI(base + n)) || !find(NodeFactory.createURI(base + n), Node.ANY, Node.ANY).isEmpty()
               || !find(Node.ANY, Node.ANY, NodeFactory.createURI(base + n)).isEmpty())
            n++;
        Node iri = NodeFactory.createURI(base + n);
        String f = "money.ttl";
        add(iri, TYPE, SG.MonetaryAmount.asNode(), f);
        add(iri, LABEL, NodeFactory.createLiteralLang(value.toPlainString() + " " + currency.getLocalName(), "en"), f);
        add(iri, SG.value.asNode(), NodeFactory.createLiteralDT(value.toPlainString(), XSDDatatype.XSDdecimal), f);
        add(iri, SG.currency.asNode(), currency, f);
        add(iri, SG.statedIn.asNode(), article(), f);
        if (passage != null)
            add(iri, DESCRIBED_IN, passage, f);
        add(iri, STATUS, REVIEWED, f);
        return iri;
    }

    /** The folder's article (its nif:Context). */
    Node article() {
        List<Triple> found = find(Node.ANY, TYPE, NIF.Context);
        if (found.size() != 1)
            throw new IllegalArgumentException("The folder must describe exactly one nif:Context, found " + found.size());
        return found.get(0).getSubject();
    }

    /** The proposal and the passages it rests on (sg:evidence, sg:describedIn) that the folder holds. */
    Set<Node> withPassages(Node id) {
        Set<Node> out = new LinkedHashSet<>();
        out.add(id);
        for (Node p : List.of(EVIDENCE, DESCRIBED_IN))
            for (Triple t : find(id, p, Node.ANY))
                if (contains(t.getObject(), NIF.anchorOf, Node.ANY))
                    out.add(t.getObject());
        return out;
    }

    private void moveQuotationPassage(Node id, List<Node> values) {
        if (values.size() != 1 || !values.get(0).isLiteral())
            throw new IllegalArgumentException("A quotation has one text");
        String words = values.get(0).getLiteralLexicalForm();
        List<Integer> hits = Anchors.occurrences(workspace.text(), words);
        if (words.isBlank() || hits.isEmpty())
            throw new IllegalArgumentException("\u201C" + words + "\u201D is not in the article: a quotation's words must be the article's words");
        Graph g = merged();
        for (Triple old : find(id, SG.verbatimText.asNode(), Node.ANY))
            for (Triple ev : find(id, EVIDENCE, Node.ANY))
                if (g.contains(ev.getObject(), NIF.anchorOf, NodeFactory.createLiteralString(old.getObject().getLiteralLexicalForm()))) {
                    Node passage = ev.getObject();
                    int[] was = Anchors.place(workspace.text(), g, passage);
                    int begin = hits.stream().min((a, b) -> Integer.compare(Math.abs(a - (was == null ? 0 : was[0])),
                                                                            Math.abs(b - (was == null ? 0 : was[0])))).orElseThrow();
                    remove(passage, NIF.anchorOf, Node.ANY);
                    remove(passage, SG.occurrence.asNode(), Node.ANY);
                    remove(passage, NIF.before, Node.ANY);
                    remove(passage, NIF.after, Node.ANY);
                    remove(passage, NIF.beginIndex, Node.ANY);
                    remove(passage, NIF.endIndex, Node.ANY);
                    remove(passage, LABEL, Node.ANY);
                    add(passage, NIF.anchorOf, NodeFactory.createLiteralString(words), "article.ttl");
                    add(passage, LABEL, NodeFactory.createLiteralLang("\u201C" + shorten(words) + "\u201D", "en"), "article.ttl");
                    if (hits.size() > 1)
                        add(passage, SG.occurrence.asNode(),
                            NodeFactory.createLiteralDT(Integer.toString(hits.indexOf(begin) + 1), XSDDatatype.XSDinteger), "article.ttl");
                }
    }

    private void dropMentionIfUnused(Node entity) {
        if (find(entity, DESCRIBED_IN, Node.ANY).isEmpty() && find(entity, TYPE, Node.ANY).isEmpty())
            remove(Node.ANY, MENTIONS, entity);
    }

    private void requireKnown(Node id) {
        if (find(id, Node.ANY, Node.ANY).isEmpty())
            throw new IllegalArgumentException("The folder says nothing about " + id);
    }

    private Node mint(String namespace, String local, Predicate<Node> taken) {
        Node iri = NodeFactory.createURI(namespace + local);
        for (int n = 2; taken.test(iri) || !find(iri, Node.ANY, Node.ANY).isEmpty() || !find(Node.ANY, Node.ANY, iri).isEmpty(); n++)
            iri = NodeFactory.createURI(namespace + local + "-" + n);
        return iri;
    }

    static String slug(String label) {
        String ascii = Normalizer.normalize(label, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "entity" : s;
    }

    private static String shorten(String words) {
        String one = words.replace('\n', ' ');
        return one.length() <= 60 ? one : one.substring(0, 57) + "...";
    }
}
