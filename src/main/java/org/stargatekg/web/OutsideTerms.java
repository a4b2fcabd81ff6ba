package org.stargatekg.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The terms of other vocabularies that the data leans on and outsiders need to query it (sentences, names, the link
 * records of the outside-links graph), each with what it means here and one example query the ontology page offers.
 */
public final class OutsideTerms {

    /** One such term: its prefixed name and IRI, what it means in this data, and an example query. */
    public record Term(String name, String iri, String meaning, String query) {

        /** The SPARQL editor opened on the example. */
        public String runHref() {
            return "/sparql#query=" + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20");
        }

        /** The fragment of the term's entry on the ontology page. */
        public String anchor() {
            return "outside-" + name.replace(':', '-');
        }
    }

    private static final String PREFIXES = """
            PREFIX sg:     <https://w3id.org/stargate-kg/ontology/>
            PREFIX id:     <https://w3id.org/stargate-kg/id/>
            PREFIX nif:    <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
            PREFIX rdf:    <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs:   <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX schema: <https://schema.org/>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            """;

    /** The documented terms, in the order the page shows them. */
    public static final List<Term> TERMS = List.of(
            new Term("nif:Sentence", "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Sentence",
                     "A sentence of an article, made by the loader: <article IRI>/sentence/N with nif:beginIndex, nif:endIndex,"
                     + " nif:anchorOf (its words), nif:referenceContext (the article) and nif:nextSentence.",
                     PREFIXES + """
                     SELECT ?sentence ?begin ?words WHERE {
                       ?sentence a nif:Sentence ; nif:referenceContext id:stargate-article ;
                                 nif:beginIndex ?begin ; nif:anchorOf ?words .
                     } ORDER BY ?begin LIMIT 5"""),
            new Term("nif:sentence", "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#sentence",
                     "Links an evidence passage to the sentence(s) it lies in: with sg:evidence it says what each sentence supports.",
                     PREFIXES + """
                     SELECT ?words ?item WHERE {
                       ?passage nif:sentence ?sentence . ?sentence nif:anchorOf ?words .
                       ?item sg:evidence ?passage .
                     } ORDER BY ?words LIMIT 10"""),
            new Term("schema:name", "https://schema.org/name",
                     "The name of a person, organization, product or place as the article gives it (rdfs:label may add words"
                     + " that tell two things apart: \"X (social media platform)\" is named \"X\").",
                     PREFIXES + """
                     SELECT ?thing ?name ?label WHERE {
                       ?thing schema:name ?name ; rdfs:label ?label .
                       FILTER (STR(?name) != STR(?label))
                     } ORDER BY ?name"""),
            new Term("rdf:Statement", "http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement",
                     "A link record of the outside-links graph: each owl:sameAs link and outside fact taken from"
                     + " shared/external-ids.md has one, naming its rdf:subject, rdf:predicate and rdf:object, the entity"
                     + " document it comes from (dcterms:source) and the check that made it (prov:wasGeneratedBy).",
                     PREFIXES + """
                     SELECT ?subject ?property ?object ?source WHERE {
                       ?record a rdf:Statement ; rdf:subject ?subject ; rdf:predicate ?property ;
                               rdf:object ?object ; dcterms:source ?source .
                     } ORDER BY ?subject ?property"""));

    private OutsideTerms() {}
}
