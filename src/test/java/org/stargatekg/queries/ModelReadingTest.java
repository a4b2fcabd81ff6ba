package org.stargatekg.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.support.RunningServer;

/**
 * The graph reads as the article does where an outsider once misread it: the buyer of the order is the company, not
 * the platform; a statement made on X reaches the platform through its post; every amount says whose word it rests
 * on; the AI tool's suggestion and the supervillain warning have what they propose or warn against as subject; and
 * every outside link names the document it comes from.
 */
class ModelReadingTest {

    private static final String PREFIXES = """
            PREFIX sg:      <https://w3id.org/stargate-kg/ontology/>
            PREFIX id:      <https://w3id.org/stargate-kg/id/>
            PREFIX rdf:     <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX owl:     <http://www.w3.org/2002/07/owl#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX prov:    <http://www.w3.org/ns/prov#>
            PREFIX nif:     <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
            """;

    @RegisterExtension
    static final RunningServer server = RunningServer.extension();

    private static List<String> rows(String query) {
        RunningServer.Results r = server.select(PREFIXES + query);
        List<String> out = new ArrayList<>();
        for (Map<String, Node> row : r.rows())
            out.add(r.vars().stream().map(v -> text(row.get(v))).collect(Collectors.joining(" | ")));
        return out;
    }

    private static String text(Node n) {
        if (n == null)
            return "";
        if (n.isURI())
            return n.getURI().startsWith(server.base()) ? n.getURI().substring(server.base().length()) : n.getURI();
        return n.getLiteralLexicalForm();
    }

    @Test
    void the_orders_buyer_is_the_company_x_corp_which_the_article_calls_musks_x() {
        List<String> found = rows("""
                SELECT ?buyer ?label ?owner ?words WHERE {
                  ?order a sg:Order ; sg:buyer ?buyer .
                  ?buyer a sg:Company ; rdfs:label ?label .
                  ?ownership sg:ownedThing ?buyer ; sg:owner/rdfs:label ?owner ; sg:evidence/nif:anchorOf ?words .
                }""");
        assertEquals(List.of("id/x-corp | X Corp. | Elon Musk | Musk's X"), found);
    }

    @Test
    void the_platform_and_the_company_have_labels_that_tell_them_apart() {
        List<String> found = rows("""
                SELECT ?x ?label WHERE { VALUES ?x { id:x id:x-corp } ?x rdfs:label ?label } ORDER BY ?x""");
        assertEquals(List.of("id/x | X (social media platform)", "id/x-corp | X Corp."), found);
    }

    @Test
    void statements_made_on_x_reach_the_platform_through_musks_post() {
        List<String> found = rows("""
                SELECT ?statement ?post ?platform WHERE {
                  ?statement sg:channel ?post .
                  ?post a sg:SocialMediaPost ; sg:platform ?platform .
                } ORDER BY ?statement""");
        assertEquals(List.of("id/musk-criticizes-stargate | id/musk-post-on-x | id/x",
                             "id/musk-softbank-funding-claim | id/musk-post-on-x | id/x"), found);
        assertEquals(0, server.count(PREFIXES + """
                SELECT (COUNT(*) AS ?n) WHERE { ?s sg:channel ?c FILTER NOT EXISTS { ?c a sg:Event } }"""),
                     "a statement's channel that is not an event");
    }

    @Test
    void every_amount_says_whose_word_it_rests_on_and_nadellas_80_billion_is_his() {
        List<String> found = rows("""
                SELECT ?amount ?whose WHERE {
                  ?amount a sg:MonetaryAmount .
                  OPTIONAL { ?amount sg:statedIn ?source .
                             OPTIONAL { ?source a sg:NewsArticle BIND ("the article" AS ?article) }
                             OPTIONAL { ?source a sg:Statement ; sg:speaker/rdfs:label ?speaker } }
                  BIND (COALESCE(?article, ?speaker, "nobody") AS ?whose)
                } ORDER BY ?amount""");
        assertEquals(List.of("id/amount-hypothetical-billion | the article",
                             "id/amount-microsoft-azure | Satya Nadella",
                             "id/amount-softbank-secured-claimed | Elon Musk",
                             "id/amount-stargate-initial | the article",
                             "id/amount-stargate-total | the article",
                             "id/amount-x-order | the article"), found);
    }

    @Test
    void the_ai_tool_suggests_philanthropic_efforts_and_altman_warns_against_adopting_a_persona() {
        List<String> found = rows("""
                SELECT ?statement ?subject ?attribute WHERE {
                  VALUES ?statement { id:ai-tool-suggests-philanthropy id:altman-supervillain-warning }
                  ?statement sg:claims ?p .
                  ?p sg:propositionSubject ?s ; sg:attribute/rdfs:label ?attribute .
                  ?s a sg:CourseOfAction ; rdfs:label ?subject .
                } ORDER BY ?statement""");
        assertEquals(List.of("id/ai-tool-suggests-philanthropy | philanthropic efforts | best use of money",
                             "id/altman-supervillain-warning | adopting a \"supervillain\" persona | conflicts with ideals"), found);
    }

    @Test
    void every_outside_link_names_the_entity_document_it_comes_from() {
        List<String> links = rows("""
                SELECT ?s ?o ?document WHERE {
                  GRAPH ?g { ?s owl:sameAs ?o }
                  OPTIONAL { GRAPH ?g { ?link rdf:subject ?s ; rdf:predicate owl:sameAs ; rdf:object ?o ;
                                              dcterms:source ?document ; prov:wasGeneratedBy ?check } }
                } ORDER BY ?s ?o""");
        assertEquals(24, links.size(), () -> String.join("\n", links));
        List<String> wrong = links.stream().filter(l -> {
            String[] f = l.split(" \\| ", -1);
            String o = f[1], doc = f[2];
            if (o.startsWith("http://www.wikidata.org/entity/"))
                return !doc.equals("https://www.wikidata.org/wiki/Special:EntityData/" + o.substring("http://www.wikidata.org/entity/".length()));
            if (o.startsWith("http://dbpedia.org/resource/"))
                return !doc.equals("https://dbpedia.org/page/" + o.substring("http://dbpedia.org/resource/".length()));
            return true;
        }).toList();
        assertTrue(wrong.isEmpty(), () -> "links without the entity document of their target:\n" + String.join("\n", wrong));
        assertEquals(0, server.count(PREFIXES + """
                SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s dcterms:source ?d } FILTER (isLiteral(?d)) }"""),
                     "a source given as text (a file path) rather than a document IRI");
    }

    @Test
    void the_white_house_building_and_the_government_body_are_two_resources_and_only_the_building_is_linked() {
        List<String> found = rows("""
                SELECT ?r ?kind ?link WHERE {
                  VALUES ?r { id:white-house id:white-house-government-body }
                  ?r a ?kind . VALUES ?kind { sg:Building sg:GovernmentBody }
                  OPTIONAL { ?r owl:sameAs ?link FILTER (STRSTARTS(STR(?link), "http://www.wikidata.org/")) }
                } ORDER BY ?r""");
        assertEquals(List.of("id/white-house | " + SG + "Building | http://www.wikidata.org/entity/Q35525",
                             "id/white-house-government-body | " + SG + "GovernmentBody | "), found);
    }

    @Test
    void they_dont_have_the_money_names_no_backer_since_the_words_name_none() {
        List<String> found = rows("""
                SELECT ?subject ?kind WHERE {
                  id:musk-no-money-quote sg:claims/sg:propositionSubject ?subject .
                  ?subject a ?kind . FILTER (STRSTARTS(STR(?kind), STR(sg:)))
                  FILTER NOT EXISTS { ?subject a ?narrower . ?narrower rdfs:subClassOf ?kind FILTER (?narrower != ?kind) }
                }""");
        assertEquals(List.of("id/they-without-the-money | " + SG + "UnnamedReferent"), found);
        assertEquals(List.of(), rows("""
                SELECT ?about WHERE { id:musk-no-money-quote sg:about ?about . ?about a sg:Organization }"""));
    }

    @Test
    void the_funds_might_not_be_secure_stays_a_hedge_not_a_denial() {
        assertEquals(List.of(SG + "Doubted"), rows("""
                SELECT ?polarity WHERE { id:musk-stargate-funds-not-secure-claim sg:claims/sg:polarity ?polarity }"""));
        assertEquals(List.of(SG + "Evasive"), rows("""
                SELECT ?stance WHERE { ?s sg:avoids id:musk-stargate-funds-not-secure-claim ; sg:stance ?stance }"""));
    }

    @Test
    void commentary_sentences_support_their_commentary_only() {
        List<String> found = rows("""
                SELECT ?item WHERE {
                  VALUES ?p { <https://w3id.org/stargate-kg/evidence/ripples> <https://w3id.org/stargate-kg/evidence/dialogue> }
                  ?item sg:evidence ?p . FILTER NOT EXISTS { ?item a sg:Commentary }
                }""");
        assertEquals(List.of(), found, "commentary passages used as evidence of facts or statements");
        assertEquals(List.of("id/clash", "id/cnbc-interview").stream().map(x -> x.replace("id/", "evidence/")).toList(), rows("""
                SELECT ?p WHERE { id:stargate-controversy sg:evidence ?p } ORDER BY ?p"""));
    }

    private static final String SG = "ontology/";
}
