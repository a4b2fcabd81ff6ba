package org.stargatekg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.support.RunningServer;

/** The article view's markup: plain text by default, the chosen item's passages marked, the keyword line apart. */
class ArticleViewTest {

    @RegisterExtension
    static final RunningServer server = RunningServer.extension();

    private static Document view(String query) {
        var r = server.get("/id/stargate-article" + query, "text/html");
        assertEquals(200, r.statusCode());
        return Jsoup.parse(r.body());
    }

    private static String article() throws IOException {
        return Files.readString(Path.of("data/stargate/article.txt"), StandardCharsets.UTF_8);
    }

    @Test
    void the_text_is_plain_by_default_and_exactly_the_articles_words() throws IOException {
        Document doc = view("");
        assertTrue(doc.select(".seg.on").isEmpty(), "highlighted by default: " + doc.select(".seg.on").eachText());
        String shown = doc.selectFirst("#article-text").wholeText() + doc.select(".keyword-line .seg").eachText().stream()
                          .reduce("", String::concat);
        assertEquals(article().stripTrailing(), shown.stripTrailing(), "the text shown differs from the article (stray spaces?)");
    }

    @Test
    void the_keyword_line_is_not_shown_as_body_text() throws IOException {
        Document doc = view("");
        String body = doc.selectFirst("#article-text").wholeText().stripTrailing();
        String lastLine = article().stripTrailing().substring(article().stripTrailing().lastIndexOf('\n') + 1);
        assertFalse(body.endsWith(lastLine), "the body ends with the keyword line");
        Element keywords = doc.selectFirst(".keyword-line");
        assertNotNull(keywords);
        assertTrue(keywords.text().contains(lastLine), keywords.text());
    }

    @Test
    void choosing_a_statement_highlights_its_passages_and_nothing_else() {
        String iri = server.base() + "id/musk-softbank-funding-claim";
        Document doc = view("?focus=" + URLEncoder.encode(iri, StandardCharsets.UTF_8));
        List<String> on = doc.select("#article-text .seg.on").eachText();
        assertEquals(List.of("He claimed that SoftBank has secured significantly less funding than required",
                             "SoftBank has well under $10 billion secured. I have that on good authority."), on);
        assertTrue(doc.selectFirst("#focus-note").text().contains("Musk: \"SoftBank has well under $10 billion secured.\""),
                   doc.selectFirst("#focus-note").text());
        assertNotNull(doc.getElementById("ev-musk-claimed"), "no anchor to scroll to");
    }

    @Test
    void a_passage_link_from_a_page_opens_the_article_on_that_passage() {
        Document page = Jsoup.parse(server.get("/id/musk-no-money-quote", "text/html").body());
        String href = page.selectFirst("blockquote.evidence a.to-article").attr("href");
        assertTrue(href.matches("/id/stargate-article\\?focus=ev-[a-z0-9-]+#ev-[a-z0-9-]+"), href);
        Document doc = view(href.substring("/id/stargate-article".length(), href.indexOf('#')));
        String anchor = href.substring(href.indexOf('#') + 1);
        assertFalse(doc.select("#article-text .seg.on").isEmpty(), "the chosen passage is not highlighted");
        assertTrue(doc.select("#article-text .seg.on").stream().allMatch(e -> e.attr("data-p").contains(anchor)),
                   "text outside the chosen passage is highlighted");
        assertNotNull(doc.getElementById(anchor));
        assertTrue(page.selectFirst("a.focus-all").attr("href").contains("focus=" + URLEncoder.encode(server.base() + "id/musk-no-money-quote", StandardCharsets.UTF_8)));
    }

    @Test
    void every_passage_is_listed_with_what_it_supports_and_every_item_can_be_chosen() {
        Document doc = view("");
        assertTrue(doc.select("ol.passages > li").size() >= 40, "passages listed: " + doc.select("ol.passages > li").size());
        List<String> items = doc.select("ul.items a.focus-item").eachText();
        assertTrue(items.contains("Elon Musk") && items.contains("Musk: \"They don't actually have the money.\""), items.toString());
        for (Element a : doc.select("ul.items a.focus-item"))
            for (String anchor : a.attr("data-anchors").split(" "))
                assertNotNull(doc.getElementById(anchor), a.text() + " names a passage not in the text: " + anchor);
    }
}
