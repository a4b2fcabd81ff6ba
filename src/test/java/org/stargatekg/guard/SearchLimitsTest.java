package org.stargatekg.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.search.LimitedSearch;
import org.stargatekg.server.StargateServer;
import org.stargatekg.support.RunningServer;

/**
 * {@code /search} has a complexity and a time limit (issue 15, finding 8: 1,020 fuzzy terms took 15.6 s, four such
 * searches at once 31.8 s each): too many terms or expanding terms get a 400 at once; what is allowed finishes within
 * the time limit even four at a time.
 */
class SearchLimitsTest {

    @RegisterExtension
    static final RunningServer server = RunningServer.extension();

    private static String fuzzyTerms(int n, long seed) {
        Random random = new Random(seed);
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder t = new StringBuilder();
            for (int j = 0; j < 8; j++)
                t.append((char) ('a' + random.nextInt(26)));
            terms.add(t + "~");
        }
        return String.join(" ", terms);
    }

    private static HttpResponse<String> search(String q) {
        return server.get("/search?format=json&q=" + RunningServer.encode(q), "application/json");
    }

    @Test
    void thousand_fuzzy_terms_are_refused_at_once() {
        String q = fuzzyTerms(1020, 1);
        long start = System.nanoTime();
        HttpResponse<String> response = search(q);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(400, response.statusCode(), response::body);
        assertTrue(millis < 2000, "refusing took " + millis + " ms");
    }

    @Test
    void too_many_terms_or_expanding_terms_are_refused() {
        assertEquals(400, search(fuzzyTerms(LimitedSearch.MAX_EXPANDING + 1, 2)).statusCode());
        assertEquals(400, search("a* b* c* d* e*").statusCode());
        assertEquals(400, search("/a.*/ /b.*/ /c.*/ /d.*/ /e.*/").statusCode());
        assertEquals(400, search("money ".repeat(LimitedSearch.MAX_TERMS + 1)).statusCode());
        assertEquals(400, search("m".repeat(LimitedSearch.MAX_CHARACTERS + 1)).statusCode());
        HttpResponse<String> refused = search(fuzzyTerms(LimitedSearch.MAX_EXPANDING + 1, 3));
        assertTrue(refused.body().contains("at most " + LimitedSearch.MAX_EXPANDING), refused.body());
    }

    @Test
    void allowed_searches_finish_within_the_time_limit_four_at_a_time() {
        List<CompletableFuture<HttpResponse<String>>> searches = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            String q = fuzzyTerms(LimitedSearch.MAX_EXPANDING, 10 + i) + " money";
            searches.add(CompletableFuture.supplyAsync(() -> search(q)));
        }
        for (CompletableFuture<HttpResponse<String>> s : searches)
            assertEquals(200, s.join().statusCode(), () -> s.join().body());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < StargateServer.SEARCH_TIME_LIMIT.toMillis(), "four allowed searches took " + millis + " ms");
    }

    @Test
    void text_query_in_sparql_has_the_same_limit() {
        String prefix = "PREFIX text: <http://jena.apache.org/text#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ";
        for (String pattern : new String[] {"?s text:query \"$Q\"", "?s text:query (rdfs:label \"$Q\" 10)",
                                            "(?s ?score) text:query \"$Q\"", "?s a ?t FILTER EXISTS { ?s text:query \"$Q\" }"}) {
            String query = prefix + "SELECT ?s { " + pattern.replace("$Q", fuzzyTerms(LimitedSearch.MAX_EXPANDING + 1, 4)) + " }";
            long start = System.nanoTime();
            HttpResponse<String> response = server.query(query, RunningServer.JSON);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(400, response.statusCode(), () -> pattern + ": " + response.body());
            assertTrue(response.body().contains("text:query too complex"), response.body());
            assertTrue(millis < 2000, pattern + " took " + millis + " ms to refuse");
        }
        assertEquals(200, server.query(prefix + "SELECT ?s { ?s text:query \"supervillain~\" }", RunningServer.JSON).statusCode());
    }

    @Test
    void ordinary_searches_are_unchanged() {
        HttpResponse<String> response = search("money");
        assertEquals(200, response.statusCode(), response::body);
        assertTrue(response.body().contains("\"hits\""), response.body());
        assertEquals(200, search("\"well under\" AND musk").statusCode());
        assertEquals(200, search("super*").statusCode());
    }
}
