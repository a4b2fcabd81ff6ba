package org.stargatekg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.stargatekg.support.Browser;
import org.stargatekg.support.RunningServer;

/** What a person sees in a real browser (headless Chromium): pages, evidence, threads, amounts, the editor. */
class BrowserTest {

    @RegisterExtension
    static final RunningServer server = RunningServer.extension();
    @RegisterExtension
    static final Browser browser = Browser.extension();

    private void open(String path) {
        browser.open(server.address("/" + path));
    }

    private void assertNothingLeftThisMachine() {
        List<String> outside = browser.requestsLeavingThisMachine();
        assertTrue(outside.isEmpty(), "requests to other hosts: " + outside);
        assertFalse(browser.requests().isEmpty(), "no request was recorded at all: the network listener is not working");
    }

    @Test
    void editor_runs_a_competency_question_and_shows_its_table_without_leaving_this_machine() {
        open("sparql");
        var d = browser.driver();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".CodeMirror")));
        assertTrue(d.findElement(By.cssSelector(".CodeMirror")).getText().contains("PREFIX sg:"),
                   "the editor does not start with our prefixes");
        assertTrue(d.findElements(By.cssSelector(".cm-keyword")).size() > 0, "no syntax highlighting");
        new Select(d.findElement(By.id("examples"))).selectByValue("cq-01");
        d.findElement(By.id("run")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.results tbody tr")));
        List<String> names = d.findElements(By.cssSelector("table.results tbody tr td:nth-child(2)")).stream()
                              .map(WebElement::getText).toList();
        assertEquals(List.of("OpenAI", "Oracle", "SoftBank"), names);
        assertTrue(d.findElement(By.id("status")).getText().startsWith("3 results"));
        assertNothingLeftThisMachine();
    }

    @Test
    void query_this_opens_the_editor_on_the_resource() {
        open("id/sam-altman");
        browser.driver().findElement(By.linkText("Query this")).click();
        String describe = "DESCRIBE <" + server.base() + "id/sam-altman>";
        browser.waiting().until(d -> d.findElements(By.cssSelector(".CodeMirror")).stream().anyMatch(e -> e.getText().contains(describe)));
    }

    @Test
    void home_page_shows_counts_entities_by_type_and_a_search_box() {
        open("");
        var d = browser.driver();
        assertEquals("Stargate KG", d.findElement(By.tagName("h1")).getText());
        assertTrue(d.findElement(By.cssSelector("form.search.big input")).isDisplayed());
        List<String> groups = d.findElements(By.cssSelector(".type-group h3 a")).stream().map(WebElement::getText).toList();
        assertTrue(groups.contains("person") && groups.contains("company") && groups.contains("direct quotation"), groups.toString());
        assertTrue(d.findElement(By.linkText("Elon Musk")).isDisplayed());
        assertNothingLeftThisMachine();
    }

    @Test
    void person_page_shows_statements_with_their_highlighted_passages() {
        open("id/elon-musk");
        var d = browser.driver();
        assertEquals("Elon Musk", d.findElement(By.tagName("h1")).getText());
        WebElement row = d.findElements(By.cssSelector("table.properties tr")).stream()
                          .filter(r -> r.findElement(By.tagName("th")).getText().equals("speaker of")).findFirst().orElseThrow();
        assertTrue(row.getText().contains("Musk: \"They don't actually have the money.\""), row.getText());
        List<String> marks = row.findElements(By.tagName("mark")).stream().map(WebElement::getText).toList();
        assertTrue(marks.contains("Musk previously voiced skepticism"), marks.toString());
        assertTrue(d.findElements(By.cssSelector("a.sameas")).stream().anyMatch(a -> a.getText().contains("Q317521")));
        assertNothingLeftThisMachine();
    }

    @Test
    void statement_page_shows_the_thread_of_responses() {
        open("id/musk-softbank-funding-claim");
        var d = browser.driver();
        List<WebElement> items = d.findElements(By.cssSelector("ol.thread > li"));
        assertEquals(4, items.size(), "the claim and its three responses");
        assertTrue(items.get(0).getAttribute("class").contains("current"));
        assertTrue(items.get(0).findElement(By.cssSelector("q.verbatim")).getText()
                        .contains("SoftBank has well under $10 billion secured."));
        assertTrue(items.stream().skip(1).allMatch(i -> i.findElement(By.cssSelector(".speaker")).getText().equals("Sam Altman")));
        assertTrue(items.get(1).findElement(By.cssSelector(".relation")).getText().equalsIgnoreCase("disputes"));
        WebElement mark = d.findElement(By.cssSelector(".evidence-section mark"));
        assertTrue(mark.isDisplayed());
        assertTrue(mark.getCssValue("background-color").matches("rgba?\\(255, 241, 168(, 1)?\\)"),
                   "the passage is not highlighted: " + mark.getCssValue("background-color"));
    }

    @Test
    void investment_plan_shows_its_amount_formatted_with_the_exact_number_on_hover() {
        open("id/stargate-investment-plan");
        var d = browser.driver();
        WebElement amount = d.findElements(By.cssSelector("table.properties a")).stream()
                             .filter(a -> a.getText().equals("$500 billion")).findFirst().orElseThrow();
        assertEquals("500000000000 USD", amount.getAttribute("title"));
    }

    @Test
    void article_view_leads_from_a_passage_to_what_it_supports_and_on_to_its_page() {
        open("id/stargate-article");
        var d = browser.driver();
        assertTrue(d.findElements(By.cssSelector(".article-text .seg.on")).isEmpty(), "the text is not plain by default");
        WebElement entry = d.findElement(By.id("entry-ev-musk-quote-no-money"));
        entry.findElement(By.linkText("Musk: \"They don't actually have the money.\"")).click();
        browser.waiting().until(ExpectedConditions.urlContains("/id/musk-no-money-quote"));
        // The address changes before the new page is read: its heading is waited for, not looked up at once.
        browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Musk: \"They don't actually have the money.\""));
    }

    @Test
    void ontology_page_documents_classes_with_a_diagram() {
        open("ontology");
        var d = browser.driver();
        assertEquals("Stargate KG ontology", d.findElement(By.tagName("h1")).getText());
        assertTrue(d.findElements(By.cssSelector("svg.diagram rect")).size() > 40);
        WebElement statement = d.findElement(By.id("term-Statement"));
        assertTrue(statement.getText().contains("direct quotation"), statement.getText());
        assertTrue(d.findElement(By.id("term-disputes")).getText().contains("cito:disputes"));
        assertNothingLeftThisMachine();
    }

    @Test
    void graph_view_draws_the_neighbourhood_and_grows_in_place_on_click() {
        open("explore?iri=" + server.base() + "id/sam-altman");
        var d = browser.driver();
        List<WebElement> nodes = d.findElements(By.cssSelector("svg.explore g.node"));
        assertTrue(nodes.size() > 5, "nodes: " + nodes.size());
        assertEquals("Sam Altman", d.findElement(By.cssSelector("svg.explore g.node.center text")).getAttribute("textContent"));
        String before = d.getCurrentUrl();
        WebElement openai = nodes.stream().filter(n -> n.findElement(By.tagName("text")).getAttribute("textContent").equals("OpenAI"))
                                 .findFirst().orElseThrow();
        openai.findElement(By.tagName("circle")).click();
        browser.waiting().until(dr -> dr.findElements(By.cssSelector("svg.explore g.node.grown")).size() > 0);
        assertEquals(before, d.getCurrentUrl(), "the page was reloaded instead of growing in place");
        assertEquals("Sam Altman", d.findElement(By.cssSelector("svg.explore g.node.center text")).getAttribute("textContent"));
        assertTrue(d.findElements(By.cssSelector("svg.explore g.edge.grown text")).stream()
                    .anyMatch(t -> !t.getAttribute("textContent").isBlank()), "grown edges have no labels");
        assertNothingLeftThisMachine();
    }
}
