package org.stargatekg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.support.Fixtures;
import org.stargatekg.support.RunningServer;

/** A second article folder given with --data adds its own graph, its pages, and its words to the search. */
class ExtraArticleTest {

    @RegisterExtension
    static final RunningServer server = RunningServer.extension(Fixtures.path("extra-valid"));

    @Test
    void extra_article_graph_is_listed() {
        Set<String> graphs = new HashSet<>();
        server.select("SELECT DISTINCT ?g { GRAPH ?g { } }").rows().forEach(r -> graphs.add(r.get("g").getURI()));
        assertTrue(graphs.contains(server.base() + "graph/extra-valid"), graphs::toString);
        assertTrue(graphs.contains(server.base() + "graph/stargate"), graphs::toString);
    }

    @Test
    void extra_article_resource_answers_as_an_html_page() {
        HttpResponse<String> r = server.get("/id/extra-valid-article", "text/html");
        assertEquals(200, r.statusCode(), r::body);
        assertTrue(r.body().contains("Jane Doe Praises Widgets"), r::body);
    }

    @Test
    void extra_article_words_are_searchable() {
        HttpResponse<String> r = server.get("/search?format=json&q=widgets", "*/*");
        assertEquals(200, r.statusCode(), r::body);
        assertTrue(r.body().contains(server.base() + "id/extra-valid-article"), r::body);
    }
}
