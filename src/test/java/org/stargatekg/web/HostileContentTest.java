package org.stargatekg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.support.Fixtures;
import org.stargatekg.support.RunningServer;

/**
 * Literals that hold HTML and JavaScript (fixture hostile-content: labels, descriptions, a quotation, passage
 * anchors and the article text) show as text on every page, and no page reflects a request parameter as markup.
 */
class HostileContentTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";

    @RegisterExtension
    static final RunningServer server = RunningServer.extension(Fixtures.path("hostile-content"));

    /** Attributes whose value a browser follows or loads as a URL; a "javascript:" there would run. */
    private static final java.util.Set<String> URL_ATTRIBUTES = java.util.Set.of("href", "src", "action", "formaction", "xlink:href", "data");

    /** What in a page would run or load as markup from the payloads: inline scripts, event attributes, the img. */
    static List<String> activeMarkup(Document doc) {
        List<String> found = new ArrayList<>();
        for (Element script : doc.select("script"))
            if (!script.attr("src").startsWith("/static/"))
                found.add("script: " + script.outerHtml());
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes())
                if (a.getKey().toLowerCase().startsWith("on")
                    || URL_ATTRIBUTES.contains(a.getKey().toLowerCase()) && a.getValue().trim().toLowerCase().startsWith("javascript:"))
                    found.add("attribute " + a + " on " + e.tagName());
        }
        for (Element img : doc.select("img[src=x]"))
            found.add("img: " + img.outerHtml());
        return found;
    }

    private static void assertShownAsText(String path) {
        HttpResponse<String> response = server.get(path, "text/html");
        assertEquals(200, response.statusCode(), () -> path + "\n" + response.body());
        Document doc = Jsoup.parse(response.body());
        List<String> active = activeMarkup(doc);
        assertTrue(active.isEmpty(), () -> path + " has active markup from the data: " + active);
        String text = doc.text();
        assertTrue(text.contains(SCRIPT) || text.contains(IMG.substring(2)),
                   () -> path + " does not show the hostile text as text:\n" + text);
    }

    @Test
    void resource_pages_show_hostile_literals_as_text() {
        for (String path : new String[] { "/id/hostile-person", "/id/hostile-quote", "/evidence/hostile-said", "/evidence/hostile-title" })
            assertShownAsText(path);
    }

    @Test
    void article_view_shows_hostile_article_text_and_anchors_as_text() {
        assertShownAsText("/id/hostile-article");
        Document doc = Jsoup.parse(server.get("/id/hostile-article", "text/html").body());
        assertTrue(doc.text().contains("Jane Roe said \"" + SCRIPT + "\""), doc::text);
    }

    @Test
    void home_page_shows_hostile_labels_as_text() {
        assertShownAsText("/");
    }

    @Test
    void graph_view_shows_hostile_labels_as_text() {
        for (String id : new String[] { "id/hostile-person", "id/hostile-quote", "id/hostile-article", "evidence/hostile-said" })
            assertShownAsText("/explore?iri=" + RunningServer.encode(server.base() + id));
    }

    @Test
    void no_page_reflects_a_request_parameter_as_markup() {
        String[] payloads = { SCRIPT, IMG, "javascript:alert(1)", "' onmouseover='alert(1)", "</title><script>alert(1)</script>" };
        for (String p : payloads) {
            String e = RunningServer.encode(p);
            for (String path : new String[] { "/explore?iri=" + e, "/search?q=" + e, "/?q=" + e, "/id/elon-musk?x=" + e,
                                              "/id/" + e.replace("%2F", "_"), "/sparql?query=" + e, "/sparql?x=" + e }) {
                HttpResponse<String> response = server.get(path, "text/html");
                String type = response.headers().firstValue("Content-Type").orElse("");
                if (!type.startsWith("text/html"))
                    continue; // text/plain with nosniff is not rendered as markup
                List<String> active = activeMarkup(Jsoup.parse(response.body()));
                assertTrue(active.isEmpty(), () -> path + " reflects the parameter as markup: " + active);
                assertFalse(response.body().contains(p) && p.contains("<"), () -> path + " echoes the payload unescaped");
            }
        }
    }
}
