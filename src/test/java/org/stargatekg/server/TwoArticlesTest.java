package org.stargatekg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stargatekg.support.ClasspathFolder;
import org.stargatekg.support.ExpectedTable;
import org.stargatekg.support.Fixtures;
import org.stargatekg.support.RunningServer;

/**
 * The shipped article and a second, fictional one (fixtures/moon-widgets, drafted and reviewed) served together: the
 * people and companies both mention are one resource whose page groups its evidence by article, search and the
 * sentence view cover both, the competency questions keep to the article they ask about, and the evidence and
 * hygiene checks hold for each article.
 */
class TwoArticlesTest {

    private static final String PREFIXES = """
            PREFIX sg: <https://w3id.org/stargate-kg/ontology/>
            PREFIX id: <https://w3id.org/stargate-kg/id/>
            PREFIX schema: <https://schema.org/>
            PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            """;

    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start(Fixtures.path("moon-widgets"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void an_entity_both_articles_mention_is_one_resource() {
        RunningServer.Results r = server.select(PREFIXES + "SELECT ?article ?person { ?article schema:mentions ?person . ?person schema:name \"Sam Altman\" } ORDER BY ?article");
        assertEquals(List.of(server.base() + "id/moon-widgets-article", server.base() + "id/stargate-article"),
                     r.rows().stream().map(row -> row.get("article").getURI()).toList(), r.rows()::toString);
        assertEquals(Set.of(server.base() + "id/sam-altman"),
                     r.rows().stream().map(row -> row.get("person").getURI()).collect(Collectors.toSet()));
    }

    @Test
    void the_shared_entitys_page_shows_its_evidence_grouped_by_article() {
        Document page = html("/id/sam-altman");
        Element section = page.selectFirst("section.evidence-section");
        assertTrue(section != null && section.selectFirst("h2").text().equals("Evidence in 2 articles"), page::outerHtml);
        List<Element> groups = section.select("section.article-evidence");
        assertEquals(2, groups.size(), section::outerHtml);
        for (Element group : groups) {
            String article = group.selectFirst("h3 a").attr("href");
            List<Element> passages = group.select("blockquote.evidence");
            assertTrue(!passages.isEmpty(), group::outerHtml);
            for (Element p : passages)
                assertTrue(p.selectFirst("a.to-article").attr("href").startsWith(article + "?focus=")
                           && p.selectFirst("a.to-article").attr("href").contains("#"),
                           () -> "a passage under " + article + " points elsewhere:\n" + p.outerHtml());
        }
        Set<String> titles = groups.stream().map(g -> g.selectFirst("h3").text()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("Imaginary Moon Widget Maker Courts OpenAI With €3.2 Million Plan",
                            "Musk Critiques $500 Billion Stargate AI Initiative, Altman Responds"), titles);
    }

    @Test
    void an_entity_only_one_article_mentions_shows_its_evidence_under_one_heading() {
        Document page = html("/id/mira-quell");
        assertEquals("Evidence in the article", page.selectFirst("section.evidence-section h2").text(), page::outerHtml);
        assertTrue(page.select("span.review").isEmpty(), "a reviewed proposal is not marked:\n" + page.outerHtml());
    }

    @Test
    void each_article_has_its_own_article_view_with_its_sentences() {
        Document moon = html("/id/moon-widgets-article");
        assertTrue(moon.selectFirst("h1").text().startsWith("Imaginary Moon Widget Maker"), moon::outerHtml);
        List<String> idle = moon.select(".article-text span.idle").eachText();
        assertEquals(List.of("This story is fiction, made up to test software; none of it happened."), idle, moon::outerHtml);
        assertEquals(1, moon.select("section.idle-sentences li a").size(), moon::outerHtml);
        assertTrue(moon.selectFirst("section.idle-sentences li a").attr("abs:href").equals(server.address("/id/moon-widgets-article/sentence/2")),
                   moon::outerHtml);
        Document stargate = html("/id/stargate-article");
        assertTrue(stargate.select("section.idle-sentences").isEmpty() && stargate.select("span.idle").isEmpty(),
                   "every sentence of the Stargate article supports something");
    }

    @Test
    void a_sentence_has_a_page_under_its_articles_iri_and_sparql_says_what_it_supports() {
        HttpResponse<String> r = server.get("/id/moon-widgets-article/sentence/6", "text/html");
        assertEquals(200, r.statusCode(), r::body);
        RunningServer.Results rows = server.select(PREFIXES + """
                SELECT DISTINCT ?item { ?passage nif:sentence <https://w3id.org/stargate-kg/id/moon-widgets-article/sentence/6> . ?item sg:evidence ?passage }
                ORDER BY ?item""");
        assertEquals(List.of(server.base() + "id/moon-widgets-quote-4"), rows.rows().stream().map(row -> row.get("item").getURI()).toList());
        RunningServer.Results order = server.select(PREFIXES + """
                SELECT ?next { <https://w3id.org/stargate-kg/id/moon-widgets-article/sentence/6> nif:nextSentence ?next ; nif:beginIndex ?b .
                               ?next nif:beginIndex ?nb FILTER (?nb > ?b) }""");
        assertEquals(List.of(server.base() + "id/moon-widgets-article/sentence/7"), order.rows().stream().map(row -> row.get("next").getURI()).toList());
    }

    @Test
    void search_finds_both_articles_and_the_shared_person_once() {
        HttpResponse<String> widgets = server.get("/search?format=json&q=widget", "*/*");
        assertTrue(widgets.body().contains(server.base() + "id/moon-widgets-article"), widgets::body);
        HttpResponse<String> supervillain = server.get("/search?format=json&q=supervillain", "*/*");
        assertTrue(supervillain.body().contains(server.base() + "id/altman-supervillain-warning"), supervillain::body);
        HttpResponse<String> altman = server.get("/search?format=json&q=%22Sam%20Altman%22", "*/*");
        String body = altman.body();
        String person = "\"" + server.base() + "id/sam-altman\"";
        assertEquals(body.indexOf(person), body.lastIndexOf(person), () -> "one hit for the one Sam Altman:\n" + body);
        assertTrue(body.contains(person), body);
    }

    static List<String> competencyQueries() {
        return ClasspathFolder.fileNames("queries/competency", ".rq");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("competencyQueries")
    void competency_question_keeps_to_its_article(String file) {
        String query = ClasspathFolder.read("queries/competency/" + file);
        String expectedFile = file.replace(".rq", ".expected.tsv");
        ExpectedTable expected = ExpectedTable.parse(ClasspathFolder.read("queries/competency/" + expectedFile), expectedFile);
        RunningServer.Results results = server.select(query);
        assertNull(expected.differences(results, server.base()), () -> file + " with a second article loaded:\n"
                                                                          + expected.differences(results, server.base()));
    }

    static List<String> hygieneQueries() {
        return ClasspathFolder.fileNames("queries/hygiene", ".rq").stream().filter(f -> !f.startsWith("sentences-")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hygieneQueries")
    void hygiene_query_finds_no_fault_in_either_article(String file) {
        RunningServer.Results results = server.select(ClasspathFolder.read("queries/hygiene/" + file));
        assertTrue(results.rows().isEmpty(), () -> file + " found " + results.rows());
    }

    @Test
    void the_sentence_hygiene_query_lists_the_one_sentence_that_supports_nothing() {
        RunningServer.Results results = server.select(ClasspathFolder.read("queries/hygiene/sentences-supporting-nothing.rq"));
        assertEquals(List.of(server.base() + "id/moon-widgets-article/sentence/2"),
                     results.rows().stream().map(row -> row.get("sentence")).map(Node::getURI).toList(), results.rows()::toString);
    }

    private static Document html(String path) {
        HttpResponse<String> r = server.get(path, "text/html");
        assertEquals(200, r.statusCode(), () -> path + " -> " + r.body());
        return Jsoup.parse(r.body(), server.address("/"));
    }
}
