package org.stargatekg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.support.RunningServer;

/** Pages read as a person reads: incoming links in plain words, each passage once, types folded, figures in words. */
class ReadablePagesTest {

    private static final Pattern GLUED = Pattern.compile("^is .+ of$|^\u2190 ");

    @RegisterExtension
    static final RunningServer server = RunningServer.extension();
    private static List<String> pages;

    @BeforeAll
    static void pages() {
        pages = new ArrayList<>();
        for (var row : server.select("""
                SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s ?p ?o } FILTER (isIRI(?s))
                  FILTER (STRSTARTS(STR(?s), "https://w3id.org/stargate-kg/id/")) }""").rows())
            pages.add(row.get("s").getURI().substring("https://w3id.org/stargate-kg/".length()));
        assertTrue(pages.size() > 60, "expected the dataset's resources, got " + pages.size());
    }

    private static Document page(String path) {
        var r = server.get("/" + path, "text/html");
        assertEquals(200, r.statusCode(), path);
        return Jsoup.parse(r.body());
    }

    @Test
    void no_incoming_link_is_named_by_gluing_is_of_around_a_label() {
        List<String> glued = new ArrayList<>();
        for (String path : pages)
            for (Element th : page(path).select("table.properties th"))
                if (GLUED.matcher(th.text()).find())
                    glued.add(path + ": " + th.text());
        for (String extra : List.of("ontology/claims", "ontology/Statement", "ontology/partnerOf"))
            for (Element th : page(extra).select("table.properties th"))
                if (GLUED.matcher(th.text()).find())
                    glued.add(extra + ": " + th.text());
        assertTrue(glued.isEmpty(), "incoming links named by glued words:\n" + String.join("\n", glued));
    }

    @Test
    void a_proposition_reads_claimed_by_its_statement() {
        Document doc = page("id/prop-nadella-has-money");
        List<String> rows = doc.select("table.properties th").eachText();
        assertTrue(rows.contains("claimed by"), rows.toString());
    }

    @Test
    void values_from_the_external_links_graph_are_badged_as_outside_sources() {
        Document doc = page("id/x-corp");
        Element operates = doc.select("table.properties tr").stream()
                              .filter(tr -> tr.selectFirst("th").text().equals("operates")).findFirst().orElseThrow();
        assertNotNull(operates.selectFirst(".badge.external"), operates.outerHtml());
        Element owner = doc.select("table.properties tr").stream()
                           .filter(tr -> tr.selectFirst("th").text().equals("owned by")).findFirst().orElseThrow();
        assertEquals(null, owner.selectFirst(".badge.external"), "the article states the owner: " + owner.outerHtml());
    }

    @Test
    void each_passage_is_shown_once_per_page() {
        List<String> repeated = new ArrayList<>();
        for (String path : pages) {
            Set<String> seen = new HashSet<>();
            for (Element quote : page(path).select("blockquote.evidence"))
                if (!seen.add(quote.id()))
                    repeated.add(path + ": " + quote.id());
        }
        assertTrue(repeated.isEmpty(), "passages shown twice on a page:\n" + String.join("\n", repeated));
        Document musk = page("id/musk-softbank-funding-claim");
        assertFalse(musk.select("p.evidence-ref a[href^=#on-page-]").isEmpty(), "a repeated passage refers to the first");
    }

    @Test
    void a_person_shows_one_line_of_types_with_the_inferred_ones_folded() {
        Document doc = page("id/elon-musk");
        assertEquals(1, doc.select(".types").size());
        assertEquals(List.of("person"), doc.select(".types > .type").eachText());
        Element folded = doc.selectFirst(".types details.inferred-types");
        assertNotNull(folded, "inferred types are not folded");
        assertTrue(folded.select(".type").size() >= 5, folded.outerHtml());
        assertTrue(folded.selectFirst("summary").text().matches("\\+\\d+ inferred"), folded.selectFirst("summary").text());
    }

    @Test
    void bounds_and_offsets_read_in_plain_words_with_the_exact_figures_one_click_away() {
        Document doc = page("id/amount-softbank-secured-claimed");
        assertTrue(doc.select(".amount").eachText().contains("well under $10 billion, as Elon Musk put it"),
                   doc.select(".amount").eachText().toString());
        assertTrue(doc.select("details.exact code").eachText().contains("< 10000000000 USD"),
                   doc.select("details.exact").outerHtml());
        Document claim = page("id/musk-softbank-funding-claim");
        for (Element quote : claim.select("blockquote.evidence")) {
            String visible = quote.clone().select("details").remove().text();
            assertFalse(visible.matches(".*\\[\\d+, \\d+\\).*"), "raw offsets shown: " + visible);
            assertTrue(quote.selectFirst("details.where").text().matches(".*characters \\d+ to \\d+.*"), quote.outerHtml());
        }
    }
}
