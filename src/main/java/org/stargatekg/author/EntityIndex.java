package org.stargatekg.author;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.stargatekg.vocab.NIF;
import org.stargatekg.vocab.SG;

/**
 * The named things an author can pick by name: the entities and facts of the shipped data and other folders (loaded
 * once, with their inferred types), and those of the folder under review as it is now.
 */
final class EntityIndex {

    /** One thing to pick: its IRI, label, other names, every class it is an instance of, and whether the folder holds it. */
    record Entry(Node iri, String label, List<String> names, Set<Node> types, boolean here) {}

    private static final Set<Node> NOT_PICKED = Set.of(SG.EvidencePassage.asNode(), NIF.Sentence, NIF.OffsetBasedString, NIF.Context);

    private final Map<Node, Entry> shared;
    private final Vocabulary vocabulary;

    /** Indexes the named, typed resources of the loaded graph without the folder (its union graph, inferences included). */
    EntityIndex(Graph union, Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.shared = entries(union, false, null);
    }

    /** A label for a node: the folder's, else the shared graph's, else the ontology's. */
    String label(Node n, Graph folder) {
        for (Triple t : folder.find(n, RDFS.label.asNode(), Node.ANY).toList())
            return t.getObject().getLiteralLexicalForm();
        Entry e = shared.get(n);
        if (e != null)
            return e.label();
        return vocabulary.label(n);
    }

    /** Whether the shared graph uses the IRI already. */
    boolean taken(Node n) {
        return shared.containsKey(n);
    }

    /** Whether the shared graph types the node with the class. */
    Set<Node> sharedTypes(Node n) {
        Entry e = shared.get(n);
        return e == null ? Set.of() : e.types();
    }

    /** Up to {@code limit} things whose name contains the words, of the class if one is given, best first. */
    List<Entry> search(String query, Node cls, Graph folder, int limit) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        Map<Node, Entry> all = new LinkedHashMap<>(shared);
        all.putAll(entries(folder, true, vocabulary));
        List<Entry> hits = new ArrayList<>();
        for (Entry e : all.values()) {
            if (cls != null && !e.types().contains(cls))
                continue;
            if (e.types().stream().anyMatch(NOT_PICKED::contains))
                continue;
            if (q.isEmpty() || e.names().stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).contains(q)))
                hits.add(e);
        }
        hits.sort(Comparator.comparing((Entry e) -> !e.label().toLowerCase(Locale.ROOT).startsWith(q))
                            .thenComparing(e -> e.label().toLowerCase(Locale.ROOT)));
        return hits.subList(0, Math.min(limit, hits.size()));
    }

    private static Map<Node, Entry> entries(Graph g, boolean here, Vocabulary closure) {
        Map<Node, Entry> out = new LinkedHashMap<>();
        for (Triple t : g.find(Node.ANY, RDFS.label.asNode(), Node.ANY).toList()) {
            Node s = t.getSubject();
            if (!s.isURI() || out.containsKey(s) || !t.getObject().isLiteral())
                continue;
            List<Node> direct = g.find(s, RDF.type.asNode(), Node.ANY).mapWith(Triple::getObject).toList();
            if (direct.isEmpty())
                continue;
            Set<Node> types = closure == null ? new HashSet<>(direct) : closure.allTypes(direct);
            List<String> names = new ArrayList<>();
            names.add(t.getObject().getLiteralLexicalForm());
            g.find(s, SKOS.altLabel.asNode(), Node.ANY).forEachRemaining(a -> names.add(a.getObject().getLiteralLexicalForm()));
            out.put(s, new Entry(s, t.getObject().getLiteralLexicalForm(), names, types, here));
        }
        return out;
    }
}
