package org.stargatekg.author;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.stargatekg.vocab.NIF;
import org.stargatekg.vocab.SG;

/**
 * The review as the page shows it: each proposal of the folder (whatever carries a review status, and every fact or
 * statement) with its kind, words, place in the text, status and values, in text order; the passages a proposal rests
 * on are shown with it, and a passage that only says where a shared entity is mentioned is a proposal of its own (a
 * mention). Each problem found by the checks is put on the proposal it concerns.
 */
final class Proposals {

    private static final Node TYPE = RDF.type.asNode();
    private static final Node STATUS = SG.reviewStatus.asNode();
    private static final Set<Node> HIDDEN = Set.of(TYPE, STATUS);

    private final Workspace workspace;
    private final Vocabulary vocabulary;
    private final EntityIndex index;

    Proposals(Workspace workspace, Vocabulary vocabulary, EntityIndex index) {
        this.workspace = workspace;
        this.vocabulary = vocabulary;
        this.index = index;
    }

    /** One proposal: its IRI, kind, the passages it rests on, and where it starts in the text. */
    private record Item(Node id, String kind, Node entity, List<Node> passages, int begin) {}

    /** The whole state of the review, for the page. */
    JsonObject state() {
        Graph g = workspace.merged();
        List<Item> items = items(g);
        Validation.Result checked = workspace.checked();
        Map<Node, JsonArray> problemsOf = new LinkedHashMap<>();
        JsonArray general = new JsonArray();
        int blocking = 0;
        for (Validation.Problem p : checked.problems()) {
            JsonObject o = new JsonObject();
            o.put("message", p.message());
            o.put("blocking", p.blocking());
            if (p.path() != null) {
                o.put("path", p.path());
                Node range = rangeOf(p.path());
                if (range != null)
                    o.put("class", range.getURI());
            }
            if (p.blocking())
                blocking++;
            Node owner = p.focus() == null ? null : ownerOf(p.focus(), items);
            if (owner == null) {
                if (p.focus() != null)
                    o.put("focus", workspace.prefixes().shorten(p.focus()));
                general.add(o);
            } else
                problemsOf.computeIfAbsent(owner, k -> new JsonArray()).add(o);
        }
        JsonArray list = new JsonArray();
        int notReviewed = 0;
        for (Item it : items) {
            JsonObject o = new JsonObject();
            o.put("id", it.id().getURI());
            o.put("short", workspace.prefixes().shorten(it.id()));
            o.put("kind", it.kind());
            o.put("label", it.entity() != null ? index.label(it.entity(), g) : index.label(it.id(), g));
            boolean pending = g.contains(it.id(), STATUS, SG.NotReviewed.asNode())
                              || it.passages().stream().anyMatch(p -> g.contains(p, STATUS, SG.NotReviewed.asNode()));
            if (pending)
                notReviewed++;
            o.put("status", pending ? "not reviewed" : "reviewed");
            if (it.entity() != null) {
                o.put("entity", it.entity().getURI());
                o.put("entityShort", workspace.prefixes().shorten(it.entity()));
            }
            JsonArray types = new JsonArray();
            g.find(it.id(), TYPE, Node.ANY).forEachRemaining(t -> types.add(t.getObject().getURI()));
            o.put("types", types);
            List<Node> direct = g.find(it.id(), TYPE, Node.ANY).mapWith(Triple::getObject).toList();
            o.put("typeLabel", direct.isEmpty() ? it.kind() : direct.stream().map(vocabulary::label).sorted().reduce((a, b) -> a + ", " + b).get());
            o.put("spans", spans(g, it));
            o.put("fields", fields(g, it.id()));
            o.put("problems", problemsOf.getOrDefault(it.id(), new JsonArray()));
            list.add(o);
        }
        JsonObject out = new JsonObject();
        out.put("version", workspace.version());
        out.put("folder", workspace.name());
        out.put("text", workspace.text());
        out.put("proposals", list);
        out.put("problems", general);
        out.put("notReviewed", notReviewed);
        out.put("ready", checked.ready());
        out.put("blocking", blocking);
        out.put("canUndo", workspace.canUndo());
        out.put("canRedo", workspace.canRedo());
        return out;
    }

    private List<Item> items(Graph g) {
        Set<Node> typedHere = new LinkedHashSet<>();
        g.find(Node.ANY, TYPE, Node.ANY).forEachRemaining(t -> typedHere.add(t.getSubject()));
        Set<Node> owned = new LinkedHashSet<>();
        for (Node p : List.of(SG.evidence.asNode(), SG.describedIn.asNode()))
            g.find(Node.ANY, p, Node.ANY).forEachRemaining(t -> {
                if (typedHere.contains(t.getSubject()))
                    owned.add(t.getObject());
            });
        Set<Node> candidates = new LinkedHashSet<>();
        g.find(Node.ANY, STATUS, Node.ANY).forEachRemaining(t -> candidates.add(t.getSubject()));
        for (Node s : typedHere) {
            Set<Node> types = vocabulary.allTypes(g.find(s, TYPE, Node.ANY).mapWith(Triple::getObject).toList());
            if (types.contains(SG.Fact.asNode()) || types.contains(SG.Statement.asNode()) || types.contains(SG.Proposition.asNode()))
                candidates.add(s);
        }
        List<Item> out = new ArrayList<>();
        for (Node s : candidates) {
            boolean passage = Workspace.isPassage(g, s);
            if (passage && owned.contains(s))
                continue;
            Node entity = null;
            String kind;
            List<Node> passages = new ArrayList<>();
            if (passage) {
                passages.add(s);
                List<Node> who = g.find(Node.ANY, SG.describedIn.asNode(), s).mapWith(Triple::getSubject).toList();
                entity = who.isEmpty() ? null : who.get(0);
                kind = entity == null ? "passage" : entityKind(index.sharedTypes(entity));
            } else {
                kind = kind(vocabulary.allTypes(g.find(s, TYPE, Node.ANY).mapWith(Triple::getObject).toList()));
                for (Node p : List.of(SG.evidence.asNode(), SG.describedIn.asNode()))
                    g.find(s, p, Node.ANY).forEachRemaining(t -> {
                        if (Workspace.isPassage(g, t.getObject()))
                            passages.add(t.getObject());
                    });
            }
            if (kind == null)
                continue;
            int begin = Integer.MAX_VALUE;
            for (Node p : passages) {
                int[] at = workspace.place(g, p);
                if (at != null)
                    begin = Math.min(begin, at[0]);
            }
            if (passages.isEmpty())
                for (Triple t : g.find(Node.ANY, Node.ANY, s).toList())
                    for (Triple ev : g.find(t.getSubject(), SG.evidence.asNode(), Node.ANY).toList()) {
                        int[] at = workspace.place(g, ev.getObject());
                        if (at != null)
                            begin = Math.min(begin, at[0]);
                    }
            out.add(new Item(s, kind, entity, passages, begin));
        }
        out.sort(Comparator.comparingInt(Item::begin).thenComparing(i -> i.id().getURI()));
        return out;
    }

    private static String kind(Set<Node> types) {
        if (types.contains(SG.DirectQuotation.asNode()))
            return "quotation";
        if (types.contains(SG.Statement.asNode()) || types.contains(SG.Proposition.asNode()))
            return "claim";
        if (types.contains(SG.MonetaryAmount.asNode()))
            return "amount";
        if (types.contains(SG.Person.asNode()))
            return "person";
        if (types.contains(SG.Organization.asNode()))
            return "organization";
        if (types.contains(NIF.Context))
            return "article";
        if (types.contains(SG.Fact.asNode()))
            return "fact";
        if (types.contains(SG.Currency.asNode()))
            return null;
        return "entity";
    }

    private static String entityKind(Set<Node> types) {
        if (types.contains(SG.Person.asNode()))
            return "person";
        if (types.contains(SG.Organization.asNode()))
            return "organization";
        return "mention";
    }

    private JsonArray spans(Graph g, Item it) {
        JsonArray out = new JsonArray();
        List<String> verbatim = g.find(it.id(), SG.verbatimText.asNode(), Node.ANY).mapWith(t -> t.getObject().getLiteralLexicalForm()).toList();
        for (Node p : it.passages()) {
            int[] at = workspace.place(g, p);
            if (at == null)
                continue;
            String role = it.kind();
            if (it.kind().equals("quotation"))
                role = verbatim.contains(workspace.text().substring(at[0], at[1])) ? "quotation" : "speaker";
            else if (it.kind().equals("article"))
                continue;
            JsonObject o = new JsonObject();
            o.put("passage", p.getURI());
            o.put("begin", at[0]);
            o.put("end", at[1]);
            o.put("role", role);
            out.add(o);
        }
        return out;
    }

    private JsonArray fields(Graph g, Node id) {
        Map<Node, JsonArray> byProperty = new LinkedHashMap<>();
        List<Triple> triples = new ArrayList<>(g.find(id, Node.ANY, Node.ANY).toList());
        triples.sort(Comparator.comparing(t -> t.getPredicate().getURI()));
        for (Triple t : triples) {
            if (HIDDEN.contains(t.getPredicate()))
                continue;
            JsonObject v = new JsonObject();
            Node o = t.getObject();
            if (o.isURI()) {
                v.put("iri", o.getURI());
                v.put("short", workspace.prefixes().shorten(o));
                v.put("label", index.label(o, g));
            } else if (o.isLiteral()) {
                v.put("text", o.getLiteralLexicalForm());
                if (!o.getLiteralLanguage().isEmpty())
                    v.put("lang", o.getLiteralLanguage());
                else if (o.getLiteralDatatypeURI() != null)
                    v.put("datatype", o.getLiteralDatatypeURI());
            }
            byProperty.computeIfAbsent(t.getPredicate(), k -> new JsonArray()).add(v);
        }
        JsonArray out = new JsonArray();
        byProperty.forEach((p, values) -> {
            JsonObject f = new JsonObject();
            f.put("property", p.getURI());
            f.put("short", workspace.prefixes().shorten(p));
            f.put("name", vocabulary.label(p));
            Node range = vocabulary.range(p);
            if (range != null && !vocabulary.isDatatypeProperty(p) && !p.equals(SG.evidence.asNode()) && !p.equals(SG.describedIn.asNode()))
                f.put("class", range.getURI());
            f.put("values", values);
            out.add(f);
        });
        return out;
    }

    /** The class a property's values belong to, for a path written as a prefixed name; null for a datatype property. */
    private Node rangeOf(String path) {
        try {
            Node property = workspace.prefixes().expand(path);
            return vocabulary.isDatatypeProperty(property) ? null : vocabulary.range(property);
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private Node ownerOf(Node focus, List<Item> items) {
        for (Item it : items)
            if (it.id().equals(focus))
                return it.id();
        for (Item it : items)
            if (it.passages().contains(focus) || focus.equals(it.entity()))
                return it.id();
        return null;
    }
}
