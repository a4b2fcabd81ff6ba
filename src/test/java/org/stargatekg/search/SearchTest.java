package org.stargatekg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.support.RunningServer;

/** Full-text search: text:query in SPARQL and the /search page find quotations, passages and labels by their words. */
class SearchTest {

    @RegisterExtension
    static final RunningServer server = RunningServer.extension();

    private static List<String> hitIris(String q) {
        HttpResponse<String> r = server.get("/search?q=" + RunningServer.encode(q), "application/json");
        assertEquals(200, r.statusCode(), r::body);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers()::toString);
        JsonObject body = JSON.parse(r.body());
        return body.get("hits").getAsArray().stream().map(JsonValue::getAsObject)
                   .map(o -> o.get("iri").getAsString().value()).toList();
    }

    @Test
    void text_query_in_sparql_finds_altmans_supervillain_warning() {
        var rows = server.select("""
                PREFIX text: <http://jena.apache.org/text#>
                SELECT ?s ?score ?literal WHERE { (?s ?score ?literal) text:query "supervillain" }""").rows();
        Set<String> found = new HashSet<>();
        rows.forEach(r -> found.add(r.get("s").getURI()));
        assertTrue(found.contains(server.base() + "id/altman-supervillain-warning"), () -> "found " + found);
    }

    @Test
    void text_query_with_a_property_searches_only_that_property() {
        var rows = server.select("""
                PREFIX text: <http://jena.apache.org/text#>
                PREFIX sg: <https://w3id.org/stargate-kg/ontology/>
                SELECT ?s ?literal WHERE { (?s ?score ?literal) text:query (sg:verbatimText "money") }""").rows();
        Set<String> found = new HashSet<>();
        rows.forEach(r -> found.add(r.get("s").getURI()));
        assertEquals(Set.of(server.base() + "id/musk-no-money-quote", server.base() + "id/musk-satya-has-money-quote"), found);
    }

    @Test
    void search_finds_altmans_supervillain_warning() {
        List<String> hits = hitIris("supervillain");
        assertTrue(hits.contains(server.base() + "id/altman-supervillain-warning"), () -> "hits " + hits);
    }

    @Test
    void search_ranks_musks_money_quotations_first() {
        List<String> hits = hitIris("money");
        assertTrue(hits.size() >= 2, () -> "hits " + hits);
        assertEquals(Set.of(server.base() + "id/musk-no-money-quote", server.base() + "id/musk-satya-has-money-quote"),
                     Set.copyOf(hits.subList(0, 2)), () -> "hits " + hits);
    }

    @Test
    void search_tells_the_platform_x_from_the_company_x_corp() {
        HttpResponse<String> r = server.get("/search?q=X&limit=50", "application/json");
        assertEquals(200, r.statusCode(), r::body);
        java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
        JSON.parse(r.body()).get("hits").getAsArray().stream().map(JsonValue::getAsObject)
            .forEach(o -> labels.put(o.get("iri").getAsString().value(), o.get("label").getAsString().value()));
        assertEquals("X (social media platform)", labels.get(server.base() + "id/x"), labels::toString);
        assertEquals("X Corp.", labels.get(server.base() + "id/x-corp"), labels::toString);
        List<String> repeated = labels.values().stream().filter(l -> java.util.Collections.frequency(labels.values(), l) > 1)
                                      .distinct().toList();
        assertTrue(repeated.isEmpty(), () -> "hits that read the same: " + repeated + " in " + labels);
    }

    @Test
    void search_page_links_each_hit_to_its_resource_page_and_marks_the_word() {
        HttpResponse<String> r = server.get("/search?q=supervillain", "text/html");
        assertEquals(200, r.statusCode(), r::body);
        Document doc = Jsoup.parse(r.body(), server.base());
        assertTrue(doc.select("ol.hits a[href]").stream()
                      .anyMatch(a -> a.attr("href").equals("/id/altman-supervillain-warning")), r::body);
        assertTrue(doc.select("ol.hits mark").stream().anyMatch(m -> m.text().equalsIgnoreCase("supervillain")), r::body);
    }

    @Test
    void search_json_is_also_given_for_format_json() {
        HttpResponse<String> r = server.get("/search?format=json&q=money", "text/html");
        assertEquals(200, r.statusCode(), r::body);
        JsonObject hit = JSON.parse(r.body()).get("hits").getAsArray().get(0).getAsObject();
        assertTrue(hit.hasKey("label") && hit.hasKey("types") && hit.get("snippet").getAsString().value().toLowerCase().contains("money"),
                   hit::toString);
    }

    @Test
    void search_escapes_the_query_in_the_page() {
        HttpResponse<String> r = server.get("/search?q=" + RunningServer.encode("<script>alert(1)</script>"), "text/html");
        assertTrue(r.statusCode() == 200 || r.statusCode() == 400, r::body);
        assertTrue(!r.body().contains("<script>alert(1)</script>"), r::body);
    }

    @Test
    void empty_search_is_a_bad_request_with_a_message() {
        HttpResponse<String> r = server.get("/search?q=", "application/json");
        assertEquals(400, r.statusCode(), r::body);
        assertTrue(JSON.parse(r.body()).hasKey("error"), r::body);
        assertEquals(400, server.get("/search", "text/html").statusCode());
    }

    @Test
    void malformed_search_is_a_bad_request_not_a_server_error() {
        for (String q : List.of("(money", "money AND", "limit")) {
            HttpResponse<String> r = server.get("/search?q=" + RunningServer.encode(q) + (q.equals("limit") ? "&limit=x" : ""),
                                                "application/json");
            assertEquals(400, r.statusCode(), () -> q + " -> " + r.body());
            assertTrue(r.body().contains("error"), r::body);
        }
    }
}
