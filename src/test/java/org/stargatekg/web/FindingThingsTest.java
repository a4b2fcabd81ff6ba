package org.stargatekg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.support.RunningServer;

/** A reader holding a wrong address or only an IRI finds the page: the home and 404 pages say how IRIs map to pages. */
class FindingThingsTest {

    @RegisterExtension
    static final RunningServer server = RunningServer.extension();

    @ParameterizedTest
    @ValueSource(strings = {"/id/Elon-Musk", "/id/elon_musk", "/id/elon-musks", "/id/ElonMusk"})
    void a_near_miss_gets_a_404_that_suggests_the_resource(String path) {
        HttpResponse<String> r = server.get(path, "text/html");
        assertEquals(404, r.statusCode());
        List<String> suggested = Jsoup.parse(r.body()).select(".nearest a").eachAttr("href");
        assertTrue(!suggested.isEmpty() && suggested.get(0).equals("/id/elon-musk"), path + " suggests " + suggested);
    }

    @Test
    void the_home_and_404_pages_explain_the_lookup_by_iri_and_the_form_works() {
        for (String path : List.of("/", "/id/no-such-thing")) {
            Document doc = Jsoup.parse(server.get(path, "text/html").body());
            Element addresses = doc.selectFirst("section.addresses");
            assertNotNull(addresses, path + " does not say how IRIs map to pages");
            assertTrue(addresses.text().contains("/resource?uri="), addresses.text());
            Element form = addresses.selectFirst("form.lookup");
            assertEquals("/resource", form.attr("action"));
            assertEquals("uri", form.selectFirst("input").attr("name"));
        }
        HttpResponse<String> go = server.get("/resource?uri=" + RunningServer.encode(server.base() + "id/elon-musk"), "text/html");
        assertEquals(303, go.statusCode());
        assertEquals("/id/elon-musk", go.headers().firstValue("Location").orElse(""));
    }
}
