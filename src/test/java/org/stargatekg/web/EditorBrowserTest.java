package org.stargatekg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.stargatekg.support.Browser;
import org.stargatekg.support.RunningServer;

/**
 * The SPARQL editor in a real browser (headless Chromium): CodeMirror from its WebJar under the server's content
 * security policy, the query in the address, downloads of the results, completion, and the query history.
 */
class EditorBrowserTest {

    @RegisterExtension
    static final RunningServer server = RunningServer.extension();
    @RegisterExtension
    static final Browser browser = Browser.extension();

    @BeforeEach
    void freshEditor() {
        open("sparql");
        browser.driver().executeScript("window.localStorage.clear()");
        open("sparql");
    }

    private void open(String path) {
        browser.driver().get("about:blank");
        browser.open(server.address("/" + path));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".CodeMirror")));
    }

    private String value() {
        return (String) browser.driver().executeScript("return document.querySelector('.CodeMirror').CodeMirror.getValue()");
    }

    private void setValue(String query) {
        browser.driver().executeScript("var cm = document.querySelector('.CodeMirror').CodeMirror; cm.setValue(arguments[0]);"
                                       + "cm.focus(); cm.setCursor(cm.lineCount(), 0);", query);
    }

    private void runAndWaitForStatus() {
        var d = browser.driver();
        d.findElement(By.id("run")).click();
        browser.waiting().until(dr -> {
            String s = dr.findElement(By.id("status")).getText();
            return !s.isEmpty() && !s.startsWith("Running");
        });
    }

    /** Presses keys in the editor's input. */
    private void type(CharSequence... keys) {
        browser.driver().findElement(By.cssSelector(".CodeMirror textarea")).sendKeys(keys);
    }

    private List<String> hints() {
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".CodeMirror-hints li")));
        return browser.driver().findElements(By.cssSelector(".CodeMirror-hints li")).stream().map(WebElement::getText).toList();
    }

    @Test
    void editor_is_codemirror_from_its_webjar_and_loads_nothing_from_elsewhere() {
        var d = browser.driver();
        assertTrue(d.findElements(By.cssSelector(".CodeMirror .cm-keyword")).size() > 0, "no SPARQL highlighting");
        List<String> requests = browser.requests();
        assertTrue(requests.stream().anyMatch(u -> u.endsWith("/webjars/codemirror/lib/codemirror.js")), requests::toString);
        assertTrue(requests.stream().anyMatch(u -> u.endsWith("/webjars/codemirror/mode/sparql/sparql.js")), requests::toString);
        assertTrue(requests.stream().noneMatch(u -> u.contains("/static/codemirror")), requests::toString);
        assertTrue(browser.requestsLeavingThisMachine().isEmpty(), () -> "requests to other hosts: " + browser.requestsLeavingThisMachine());
    }

    @Test
    void the_query_is_in_the_address_and_opening_that_link_restores_it() {
        String query = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n# shared query: ü & #hash\nSELECT ?l WHERE { ?s rdfs:label ?l } LIMIT 2\n";
        setValue(query);
        browser.waiting().until(d -> d.getCurrentUrl().contains("#query=")
                && URLDecoder.decode(d.getCurrentUrl().substring(d.getCurrentUrl().indexOf("#query=") + 7), StandardCharsets.UTF_8).equals(query));
        browser.driver().findElement(By.id("share")).click();
        String link = browser.driver().findElement(By.id("share-url")).getAttribute("value");
        assertEquals(browser.driver().getCurrentUrl(), link);
        browser.driver().get("about:blank");
        browser.open(link);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".CodeMirror")));
        assertEquals(query, value(), "opening the shared link does not restore the query");
    }

    @Test
    void query_this_on_a_graph_page_runs_a_query_over_the_graph_content() {
        browser.driver().get(server.address("/graph/stargate"));
        browser.driver().findElement(By.linkText("Query this")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".CodeMirror")));
        assertTrue(value().contains("GRAPH <" + server.base() + "graph/stargate>"), value());
        runAndWaitForStatus();
        assertEquals(100, browser.driver().findElements(By.cssSelector("table.results tbody tr")).size(),
                     () -> browser.driver().findElement(By.id("status")).getText());
    }

    @Test
    void results_download_as_csv_tsv_and_json() throws Exception {
        new Select(browser.driver().findElement(By.id("examples"))).selectByValue("cq-01");
        runAndWaitForStatus();
        int rows = browser.driver().findElements(By.cssSelector("table.results tbody tr")).size();
        assertEquals(3, rows);
        String csv = download("download-csv", "stargate-kg-results.csv");
        assertEquals(rows + 1, csv.lines().count(), csv);
        assertTrue(csv.contains("OpenAI") && csv.contains("SoftBank"), csv);
        String tsv = download("download-tsv", "stargate-kg-results.tsv");
        assertEquals(rows + 1, tsv.lines().count(), tsv);
        assertTrue(tsv.lines().findFirst().orElse("").startsWith("?"), tsv);
        String json = download("download-json", "stargate-kg-results.json");
        var rs = ResultSetMgr.read(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON);
        int n = 0;
        while (rs.hasNext()) {
            rs.next();
            n++;
        }
        assertEquals(rows, n, json);
        assertFalse(browser.driver().findElement(By.id("download-ttl")).isDisplayed(), "a SELECT offers no RDF download");

        setValue("CONSTRUCT WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } LIMIT 5");
        runAndWaitForStatus();
        assertFalse(browser.driver().findElement(By.id("download-csv")).isDisplayed(), "a CONSTRUCT offers no CSV");
        String turtle = download("download-ttl", "stargate-kg-results.ttl");
        var g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(turtle, Lang.TURTLE).parse(g);
        assertEquals(5, g.size(), turtle);
    }

    /** Clicks a download link and returns the saved file's text once it is complete. */
    private String download(String linkId, String fileName) {
        Path file = browser.downloads().resolve(fileName);
        try {
            Files.deleteIfExists(file);
            browser.driver().findElement(By.id(linkId)).click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> Files.exists(file));
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Test
    void completion_offers_our_prefixes_and_the_ontology_terms() {
        setValue("SELECT * WHERE {\n  ?s a sg:Stat");
        type(Keys.chord(Keys.CONTROL, Keys.SPACE));
        List<String> hints = hints();
        assertTrue(hints.stream().anyMatch(h -> h.startsWith("sg:Statement ")), hints::toString);
        assertTrue(hints.stream().allMatch(h -> h.toLowerCase().startsWith("sg:stat")), hints::toString);
        browser.driver().findElements(By.cssSelector(".CodeMirror-hints li")).stream()
               .filter(h -> h.getText().startsWith("sg:Statement ")).findFirst().orElseThrow().click();
        String v = value();
        assertTrue(v.contains("?s a sg:Statement"), v);
        assertTrue(v.startsWith("PREFIX sg: <" + server.base() + "ontology/>\n"), "the picked term's prefix is declared: " + v);

        setValue("PREFIX ni");
        type(Keys.chord(Keys.CONTROL, Keys.SPACE));
        assertEquals(List.of("nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>"), hints());
        type(Keys.ENTER);
        assertEquals("PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>", value());

        // Typing a prefixed name opens the list by itself.
        setValue("PREFIX sg: <" + server.base() + "ontology/>\nSELECT * WHERE { ?q ");
        type("sg:speak");
        List<String> typed = hints();
        assertTrue(typed.stream().anyMatch(h -> h.startsWith("sg:speaker ")), typed::toString);
        type(Keys.ESCAPE);
    }

    @Test
    void history_keeps_the_queries_run_in_this_browser_across_visits() {
        String first = "SELECT * WHERE { ?s ?p ?o } LIMIT 1";
        String second = "ASK { ?s ?p ?o }";
        setValue(first);
        runAndWaitForStatus();
        setValue(second);
        runAndWaitForStatus();
        setValue(first);
        runAndWaitForStatus();
        open("sparql");
        Select history = new Select(browser.driver().findElement(By.id("history")));
        List<String> entries = history.getOptions().stream().skip(1).map(WebElement::getText).toList();
        assertEquals(2, entries.size(), entries::toString);
        assertTrue(entries.get(0).endsWith(first) && entries.get(1).endsWith(second), "most recent first, once each: " + entries);
        history.selectByIndex(2);
        assertEquals(second, value());
        browser.driver().findElement(By.id("clear-history")).click();
        assertEquals(1, new Select(browser.driver().findElement(By.id("history"))).getOptions().size());
    }

    @Test
    void a_large_result_shows_a_page_of_rows_with_prefixed_names_labels_and_local_links_and_sorts() {
        setValue("SELECT * WHERE { ?s ?p ?o }");
        runAndWaitForStatus();
        var d = browser.driver();
        assertEquals(100, d.findElements(By.cssSelector("table.results tbody tr")).size(), "rows drawn at once");
        String range = d.findElement(By.id("results-range")).getText();
        assertTrue(range.matches("rows 1–100 of \\d{4,} \\(downloads hold all\\)"), range);
        d.findElement(By.id("results-next")).click();
        assertTrue(d.findElement(By.id("results-range")).getText().startsWith("rows 101–200"));
        d.findElements(By.cssSelector("table.results th button.sort")).get(0).click();
        String first = d.findElement(By.cssSelector("table.results tbody tr td a")).getAttribute("title");
        String second = d.findElements(By.cssSelector("table.results tbody tr")).get(1).findElement(By.cssSelector("td a")).getAttribute("title");
        assertTrue(first.compareTo(second) <= 0, "not sorted: " + first + " then " + second);
        setValue("SELECT ?statement ?speaker WHERE { ?statement <https://w3id.org/stargate-kg/ontology/speaker> ?speaker }");
        runAndWaitForStatus();
        java.util.List<org.openqa.selenium.WebElement> links = d.findElements(By.cssSelector("table.results td a"));
        assertTrue(links.stream().allMatch(a -> a.getText().startsWith("id:") && a.getAttribute("href").contains("/id/")
                                                && !a.getAttribute("href").contains("w3id.org")),
                   "IRIs not shown as prefixed names linking here: " + links.stream().map(a -> a.getText() + " " + a.getAttribute("href")).toList());
        browser.waiting().until(dr -> dr.findElements(By.cssSelector("table.results .iri-label")).stream()
                                        .anyMatch(l -> l.getText().equals("Elon Musk")));
    }

    @Test
    void instance_iris_complete_from_their_prefix() {
        setValue("SELECT * WHERE { id:elon");
        type(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, " "));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".CodeMirror-hints")));
        java.util.List<String> offered = browser.driver().findElements(By.cssSelector(".CodeMirror-hint")).stream()
                                                .map(org.openqa.selenium.WebElement::getText).toList();
        assertTrue(offered.stream().anyMatch(o -> o.startsWith("id:elon-musk")), offered.toString());
    }

    @Test
    void a_syntax_error_is_shown_with_its_line_as_you_type_and_nothing_runs() {
        setValue("SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER (?o = ) }");
        var d = browser.driver();
        browser.waiting().until(dr -> dr.findElement(By.id("syntax")).getText().startsWith("Line 3"));
        assertFalse(d.findElements(By.cssSelector(".CodeMirror .syntax-error-line")).isEmpty(), "the line is not marked");
        setValue("SELECT * WHERE { ?s ?p ?o } LIMIT 1");
        browser.waiting().until(dr -> dr.findElement(By.id("syntax")).getText().equals("Syntax OK"));
        assertTrue(d.findElements(By.cssSelector(".CodeMirror .syntax-error-line")).isEmpty(), "the mark stayed");
        var bad = server.get("/sparql-syntax?query=" + RunningServer.encode("SELECT ?x WHERE { ?x"), "application/json");
        assertEquals(200, bad.statusCode());
        assertTrue(bad.body().contains("\"ok\" : false") && bad.body().contains("\"line\""), bad.body());
    }
}
