package org.stargatekg.search;

import org.apache.jena.riot.out.NodeFmtLib;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.query.ParameterizedSparqlString;
import org.stargatekg.remote.RemoteDatasetGraph;
import org.stargatekg.remote.RemoteStore;
import org.stargatekg.vocab.Namespaces;

/**
 * The {@code /search} page answered by an external store itself, so that it sees what the store holds now and needs
 * no index here: with Virtuoso's full-text index ({@code bif:contains}, found by a probe query at start) where the
 * store has it, else with {@code REGEX} over the same properties. Hits are ranked as the embedded index ranks them:
 * each matching literal counts its field's weight (times Virtuoso's own score), summed per resource.
 */
public final class StoreSearch implements TextSearch {

    /** How the store is asked. */
    public enum Feature {
        /** Virtuoso's free-text index on literals: {@code ?o bif:contains '"word"' OPTION (score ?sc)}. */
        VIRTUOSO_CONTAINS,
        /** Any SPARQL 1.1 store: {@code REGEX(STR(?o), "word|other", "i")}, a scan of the indexed properties. */
        REGEX
    }

    private static final int MAX_MATCHES = 10 * SearchIndex.MAX_LIMIT;
    /** Virtuoso refuses a wildcard with fewer characters before it. */
    private static final int MIN_PREFIX = 4;

    private final RemoteStore store;
    private final RemoteDatasetGraph dataset;
    private final SearchFields fields;
    private final String vocabulary;
    private final Feature feature;

    private StoreSearch(RemoteStore store, RemoteDatasetGraph dataset, Namespaces ns, Feature feature) {
        this.store = store;
        this.dataset = dataset;
        this.fields = new SearchFields(ns);
        this.vocabulary = ns.ontology();
        this.feature = feature;
    }

    /** A search through a store, with its full-text feature if a probe finds one; {@code dataset} reads the same store. */
    public static StoreSearch over(RemoteStore store, RemoteDatasetGraph dataset, Namespaces ns) {
        return new StoreSearch(store, dataset, ns, probe(store));
    }

    /** A search through a store with a given feature, unprobed. */
    public static StoreSearch over(RemoteStore store, RemoteDatasetGraph dataset, Namespaces ns, Feature feature) {
        return new StoreSearch(store, dataset, ns, Objects.requireNonNull(feature, "feature"));
    }

    /** Virtuoso answers a bif:contains query (no hits needed); any other store refuses the unknown prefix. */
    static Feature probe(RemoteStore store) {
        try {
            store.select("SELECT ?s WHERE { ?s ?p ?o . ?o bif:contains '\"stargatekgprobe\"' } LIMIT 1");
            return Feature.VIRTUOSO_CONTAINS;
        } catch (RuntimeException notVirtuoso) {
            return Feature.REGEX;
        }
    }

    /** The feature in use. */
    public Feature feature() {
        return feature;
    }

    @Override
    public String describe() {
        return feature == Feature.VIRTUOSO_CONTAINS ? "the store's full-text index (Virtuoso bif:contains)" : "the store, by REGEX";
    }

    @Override
    public List<SearchHit> search(String query, int limit) {
        Objects.requireNonNull(query, "query");
        if (query.isBlank())
            throw new IllegalArgumentException("the search is empty");
        if (limit < 1 || limit > SearchIndex.MAX_LIMIT)
            throw new IllegalArgumentException("limit must be between 1 and " + SearchIndex.MAX_LIMIT);
        Set<String> words = Snippet.words(query);
        if (words.isEmpty())
            throw new IllegalArgumentException("not a valid search: it has no words");
        List<Binding> rows;
        try {
            rows = store.select(feature == Feature.VIRTUOSO_CONTAINS ? containsQuery(words) : regexQuery(words));
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException("the store cannot search for this: " + firstLine(ex), ex);
        }
        Map<Node, List<SearchIndex.Match>> bySubject = new LinkedHashMap<>();
        for (Binding row : rows) {
            Node p = row.get("p");
            Node o = row.get("o");
            Node sc = row.get("sc");
            float score = (sc != null && sc.isLiteral() ? Float.parseFloat(sc.getLiteralLexicalForm()) : 1f) * fields.weight(p);
            bySubject.computeIfAbsent(row.get("s"), k -> new ArrayList<>()).add(new SearchIndex.Match(o, score, p));
        }
        bySubject.values().forEach(l -> l.sort(Comparator.comparingDouble(SearchIndex.Match::score).reversed()));
        // The hits' labels and classes in one more query, not one per hit.
        return SearchIndex.rank(dataset, vocabulary, bySubject, words, limit,
                                dataset::prefetchLabelsAndTypes);
    }

    /** Any of the words (as the embedded index: Lucene's default OR) in Virtuoso's text-query syntax. */
    String containsQuery(Set<String> words) {
        String expression = words.stream().sorted().map(w -> {
            String stem = w.endsWith("*") ? w.substring(0, w.length() - 1) : w;
            return "\"" + (w.endsWith("*") && stem.length() >= MIN_PREFIX ? w : stem) + "\"";
        }).collect(Collectors.joining(" OR "));
        // The client's words go in as a literal Jena writes (quotes and backslashes escaped), never spliced into the text.
        ParameterizedSparqlString q = new ParameterizedSparqlString(
                "SELECT DISTINCT ?s ?p ?o ?sc WHERE { GRAPH ?g { ?s ?p ?o . ?o bif:contains ?words OPTION (score ?sc) } "
                + predicateFilter() + " " + store.graphFilter("g") + " } ORDER BY DESC(?sc) ?s LIMIT " + MAX_MATCHES);
        q.setLiteral("words", expression);
        return q.toString();
    }

    /** Any of the words, case-insensitively, anywhere in a literal of an indexed property. */
    String regexQuery(Set<String> words) {
        String alternatives = words.stream().sorted().map(w -> w.endsWith("*") ? w.substring(0, w.length() - 1) : w)
                                   .collect(Collectors.joining("|"));
        ParameterizedSparqlString q = new ParameterizedSparqlString(
                "SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } " + predicateFilter()
                + " FILTER(isLiteral(?o) && REGEX(STR(?o), ?words, \"i\")) " + store.graphFilter("g") + " } ORDER BY ?s ?p LIMIT " + MAX_MATCHES);
        q.setLiteral("words", alternatives);
        return q.toString();
    }

    private String predicateFilter() {
        return fields.predicates().stream().map(NodeFmtLib::strNT).collect(Collectors.joining(", ", "FILTER(?p IN (", "))"));
    }

    private static String firstLine(Throwable ex) {
        String m = ex.getMessage() != null ? ex.getMessage() : ex.toString();
        int newline = m.indexOf('\n');
        return newline < 0 ? m : m.substring(0, newline);
    }
}
