package org.stargatekg.draft;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import org.stargatekg.vocab.NIF;

/**
 * Compares a draft with a hand-made graph of the same article and gives precision and recall for quotations (exact
 * words), speakers (right IRI for a quotation with the right words), amounts (bound or value, number and currency),
 * entity links (the article's mentions and subject, right IRI) and passages (a passage counts when it overlaps one of
 * the other side's).
 */
public final class DraftScore {

    /** One measure: how many proposed, how many expected, how many of each matched. */
    public record Measure(String name, int proposed, int expected, int correctProposed, int foundExpected) {
        /** Matched proposals over proposals (1 when nothing was proposed). */
        public double precision() {
            return proposed == 0 ? 1 : (double) correctProposed / proposed;
        }

        /** Expected items found over expected items (1 when nothing was expected). */
        public double recall() {
            return expected == 0 ? 1 : (double) foundExpected / expected;
        }

        /** One line: name, precision and recall as fractions and decimals. */
        public String line() {
            return String.format("%-14s precision %3d/%-3d = %.2f   recall %3d/%-3d = %.2f", name, correctProposed, proposed,
                                 precision(), foundExpected, expected, recall());
        }
    }

    private final Map<String, Measure> measures = new LinkedHashMap<>();

    private DraftScore() {}

    /**
     * Scores a draft against the hand-made graph of one article folder, loaded on its own (ontology, inferred types):
     * {@code sg} is our ontology's namespace as that graph resolves it.
     */
    public static DraftScore of(Draft draft, DatasetGraph gold, String sg) {
        DraftScore score = new DraftScore();
        Txn.executeRead(gold, () -> score.compare(draft, gold.getUnionGraph(), sg));
        return score;
    }

    private void compare(Draft draft, Graph g, String sg) {
        Node context = g.find(Node.ANY, RDF.type.asNode(), NIF.Context).mapWith(Triple::getSubject).next();
        Node directQuotation = uri(sg + "DirectQuotation");
        Node verbatim = uri(sg + "verbatimText");
        Node speaker = uri(sg + "speaker");

        Map<String, String> goldQuotes = new LinkedHashMap<>();
        for (Triple t : g.find(Node.ANY, RDF.type.asNode(), directQuotation).toList()) {
            String words = object(g, t.getSubject(), verbatim).getLiteralLexicalForm();
            Node who = object(g, t.getSubject(), speaker);
            goldQuotes.put(words, who == null ? null : who.getURI());
        }
        Map<String, String> draftQuotes = new LinkedHashMap<>();
        for (Draft.Statement st : draft.statements)
            if (st.verbatim())
                draftQuotes.put(st.words(), st.speaker().iri());
        put(sets("quotations", draftQuotes.keySet(), goldQuotes.keySet()));
        int rightSpeakers = 0;
        for (Map.Entry<String, String> e : draftQuotes.entrySet())
            if (goldQuotes.containsKey(e.getKey()) && e.getValue().equals(goldQuotes.get(e.getKey())))
                rightSpeakers++;
        put(new Measure("speakers", draftQuotes.size(), goldQuotes.size(), rightSpeakers, rightSpeakers));

        Set<String> goldAmounts = new LinkedHashSet<>();
        Node amount = uri(sg + "MonetaryAmount");
        for (Triple t : g.find(Node.ANY, RDF.type.asNode(), amount).toList()) {
            Node a = t.getSubject();
            Node value = object(g, a, uri(sg + "value"));
            Node max = object(g, a, uri(sg + "maxValue"));
            Node currency = object(g, a, uri(sg + "currency"));
            Node code = currency == null ? null : object(g, currency, uri(sg + "currencyCode"));
            Node n = value != null ? value : max;
            goldAmounts.add(amountKey(value == null, new java.math.BigDecimal(n.getLiteralLexicalForm()),
                                      code == null ? "?" : code.getLiteralLexicalForm()));
        }
        Set<String> draftAmounts = new LinkedHashSet<>();
        for (Draft.Amount a : draft.amounts)
            draftAmounts.add(amountKey(a.upperBound(), a.number(), a.currency()));
        put(sets("amounts", draftAmounts, goldAmounts));

        Set<String> goldEntities = new LinkedHashSet<>();
        for (String p : List.of("https://schema.org/mentions", "https://schema.org/about"))
            g.find(context, uri(p), Node.ANY).forEach(t -> goldEntities.add(t.getObject().getURI()));
        Set<String> draftEntities = new LinkedHashSet<>();
        draft.entities().forEach(e -> draftEntities.add(e.iri()));
        put(sets("entity links", draftEntities, goldEntities));

        List<int[]> goldPassages = new ArrayList<>();
        for (Triple t : g.find(Node.ANY, NIF.referenceContext, context).toList()) {
            if (g.contains(t.getSubject(), RDF.type.asNode(), NIF.Sentence))
                continue;
            Node b = object(g, t.getSubject(), NIF.beginIndex);
            Node e = object(g, t.getSubject(), NIF.endIndex);
            if (b != null && e != null)
                goldPassages.add(new int[] {Integer.parseInt(b.getLiteralLexicalForm()), Integer.parseInt(e.getLiteralLexicalForm())});
        }
        List<int[]> draftPassages = new ArrayList<>();
        for (Draft.Passage p : draft.passages) {
            int b = draft.text.codePointCount(0, p.begin());
            draftPassages.add(new int[] {b, b + draft.text.codePointCount(p.begin(), p.end())});
        }
        int proposedHit = (int) draftPassages.stream().filter(d -> goldPassages.stream().anyMatch(x -> overlap(d, x))).count();
        int expectedHit = (int) goldPassages.stream().filter(x -> draftPassages.stream().anyMatch(d -> overlap(d, x))).count();
        put(new Measure("passages", draftPassages.size(), goldPassages.size(), proposedHit, expectedHit));
    }

    /** The measures by name: quotations, speakers, amounts, entity links, passages. */
    public Map<String, Measure> measures() {
        return measures;
    }

    /** The measure of that name. */
    public Measure get(String name) {
        return measures.get(name);
    }

    /** All measures, one line each. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        measures.values().forEach(m -> sb.append(m.line()).append('\n'));
        return sb.toString();
    }

    private void put(Measure m) {
        measures.put(m.name(), m);
    }

    private static Measure sets(String name, Set<String> proposed, Set<String> expected) {
        Set<String> both = new HashSet<>(proposed);
        both.retainAll(expected);
        return new Measure(name, proposed.size(), expected.size(), both.size(), both.size());
    }

    private static String amountKey(boolean bound, java.math.BigDecimal n, String code) {
        return (bound ? "<= " : "") + n.stripTrailingZeros().toPlainString() + " " + code;
    }

    private static boolean overlap(int[] a, int[] b) {
        return a[0] < b[1] && b[0] < a[1];
    }

    private static Node object(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            it.close();
        }
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
