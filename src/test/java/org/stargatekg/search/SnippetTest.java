package org.stargatekg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Snippets cut long literals around the first searched word and mark whole words and prefixes, ignoring case. */
class SnippetTest {

    private static List<String> marked(Snippet s) {
        return s.parts().stream().filter(Snippet.Part::marked).map(Snippet.Part::text).toList();
    }

    @Test
    void searched_words_are_marked_whatever_their_case() {
        Snippet s = Snippet.of("They don't actually have the Money.", Snippet.words("money"));
        assertEquals(List.of("Money"), marked(s));
        assertEquals("They don't actually have the Money.", s.text());
    }

    @Test
    void a_trailing_star_marks_words_that_start_with_the_prefix() {
        Snippet s = Snippet.of("warns Musk against a supervillain persona", Snippet.words("super*"));
        assertEquals(List.of("supervillain"), marked(s));
    }

    @Test
    void long_literals_are_cut_around_the_first_match() {
        String literal = "a ".repeat(200) + "money " + "b ".repeat(200);
        Snippet s = Snippet.of(literal, Snippet.words("money"));
        assertEquals(List.of("money"), marked(s));
        assertEquals(true, s.text().startsWith("…") && s.text().endsWith("…") && s.text().length() < 200, s::text);
    }
}
