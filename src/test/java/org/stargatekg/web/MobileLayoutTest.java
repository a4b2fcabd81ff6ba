package org.stargatekg.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.stargatekg.support.Browser;
import org.stargatekg.support.RunningServer;

/**
 * Every kind of page at a phone's width (390 px) and a laptop's (1366 px) with no horizontal overflow
 * (document.documentElement.scrollWidth &lt;= window.innerWidth); the pages the README shows are saved as screenshots
 * in the folder {@code -Dstargate.screenshots=} names (default target/screenshots; docs/images for the README).
 */
class MobileLayoutTest {

    private static final int[] WIDTHS = {390, 1366};

    @RegisterExtension
    static final RunningServer server = RunningServer.extension();
    @RegisterExtension
    static final Browser browser = Browser.extension();

    /** Pages by screenshot name; null: checked but not saved. */
    private static Map<String, String> pages() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("person", "/id/elon-musk");
        pages.put("statement", "/id/musk-softbank-funding-claim");
        pages.put("article", "/id/stargate-article?focus=" + RunningServer.encode(server.base() + "id/musk-softbank-funding-claim")
                             + "#ev-musk-claimed");
        pages.put("search", "/search?q=Musk");
        pages.put("graph", "/explore?iri=" + RunningServer.encode(server.base() + "id/sam-altman"));
        pages.put("-ontology", "/ontology");
        pages.put("-term", "/ontology/Statement");
        pages.put("-amount", "/id/amount-softbank-secured-claimed");
        pages.put("-named-graph", "/graph/stargate");
        pages.put("-passage", "/evidence/musk-quote-softbank");
        pages.put("-not-found", "/id/Elon-Musk");
        pages.put("-search-fuzzy", "/search?q=Altmann");
        pages.put("-editor", "/sparql");
        return pages;
    }

    private static Path folder() {
        Path dir = Path.of(System.getProperty("stargate.screenshots", "target/screenshots"));
        try {
            return Files.createDirectories(dir);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String overflow(String what, int width) {
        var d = browser.driver();
        Number scroll = (Number) d.executeScript("return document.documentElement.scrollWidth;");
        Number inner = (Number) d.executeScript("return window.innerWidth;");
        if (scroll.intValue() <= inner.intValue())
            return null;
        @SuppressWarnings("unchecked")
        List<String> wide = (List<String>) d.executeScript(
                "var w = window.innerWidth, out = [];"
                + "document.querySelectorAll('body *').forEach(function (e) { var r = e.getBoundingClientRect();"
                + " if (r.right > w + 1 && out.length < 5) out.push(e.tagName + '.' + e.className + ' right ' + Math.round(r.right)); });"
                + "return out;");
        return what + " at " + width + " px: scrollWidth " + scroll + " > innerWidth " + inner + "; widest: " + wide;
    }

    private static void shoot(String name, int width) throws IOException {
        byte[] png = browser.driver().getScreenshotAs(OutputType.BYTES);
        Files.write(folder().resolve(name + "-" + width + ".png"), png);
        // The README's tour shows the laptop width under the plain names (a person's page as "resource").
        if (width > 1000 && !name.equals("statement"))
            Files.write(folder().resolve((name.equals("person") ? "resource" : name) + ".png"), png);
    }

    @Test
    void every_page_fits_a_phone_and_a_laptop_without_horizontal_scrolling() throws IOException {
        List<String> failures = new ArrayList<>();
        for (int width : WIDTHS) {
            browser.driver().manage().window().setSize(new Dimension(width, width < 600 ? 844 : 900));
            for (var page : pages().entrySet()) {
                browser.open(server.address(page.getValue()));
                String problem = overflow(page.getValue(), width);
                if (problem != null)
                    failures.add(problem);
                if (!page.getKey().startsWith("-"))
                    shoot(page.getKey(), width);
            }
            editorWithResults(width, failures);
        }
        assertTrue(failures.isEmpty(), "pages wider than the window:\n" + String.join("\n", failures));
    }

    private static void editorWithResults(int width, List<String> failures) throws IOException {
        var d = browser.driver();
        browser.open(server.address("/sparql"));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".CodeMirror")));
        new Select(d.findElement(By.id("examples"))).selectByValue("cq-10");
        d.findElement(By.id("run")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.results tbody tr")));
        String problem = overflow("/sparql with results", width);
        if (problem != null)
            failures.add(problem);
        d.executeScript("document.querySelector('table.results').scrollIntoView({block: 'center'});");
        shoot("editor", width);
    }
}
