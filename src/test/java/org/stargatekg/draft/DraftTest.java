package org.stargatekg.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stargatekg.load.ShippedSources;
import org.stargatekg.support.Fixtures;
import org.stargatekg.support.RunningServer;

/**
 * The draft of a small made-up article (the text of fixtures/moon-widgets), every field checked against what the text
 * says, then the drafted folder served beside the shipped data with its proposals shown as not reviewed.
 */
class DraftTest {

    private static Path dir;
    private static Drafting.Result result;
    private static Draft draft;
    private static String id;

    @BeforeAll
    static void draftIt() throws IOException {
        dir = Files.createTempDirectory("draft-test").resolve("moon-draft");
        result = Drafting.of(Fixtures.path("moon-widgets").resolve("article.txt"), dir).write();
        draft = result.draft();
        id = DataPrefixes.of(List.of(ShippedSources.locate().dataDir())).resolved("id", Drafting.LOAD_BASE);
    }

    private static Draft.Statement quote(String words) {
        return draft.statements.stream().filter(s -> s.verbatim() && s.words().equals(words)).findFirst()
                               .orElseThrow(() -> new AssertionError("no quotation \"" + words + "\" in " + draft.statements.stream().map(Draft.Statement::words).toList()));
    }

    @Test
    void the_folder_is_named_after_its_folder_and_loads_with_the_shipped_data() {
        assertEquals("moon-draft", draft.name);
        assertTrue(result.loaded().contains("5 graphs"), result.loaded());
        assertEquals(List.of("article.txt", "article.ttl", "entities.ttl", "statements.ttl", "money.ttl"),
                     result.files().stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void title_and_keywords_come_from_the_first_and_last_lines() {
        assertEquals("Imaginary Moon Widget Maker Courts OpenAI With €3.2 Million Plan", draft.title);
        assertEquals(List.of("Fiction", "Widgets", "OpenAI"), draft.keywords);
        assertEquals("Fiction, Widgets, OpenAI", draft.keywordsPassage.in(draft.text));
    }

    @Test
    void mentions_link_known_entities_and_propose_new_ones_with_their_kind() {
        Map<String, String> entities = draft.entities().stream().collect(Collectors.toMap(
                Draft.Entity::iri, e -> (e.known() ? "known " : "new ") + e.kind() + " " + e.name(), (a, b) -> a, java.util.LinkedHashMap::new));
        assertEquals(Map.of(id + "openai", "known ORGANIZATION OpenAI",
                            id + "sam-altman", "known PERSON Sam Altman",
                            id + "lunar-widget-cooperative-inc", "new ORGANIZATION Lunar Widget Cooperative Inc.",
                            id + "mira-quell", "new PERSON Mira Quell"), entities);
        long quell = draft.mentions.stream().filter(m -> m.entity().local().equals("mira-quell")).count();
        assertEquals(2, quell, "\"Dr. Mira Quell\" and, later, the surname alone");
    }

    @Test
    void quotations_in_both_styles_have_their_exact_words_and_speakers() {
        assertEquals(List.of("We want OpenAI to help us build the first widget that can think.", "That is an interesting idea",
                             "well over a hundred", "We will pay $1B if we must."),
                     draft.statements.stream().filter(Draft.Statement::verbatim).map(Draft.Statement::words).toList());
        assertEquals(id + "mira-quell", quote("We want OpenAI to help us build the first widget that can think.").speaker().iri(), "curly quotes, speaker before: 'Dr. Mira Quell, told reporters:'");
        assertEquals(id + "sam-altman", quote("That is an interesting idea").speaker().iri(), "speaker after: '…,\" Sam Altman replied'");
        assertEquals(id + "sam-altman", quote("well over a hundred").speaker().iri());
        assertEquals(id + "mira-quell", quote("We will pay $1B if we must.").speaker().iri(), "the surname alone: 'Quell responded,'");
    }

    @Test
    void statements_say_what_they_are_about_and_what_they_answer() {
        assertEquals(List.of(id + "openai"), quote("We want OpenAI to help us build the first widget that can think.").about().stream().map(Draft.Entity::iri).toList());
        assertEquals(quote("We want OpenAI to help us build the first widget that can think."), quote("That is an interesting idea").respondsTo(),
                     "'replied' answers the last statement by someone else");
        assertEquals(quote("well over a hundred"), quote("We will pay $1B if we must.").respondsTo(), "'responded'");
        assertNull(quote("We want OpenAI to help us build the first widget that can think.").respondsTo());
        assertEquals("adding that OpenAI had received", quote("well over a hundred").paraphrase);
    }

    @Test
    void a_claim_reported_with_that_is_a_paraphrased_claim_of_its_speaker() {
        List<Draft.Statement> claims = draft.statements.stream().filter(s -> !s.verbatim()).toList();
        assertEquals(1, claims.size(), claims.stream().map(Draft.Statement::words).toList()::toString);
        assertEquals(id + "lunar-widget-cooperative-inc", claims.get(0).speaker().iri(), "the subject before its apposition");
        assertEquals("announced that it plans to spend €3.2 million over the next two years on AI tools", claims.get(0).words());
    }

    @Test
    void amounts_are_decimals_with_currency_and_bounds_and_a_quoted_one_is_its_speakers_claim() {
        List<String> amounts = draft.amounts.stream()
                .map(a -> (a.upperBound() ? "<= " : "") + a.number().toPlainString() + " " + a.currency() + " (" + a.statedAs() + ")")
                .toList();
        assertEquals(List.of("3200000 EUR (€3.2 Million)", "3200000 EUR (€3.2 million)", "1000000000 USD ($1B)",
                             "<= 5000000000 USD (well under $5 billion)"), amounts);
        assertEquals(List.of(new BigDecimal("1000000000")), quote("We will pay $1B if we must.").claimed().stream().map(Draft.Amount::number).toList());
    }

    @Test
    void durations_and_dates_are_typed_literals_on_their_passage() {
        assertEquals(List.of("P2Y duration (the next two years)", "2031-03-03 date (March 3, 2031)"),
                     draft.times.stream().map(t -> t.lexical() + " " + t.datatype() + " (" + t.statedAs() + ")").toList());
    }

    @Test
    void passages_give_their_words_only_and_every_proposal_is_marked_not_reviewed() throws IOException {
        String article = Files.readString(dir.resolve("article.ttl"), StandardCharsets.UTF_8);
        assertTrue(!article.contains("nif:beginIndex") && !article.contains("nif:endIndex"), "offsets are the loader's job");
        assertTrue(article.contains("nif:anchorOf \"OpenAI\" ;\n    sg:occurrence 1 ;"), "repeated words get an occurrence number:\n" + article);
        assertTrue(article.contains("@prefix id:      <https://w3id.org/stargate-kg/id/> ."), "the data's own prefixes:\n" + article);
        for (String file : List.of("article.ttl", "entities.ttl", "statements.ttl", "money.ttl")) {
            String turtle = Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
            long subjects = turtle.lines().filter(l -> l.matches("^(id|ev):\\S+ a .*")).count();
            long marked = turtle.lines().filter(l -> l.contains("sg:reviewStatus sg:NotReviewed")).count();
            long currencies = turtle.lines().filter(l -> l.matches("^id:\\S+ a sg:Currency.*")).count();
            assertEquals(subjects - currencies, marked, file + ": every proposal but a currency is marked\n" + turtle);
        }
    }

    @Test
    void the_drafted_folder_serves_with_its_proposals_shown_as_not_reviewed() {
        try (RunningServer server = RunningServer.start(dir)) {
            HttpResponse<String> page = server.get("/id/moon-draft-article", "text/html");
            assertEquals(200, page.statusCode(), page::body);
            Document doc = Jsoup.parse(page.body());
            assertEquals("not reviewed", doc.selectFirst("h1 span.review").text(), page.body());
            assertEquals(doc.select("ol.passages > li").size(), doc.select("ol.passages > li > span.review").size(),
                         "every passage of the draft is marked:\n" + page.body());
            Document quell = Jsoup.parse(server.get("/id/mira-quell", "text/html").body());
            assertEquals("not reviewed", quell.selectFirst("h1 span.review").text(), quell.outerHtml());
            assertTrue(quell.select("blockquote.evidence span.review").size() >= 1, quell.outerHtml());
            long sentences = server.count("PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>\n"
                                          + "SELECT (COUNT(*) AS ?n) { ?s a nif:Sentence ; nif:referenceContext <https://w3id.org/stargate-kg/id/moon-draft-article> }");
            assertEquals(8, sentences);
        }
    }

    @AfterAll
    static void clean() throws IOException {
        try (var files = Files.walk(dir.getParent())) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
