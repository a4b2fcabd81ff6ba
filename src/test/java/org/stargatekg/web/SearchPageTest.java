package org.stargatekg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.support.RunningServer;

/** The search page tells the true count, pages through every hit, names types in words and forgives a misspelling. */
class SearchPageTest {

    @RegisterExtension
    static final RunningServer server = RunningServer.extension();

    private static Document search(String query) {
        var r = server.get("/search?q=" + query, "text/html");
        assertEquals(200, r.statusCode(), r.body());
        return Jsoup.parse(r.body());
    }

    private static int total(String query) {
        JsonObject body = JSON.parse(server.get("/search?q=" + query + "&format=json&limit=100", "application/json").body());
        return body.get("total").getAsNumber().value().intValue();
    }

    @Test
    void the_count_is_every_matching_resource_and_the_pages_reach_them_all() {
        int total = total("Musk");
        assertTrue(total > 20, "Musk matches more than one page: " + total);
        Document first = search("Musk");
        assertTrue(first.selectFirst("p.count").text().startsWith(total + " resources match Musk"), first.selectFirst("p.count").text());
        Set<String> seen = new HashSet<>();
        String href = "/search?q=Musk";
        int pages = 0;
        while (href != null) {
            Document doc = Jsoup.parse(server.get(href, "text/html").body());
            for (Element iri : doc.select("ol.hits code.iri"))
                assertTrue(seen.add(iri.text()), "shown on two pages: " + iri.text());
            Element next = doc.selectFirst("nav.pager a[rel=next]");
            href = next == null ? null : next.attr("href");
            assertTrue(++pages < 20, "the pager does not end");
        }
        assertEquals(total, seen.size(), "hits reached by paging");
        assertTrue(pages >= 3, "pages: " + pages);
    }

    @Test
    void type_badges_are_class_labels_each_once() {
        Document doc = search("Musk");
        Element musk = doc.select("ol.hits li.hit").stream()
                          .filter(li -> li.selectFirst("a.local").text().equals("Elon Musk")).findFirst().orElseThrow();
        List<String> types = musk.select(".type").eachText();
        assertEquals(List.of("person"), types);
        for (Element li : doc.select("ol.hits li.hit")) {
            List<String> badges = li.select(".type").eachText();
            assertEquals(badges.size(), new HashSet<>(badges).size(), "repeated badge: " + badges);
            assertTrue(badges.stream().noneMatch(b -> b.matches("[A-Z][A-Za-z]+|\\w+:\\w+")), "raw local names: " + badges);
        }
    }

    @Test
    void a_misspelt_name_finds_the_resource_by_a_close_spelling_and_suggests_it() {
        Document doc = search("Altmann");
        assertEquals("Sam Altman", doc.selectFirst("ol.hits a.local").text());
        Element hint = doc.selectFirst("p.did-you-mean");
        assertNotNull(hint, "no did-you-mean");
        assertEquals("Altman", hint.selectFirst("a").text());
        assertEquals(0, total("%22Altmann%22"), "a quoted phrase is taken exactly, with no fallback");
        assertFalse(search("zzqqxxyy").select("p.count").isEmpty());
    }
}
