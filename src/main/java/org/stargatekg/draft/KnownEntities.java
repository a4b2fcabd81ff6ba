package org.stargatekg.draft;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.stargatekg.vocab.NIF;

/**
 * The entities a graph already holds that a new article may mention — people, organizations, products, projects and
 * places, not facts, statements, amounts or passages — each with the names it goes by (labels, alternative labels,
 * schema names and, for people, the surname) and the words that describe it (its types and description), which tell
 * apart entities that share a name.
 */
public final class KnownEntities {

    /** One entity of the graph with its names and the words that describe it. */
    public record Known(Draft.Entity entity, Set<String> names, Set<String> context) {}

    private static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    private static final String SCHEMA = "https://schema.org/";

    private final List<Known> entities = new ArrayList<>();
    private final Map<String, String> currencies = new HashMap<>();

    /** No entities at all: every mention is proposed as new. */
    public static KnownEntities none() {
        return new KnownEntities();
    }

    private KnownEntities() {}

    /**
     * The entities of a loaded dataset (named graphs, union as default, inferred types included) whose IRIs lie in the
     * entity namespace {@code idNamespace}; {@code ontology} is our ontology's namespace and {@code ontologyGraph} the
     * graph that holds it.
     */
    public static KnownEntities of(DatasetGraph dataset, String ontology, String idNamespace, Node ontologyGraph) {
        KnownEntities out = new KnownEntities();
        Txn.executeRead(dataset, () -> out.collect(dataset.getUnionGraph(), dataset.getGraph(ontologyGraph), ontology, idNamespace));
        return out;
    }

    private void collect(Graph g, Graph ontologyGraph, String sg, String idNs) {
        Node person = uri(sg + "Person");
        Node organization = uri(sg + "Organization");
        Node currency = uri(sg + "Currency");
        Set<Node> excluded = subClasses(ontologyGraph, List.of(uri(sg + "Reported"), uri(sg + "Proposition"),
                uri(sg + "MonetaryAmount"), currency, uri(sg + "NewsArticle"), uri(sg + "EvidencePassage"),
                uri(SKOS + "Concept"), NIF.Context, NIF.Sentence, NIF.OffsetBasedString));
        Node code = uri(sg + "currencyCode");
        g.find(Node.ANY, RDF.type.asNode(), currency).forEach(t -> g.find(t.getSubject(), code, Node.ANY)
                .forEach(c -> currencies.put(c.getObject().getLiteralLexicalForm(), t.getSubject().getURI())));
        Set<Node> subjects = new LinkedHashSet<>();
        g.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEach(t -> {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(idNs) && t.getObject().isURI()
                && t.getObject().getURI().startsWith(sg))
                subjects.add(t.getSubject());
        });
        for (Node s : subjects) {
            List<Node> types = g.find(s, RDF.type.asNode(), Node.ANY).mapWith(Triple::getObject).toList();
            if (types.stream().anyMatch(excluded::contains))
                continue;
            Draft.Kind kind = types.contains(person) ? Draft.Kind.PERSON
                              : types.contains(organization) ? Draft.Kind.ORGANIZATION : Draft.Kind.OTHER;
            Set<String> names = new LinkedHashSet<>();
            for (String p : List.of(RDFS.label.getURI(), SCHEMA + "name", SKOS + "altLabel"))
                g.find(s, uri(p), Node.ANY).forEach(t -> {
                    if (t.getObject().isLiteral())
                        names.add(t.getObject().getLiteralLexicalForm());
                });
            if (names.isEmpty())
                continue;
            String name = names.iterator().next();
            if (kind == Draft.Kind.PERSON)
                for (String n : List.copyOf(names)) {
                    String[] parts = n.trim().split("\\s+");
                    if (parts.length >= 2)
                        names.add(parts[parts.length - 1]);
                }
            Set<String> context = new HashSet<>();
            for (Node type : types)
                g.find(type, RDFS.label.asNode(), Node.ANY).forEach(t -> context.addAll(Words.content(t.getObject().getLiteralLexicalForm())));
            g.find(s, uri(SCHEMA + "description"), Node.ANY).forEach(t -> context.addAll(Words.content(t.getObject().getLiteralLexicalForm())));
            String iri = s.getURI();
            entities.add(new Known(new Draft.Entity(iri, iri.substring(idNs.length()), true, kind, name), names, context));
        }
    }

    /** Every known entity. */
    public List<Known> all() {
        return entities;
    }

    /** The IRI of the graph's currency with an ISO 4217 code, or null. */
    public String currency(String code) {
        return currencies.get(code);
    }

    private static Set<Node> subClasses(Graph ontology, List<Node> roots) {
        Set<Node> closure = new HashSet<>(roots);
        Deque<Node> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            Node c = todo.pop();
            ontology.find(Node.ANY, RDFS.subClassOf.asNode(), c).forEach(t -> {
                if (closure.add(t.getSubject()))
                    todo.push(t.getSubject());
            });
        }
        return closure;
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
