package org.stargatekg.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.TextHit;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.stargatekg.vocab.Namespaces;

/**
 * An in-memory Lucene index of the served graph's searchable literals, one document per (subject, literal), built once
 * from the union of the named graphs (inferred triples included). The same index answers {@code text:query} in SPARQL
 * and the {@code /search} page.
 * <pre>{@code
 * SearchIndex index = SearchIndex.build(kg.dataset().asDatasetGraph(), kg.namespaces());
 * List<SearchHit> hits = index.search("money", 10);
 * }</pre>
 */
public final class SearchIndex implements TextSearch {

    /** The most hits a search returns. */
    public static final int MAX_LIMIT = 100;

    /**
     * The factor applied to our ontology's own terms: they are found too, but a search ranks what the article says
     * above the vocabulary that describes it.
     */
    static final float VOCABULARY_WEIGHT = 0.5f;

    private final TextIndexLucene index;
    private final String vocabulary;
    private final ByteBuffersDirectory directory;
    private final DatasetGraph dataset;
    private final int documents;

    private SearchIndex(TextIndexLucene index, ByteBuffersDirectory directory, DatasetGraph dataset, int documents, String vocabulary) {
        this.index = index;
        this.vocabulary = vocabulary;
        this.directory = directory;
        this.dataset = dataset;
        this.documents = documents;
    }

    /** Indexes every literal of an indexed property in the dataset's union graph. */
    public static SearchIndex build(DatasetGraph dataset, Namespaces ns) {
        SearchFields fields = new SearchFields(ns);
        TextIndexConfig config = new TextIndexConfig(fields.entityDefinition());
        config.setValueStored(true);
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        TextIndexLucene index = new TextIndexLucene(directory, config);
        int documents = Txn.calculateRead(dataset, () -> {
            Graph union = dataset.getUnionGraph();
            int n = 0;
            for (Node p : fields.predicates()) {
                Iterator<Triple> it = union.find(Node.ANY, p, Node.ANY);
                while (it.hasNext()) {
                    Triple t = it.next();
                    if (!t.getObject().isLiteral() || t.getSubject().isTripleTerm())
                        continue;
                    Node o = t.getObject();
                    Entity entity = new Entity(TextQueryFuncs.subjectToString(t.getSubject()), null,
                                               o.getLiteralLanguage(), o.getLiteralDatatype());
                    String text = t.getObject().getLiteralLexicalForm();
                    entity.put(fields.field(p), text);
                    entity.put(SearchFields.ALL, text);
                    index.addEntity(entity);
                    n++;
                }
            }
            return n;
        });
        index.commit();
        return new SearchIndex(index, directory, dataset, documents, ns.ontology());
    }

    /** The jena-text index, for {@code text:query} in SPARQL. */
    public TextIndex textIndex() {
        return index;
    }

    /** The number of indexed literals. */
    public int documentCount() {
        return documents;
    }

    /** The size of the index in bytes. */
    public long sizeInBytes() {
        try {
            long bytes = 0;
            for (String file : directory.listAll())
                bytes += directory.fileLength(file);
            return bytes;
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    /**
     * Runs a Lucene query over all fields, each weighted by {@link SearchFields#WEIGHTS}, and returns at most
     * {@code limit} resources, best first: a resource scores the sum of its matching literals' scores, and shows its
     * best-scoring literal as snippet; terms of our ontology count {@link #VOCABULARY_WEIGHT} of their score.
     *
     * @throws IllegalArgumentException if the query is blank or not valid Lucene query syntax
     */
    public List<SearchHit> search(String query, int limit) {
        if (limit < 1 || limit > MAX_LIMIT)
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        return page(query, 0, limit).hits();
    }

    /** {@inheritDoc} Here the count is of every resource among the best {@code 10 × MAX_LIMIT} matching literals. */
    @Override
    public SearchResults page(String query, int offset, int limit) {
        Objects.requireNonNull(query, "query");
        if (offset < 0)
            throw new IllegalArgumentException("the page must be 1 or more");
        if (query.isBlank())
            throw new IllegalArgumentException("the search is empty");
        if (limit < 1 || limit > MAX_LIMIT)
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        List<TextHit> hits;
        try {
            hits = index.query((Node) null, SearchFields.weighted(query), null, null, 10 * MAX_LIMIT, null);
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException("not a valid search: " + rootMessage(ex), ex);
        }
        Map<Node, List<Match>> bySubject = new LinkedHashMap<>();
        for (TextHit h : hits)
            bySubject.computeIfAbsent(h.getNode(), k -> new ArrayList<>()).add(new Match(h.getLiteral(), h.getScore()));
        List<SearchHit> upTo = rank(dataset, vocabulary, bySubject, Snippet.words(query), offset + limit);
        int from = Math.min(offset, upTo.size());
        return new SearchResults(bySubject.size(), upTo.subList(from, upTo.size()));
    }

    @Override
    public String describe() {
        return "Lucene index in memory, " + documents + " literals";
    }

    /** One matching literal of a subject, its score, and the property that holds it where the search knows it (else null). */
    record Match(Node literal, float score, Node property) {
        Match(Node literal, float score) {
            this(literal, score, null);
        }
    }

    /**
     * Hits from matching literals grouped by subject (best literal first): a resource scores the sum of its literals'
     * scores, {@link #VOCABULARY_WEIGHT} of it for our ontology's terms, and shows its best literal as snippet.
     */
    static List<SearchHit> rank(DatasetGraph dataset, String vocabulary, Map<Node, List<Match>> bySubject, Set<String> words, int limit) {
        return rank(dataset, vocabulary, bySubject, words, limit, top -> { });
    }

    /**
     * The same, telling {@code before} which subjects made the cut (inside the read transaction, before anything is read
     * about them), so that a store far away can send their labels and classes in one answer.
     */
    static List<SearchHit> rank(DatasetGraph dataset, String vocabulary, Map<Node, List<Match>> bySubject, Set<String> words, int limit,
                                Consumer<List<Node>> before) {
        List<Map.Entry<Node, Float>> scored = new ArrayList<>();
        bySubject.forEach((subject, list) -> {
            float score = 0;
            for (Match h : list)
                score += h.score();
            if (subject.isURI() && subject.getURI().startsWith(vocabulary))
                score *= VOCABULARY_WEIGHT;
            scored.add(Map.entry(subject, score));
        });
        // A stable sort: equal scores keep the order the search gave.
        scored.sort(Comparator.comparingDouble((Map.Entry<Node, Float> e) -> e.getValue()).reversed());
        List<Map.Entry<Node, Float>> top = scored.subList(0, Math.min(limit, scored.size()));
        return Txn.calculateRead(dataset, () -> {
            before.accept(top.stream().map(Map.Entry::getKey).toList());
            Graph union = dataset.getUnionGraph();
            List<SearchHit> result = new ArrayList<>();
            for (Map.Entry<Node, Float> e : top) {
                Node subject = e.getKey();
                Match best = bySubject.get(subject).get(0);
                String literal = best.literal() == null ? "" : best.literal().getLiteralLexicalForm();
                String property = best.property() != null ? best.property().getURI() : property(union, subject, literal);
                result.add(new SearchHit(subject.isURI() ? subject.getURI() : subject.toString(), label(union, subject),
                                         types(union, subject), e.getValue(), property, Snippet.of(literal, words)));
            }
            return List.copyOf(result);
        });
    }

    private static String label(Graph g, Node s) {
        String fallback = null;
        Iterator<Triple> it = g.find(s, RDFS.label.asNode(), Node.ANY);
        while (it.hasNext()) {
            Node o = it.next().getObject();
            if (!o.isLiteral())
                continue;
            if (o.getLiteralLanguage().isEmpty() || o.getLiteralLanguage().startsWith("en"))
                return o.getLiteralLexicalForm();
            fallback = o.getLiteralLexicalForm();
        }
        if (fallback != null)
            return fallback;
        String iri = s.isURI() ? s.getURI() : s.toString();
        return iri.substring(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1);
    }

    private static List<String> types(Graph g, Node s) {
        List<String> types = new ArrayList<>();
        g.find(s, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isURI())
                types.add(t.getObject().getURI());
        });
        types.sort(null);
        return types;
    }

    /** The property whose value the snippet shows (the first found that holds the literal). */
    private static String property(Graph g, Node s, String literal) {
        Iterator<Triple> it = g.find(s, Node.ANY, Node.ANY);
        while (it.hasNext()) {
            Triple t = it.next();
            if (t.getObject().isLiteral() && t.getObject().getLiteralLexicalForm().equals(literal))
                return t.getPredicate().getURI();
        }
        return null;
    }

    private static String rootMessage(Throwable ex) {
        Throwable cause = ex;
        while (cause.getCause() != null)
            cause = cause.getCause();
        String m = cause.getMessage() != null ? cause.getMessage() : cause.toString();
        int newline = m.indexOf('\n');
        return newline < 0 ? m : m.substring(0, newline);
    }
}
