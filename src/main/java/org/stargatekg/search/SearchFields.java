package org.stargatekg.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.EntityDefinition;
import org.stargatekg.vocab.NIF;
import org.stargatekg.vocab.Namespaces;

/**
 * Which properties are searched, grouped into Lucene fields, plus the catch-all field {@link #ALL} that holds every
 * indexed literal and is searched when a query names no property.
 */
public final class SearchFields {

    /** The field every indexed literal also goes into: the default field of {@code text:query} without a property. */
    public static final String ALL = "text";

    /** The field that holds the subject IRI of each indexed literal. */
    static final String ENTITY = "uri";

    private static final String RDFS = org.apache.jena.vocabulary.RDFS.getURI();
    private static final String SKOS = org.apache.jena.vocabulary.SKOS.getURI();
    private static final String SCHEMA = org.stargatekg.vocab.SCHEMA.NS;
    private static final String DCTERMS = org.apache.jena.vocabulary.DCTerms.NS;

    /**
     * How much a match in each field counts on the search page: the words someone said first, then names, then what
     * was claimed or paraphrased, then definitions, and last the evidence passages (which repeat the quotations).
     */
    static final Map<String, Float> WEIGHTS = Map.of("quotation", 4f, "label", 2f, "proposition", 1.5f,
                                                     "paraphrase", 1.5f, "description", 1f, "passage", 0.5f);

    private final Map<Node, String> fieldOf = new LinkedHashMap<>();

    /** The fields for our ontology namespace. */
    public SearchFields(Namespaces ns) {
        String sg = ns.ontology();
        put("label", RDFS + "label", SKOS + "altLabel", SCHEMA + "name", DCTERMS + "title");
        put("quotation", sg + "verbatimText");
        put("paraphrase", sg + "paraphrase");
        put("proposition", sg + "propositionText");
        put("description", SCHEMA + "description", SKOS + "definition");
        put("passage", NIF.anchorOf.getURI());
    }

    private void put(String field, String... predicates) {
        for (String p : predicates)
            fieldOf.put(NodeFactory.createURI(p), field);
    }

    /** The indexed properties. */
    public List<Node> predicates() {
        return List.copyOf(fieldOf.keySet());
    }

    /** The field a property's literals go into, or null if it is not indexed. */
    String field(Node predicate) {
        return fieldOf.get(predicate);
    }

    /** How much a match in a property's literals counts on the search page (1 for a property not indexed). */
    float weight(Node predicate) {
        String field = fieldOf.get(predicate);
        return field == null ? 1f : WEIGHTS.getOrDefault(field, 1f);
    }

    /** A Lucene query that runs the user's query over every field with its weight, for instance {@code quotation:(money)^4.0 label:(money)^2.0 …}. */
    static String weighted(String userQuery) {
        StringBuilder sb = new StringBuilder();
        WEIGHTS.entrySet().stream().sorted(Map.Entry.<String, Float>comparingByValue().reversed()).forEach(e -> {
            if (sb.length() > 0)
                sb.append(' ');
            sb.append(e.getKey()).append(":(").append(userQuery).append(")^").append(e.getValue());
        });
        return sb.toString();
    }

    /** The jena-text entity definition: one field per group, each with its properties, and {@link #ALL} as default field. */
    EntityDefinition entityDefinition() {
        EntityDefinition def = new EntityDefinition(ENTITY, ALL);
        // Stored with language and datatype so text:query gives back the literal as it is in the data.
        def.setLangField("lang");
        fieldOf.forEach((p, field) -> def.set(field, p));
        return def;
    }
}
