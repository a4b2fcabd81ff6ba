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
import org.stargatekg.support.Browser;
import org.stargatekg.support.RunningServer;

/** The article view in a real browser: choosing, linking and tapping highlight passages without moving the text. */
class ArticleViewBrowserTest {

    @RegisterExtension
    static final RunningServer server = RunningServer.extension();
    @RegisterExtension
    static final Browser browser = Browser.extension();

    private void open(String path) {
        browser.open(server.address("/" + path));
    }

    /** Where every segment of the text sits, as "left,top,width,height" per segment. */
    private List<String> layout() {
        @SuppressWarnings("unchecked")
        List<String> boxes = (List<String>) browser.driver().executeScript(
                "return Array.from(document.querySelectorAll('#article-text .seg')).map(function (s) {"
                + " var r = s.getBoundingClientRect(); return [r.left + scrollX, r.top + scrollY, r.width, r.height].join(','); });");
        return boxes;
    }

    private static void assertUnmoved(List<String> before, List<String> after) {
        assertEquals(before.size(), after.size(), "segments");
        for (int i = 0; i < before.size(); i++)
            assertEquals(before.get(i), after.get(i), "highlighting moved segment " + i + " (left,top,width,height)");
    }

    @Test
    void choosing_an_item_from_the_list_highlights_its_passages_without_moving_the_text() {
        open("id/stargate-article");
        var d = browser.driver();
        List<String> before = layout();
        WebElement item = d.findElements(By.cssSelector("ul.items a.focus-item")).stream()
                           .filter(a -> a.getText().equals("Elon Musk")).findFirst().orElseThrow();
        d.executeScript("arguments[0].scrollIntoView({block: 'center'});", item);
        item.click();
        browser.waiting().until(d2 -> !d2.findElements(By.cssSelector("#article-text .seg.on")).isEmpty());
        assertUnmoved(before, layout());
        assertTrue(d.getCurrentUrl().contains("focus="), d.getCurrentUrl());
        assertTrue(d.findElement(By.id("focus-note")).getText().contains("Elon Musk"), d.findElement(By.id("focus-note")).getText());
    }

    @Test
    void a_link_to_a_passage_scrolls_it_into_view_below_the_top_edge_and_marks_it() {
        open("id/stargate-article#ev-musk-quote-no-money");
        var d = browser.driver();
        browser.waiting().until(d2 -> !d2.findElements(By.cssSelector("#article-text .seg.on")).isEmpty());
        List<String> on = d.findElements(By.cssSelector("#article-text .seg.on")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("They don't actually have the money."), on);
        Number top = (Number) d.executeScript("return document.getElementById('ev-musk-quote-no-money').getBoundingClientRect().top;");
        Number height = (Number) d.executeScript("return window.innerHeight;");
        assertTrue(top.doubleValue() > 40 && top.doubleValue() < height.doubleValue() - 40,
                   "the passage is not in view with a margin: top " + top + " of " + height);
        String marker = (String) d.executeScript(
                "return getComputedStyle(document.getElementById('ev-musk-quote-no-money'), '::before').content;");
        assertFalse(marker == null || marker.equals("none"), "the target passage has no marker");
    }

    @Test
    void tapping_a_sentence_lists_what_it_supports() {
        open("id/stargate-article");
        var d = browser.driver();
        WebElement seg = d.findElements(By.cssSelector("#article-text .seg")).stream()
                          .filter(s -> s.getText().equals("They don't actually have the money.")).findFirst().orElseThrow();
        List<String> before = layout();
        seg.click();
        WebElement panel = d.findElement(By.id("sentence-panel"));
        browser.waiting().until(ExpectedConditions.visibilityOf(panel));
        List<String> supports = panel.findElements(By.cssSelector("ul a")).stream().map(WebElement::getText).toList();
        assertTrue(supports.contains("Musk: \"They don't actually have the money.\""), supports.toString());
        assertUnmoved(before, layout());
    }
}
