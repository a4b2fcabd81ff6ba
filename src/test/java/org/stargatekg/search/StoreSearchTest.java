package org.stargatekg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.remote.RemoteDatasetGraph;
import org.stargatekg.remote.RemoteStore;
import org.stargatekg.support.RunningServer;
import org.stargatekg.vocab.Namespaces;

/**
 * Search through an external store without a full-text feature: our own embedded server's /sparql stands in for it,
 * so the probe finds no bif:contains and the search falls back to REGEX. (Virtuoso's bif:contains: VirtuosoIT.)
 */
class StoreSearchTest {

    @RegisterExtension
    static final RunningServer server = RunningServer.extension();
    private static StoreSearch search;

    @BeforeAll
    static void start() {
        RemoteStore store = RemoteStore.at(server.uri("/sparql").toString(), server.base() + "graph/");
        search = StoreSearch.over(store, new RemoteDatasetGraph(store), new Namespaces(server.base()));
    }


    @Test
    void a_store_without_bif_contains_is_searched_by_regex() {
        assertEquals(StoreSearch.Feature.REGEX, search.feature());
    }

    @Test
    void finds_a_quotation_by_a_word_as_the_embedded_index_does() {
        List<String> iris = search.search("supervillain", 10).stream().map(SearchHit::iri).toList();
        assertTrue(iris.contains(server.base() + "id/altman-supervillain-warning"), iris::toString);
        SearchHit first = search.search("supervillain", 10).get(0);
        assertTrue(first.snippet().parts().stream().anyMatch(p -> p.marked() && p.text().equalsIgnoreCase("supervillain")),
                   first.snippet()::toString);
    }

    @Test
    void a_search_without_words_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> search.search("***", 10));
        assertThrows(IllegalArgumentException.class, () -> search.search(" ", 10));
    }

    @Test
    void the_virtuoso_query_has_each_word_quoted_and_short_prefixes_dropped() {
        String q = search.containsQuery(java.util.Set.of("money", "ai*", "super*"));
        assertTrue(q.contains("bif:contains \"\\\"ai\\\" OR \\\"money\\\" OR \\\"super*\\\"\""), q);
    }
}
