package org.stargatekg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.support.Fixtures;
import org.stargatekg.support.RunningServer;

/** The article view says what the article's record holds, and says so plainly where the text gives nothing. */
class ArticleRecordTest {

    @RegisterExtension
    static final RunningServer server = RunningServer.extension(Fixtures.path("article-record"));

    private static Map<String, String> record(String path) {
        Document doc = Jsoup.parse(server.get(path, "text/html").body());
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element div : doc.select("dl.record > div"))
            fields.put(div.selectFirst("dt").text(), div.selectFirst("dd").text());
        return fields;
    }

    @Test
    void the_seed_article_says_its_text_gives_no_publisher_date_author_or_address() {
        assertEquals(Map.of("publisher", "not stated in the text", "date of publication", "not stated in the text",
                            "author", "not stated in the text", "source address", "not stated in the text"),
                     record("/id/stargate-article"));
    }

    @Test
    void an_article_folder_that_knows_its_record_shows_it() {
        Map<String, String> fields = record("/id/moon-widgets-article");
        assertEquals("The Lunar Ledger (fictional)", fields.get("publisher"));
        assertEquals("2031-04-01", fields.get("date of publication"));
        assertEquals("A. N. Author (fictional)", fields.get("author"));
        assertEquals("https://example.org/fiction/moon-widgets", fields.get("source address"));
    }
}
