package org.stargatekg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.support.RunningServer;

/** The ontology page documents the outside terms outsiders need, each with an example that answers, and a diagram. */
class OntologyPageTest {

    @RegisterExtension
    static final RunningServer server = RunningServer.extension();

    @Test
    void sentences_names_and_link_records_are_documented_with_an_example_query_that_answers() {
        Document doc = Jsoup.parse(server.get("/ontology", "text/html").body());
        for (String term : List.of("nif:Sentence", "nif:sentence", "schema:name", "rdf:Statement")) {
            Element entry = doc.getElementById("outside-" + term.replace(':', '-'));
            assertNotNull(entry, term + " is not documented");
            String query = entry.selectFirst("pre.example-query").wholeText();
            RunningServer.Results rows = server.select(query);
            assertFalse(rows.rows().isEmpty(), term + "'s example finds nothing:\n" + query);
            assertTrue(entry.selectFirst("a.run-example").attr("href").startsWith("/sparql#query="));
        }
    }

    @Test
    void a_diagram_shows_how_statements_claims_passages_and_sentences_connect() {
        Document doc = Jsoup.parse(server.get("/ontology", "text/html").body());
        Element svg = doc.selectFirst("#model-diagram svg");
        assertNotNull(svg);
        List<String> words = svg.select("text").eachText();
        for (String w : List.of("sg:Statement", "sg:Proposition", "sg:EvidencePassage", "nif:Sentence", "sg:claims", "nif:sentence"))
            assertTrue(words.contains(w), w + " missing from the diagram: " + words);
        assertEquals(0, doc.select("script").stream().filter(s -> !s.attr("src").isEmpty() && !s.attr("src").startsWith("/")).count());
    }
}
