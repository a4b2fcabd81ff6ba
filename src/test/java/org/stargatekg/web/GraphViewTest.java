package org.stargatekg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.support.RunningServer;

/** The graph view hides the outside-links graph's link records unless asked, and labels edges away from the centre. */
class GraphViewTest {

    @RegisterExtension
    static final RunningServer server = RunningServer.extension();

    private static Document view(String query) {
        return Jsoup.parse(server.get("/explore?" + query + "iri=" + RunningServer.encode(server.base() + "id/elon-musk"), "text/html").body());
    }

    private static List<String> records(Document doc) {
        return doc.select("svg.explore g.node").eachAttr("data-iri").stream().filter(i -> i.contains("/id/link-")).toList();
    }

    @Test
    void link_records_are_hidden_unless_asked_for() {
        Document plain = view("");
        assertEquals(List.of(), records(plain));
        assertTrue(plain.selectFirst("p.records").text().contains("link records"), plain.selectFirst("p.records").text());
        Document asked = view("records=1&");
        assertFalse(records(asked).isEmpty(), "asked for link records, none shown");
    }

    @Test
    void edge_labels_stand_apart_not_all_at_the_centre() {
        Document doc = view("");
        List<String> positions = doc.select("svg.explore g.edge text").stream().map(t -> t.attr("x") + "," + t.attr("y")).toList();
        assertEquals(positions.size(), positions.stream().distinct().count(), "edge labels on top of each other: " + positions);
    }
}
