package org.stargatekg.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.stargatekg.support.ClasspathFolder;

/** The sentence splitter on our article, sentence by sentence as read by hand, and on the cases news text brings. */
class SentencesTest {

    private static List<String> split(String text) {
        return Sentences.split(text).stream().map(s -> s.in(text)).toList();
    }

    /** Each sentence of data/stargate/article.txt as a person reads it: its first and last words. */
    private static final List<String[]> STARGATE = List.of(
            new String[] {"Musk Critiques", "Altman Responds"},                       // the headline, no full stop
            new String[] {"The technology sector", "in the United States."},
            new String[] {"While key players", "concern and intrigue."},
            new String[] {"The Stargate initiative", "in the country."},
            new String[] {"An initial commitment", "OpenAI, and SoftBank."},
            new String[] {"Elon Musk, known", "social media platform, X."},          // "X." ends it: no initial after a comma
            new String[] {"He claimed that", "on good authority.\""},                // the two quoted sentences stay in it
            new String[] {"This jibe", "tech community."},
            new String[] {"In contrast, OpenAI's CEO", "already underway."},
            new String[] {"Altman countered", "rather than conflict."},
            new String[] {"Musk previously voiced", "have the money.\""},
            new String[] {"Altman responded", "entrepreneur of our time.\""},
            new String[] {"This seemed an attempt", "ongoing disputes."},
            new String[] {"In recent times", "even further."},
            new String[] {"Microsoft has emerged", "AI landscape."},
            new String[] {"When asked about", "good for my $80 billion.\""},       // " ... " is an omission, not an end
            new String[] {"Nadella was referring", "might not be secure."},
            new String[] {"Pending a $1 billion", "for AI servers"},                  // bullet lines, mark left out
            new String[] {"Musk seeks an injunction", "a for-profit entity"},
            new String[] {"A legal battle", "regarding OpenAI"},
            new String[] {"Altman warns Musk", "American ideals"},
            new String[] {"As the discussions escalate", "rather than mere hype."},
            new String[] {"While the back-and-forth", "in the tech sector."},
            new String[] {"Musk's frustrations", "stakes involved."},
            new String[] {"Interestingly, when prompted", "multifaceted dialogue."},
            new String[] {"AI, Musk, Altman", "AI, Musk, Altman"});                  // the keyword line

    @Test
    void stargate_article_splits_into_the_sentences_a_reader_sees() {
        List<String> got = split(ClasspathFolder.read("data/stargate/article.txt"));
        StringBuilder diff = new StringBuilder();
        for (int i = 0; i < Math.max(got.size(), STARGATE.size()); i++) {
            String s = i < got.size() ? got.get(i) : "(none)";
            String[] want = i < STARGATE.size() ? STARGATE.get(i) : new String[] {"(none)", "(none)"};
            if (!s.startsWith(want[0]) || !s.endsWith(want[1]))
                diff.append("sentence ").append(i + 1).append(": expected \"").append(want[0]).append(" … ").append(want[1])
                    .append("\" but got \"").append(s).append("\"\n");
        }
        assertEquals("", diff.toString(), () -> "all sentences:\n" + String.join("\n", got));
    }

    @Test
    void a_quotation_is_not_cut_inside_in_either_quote_style() {
        assertEquals(List.of("She said, \"We won. They lost.\"", "Then she left."), split("She said, \"We won. They lost.\" Then she left."));
        assertEquals(List.of("She said, \u201CWe won. They lost.\u201D", "Then she left."),
                     split("She said, \u201CWe won. They lost.\u201D Then she left."));
    }

    @Test
    void an_unbalanced_quotation_does_not_swallow_the_rest_of_the_line() {
        assertEquals(List.of("He said \"it.", "Fine.", "Next one."), split("He said \"it. Fine. Next one."));
    }

    @Test
    void an_omission_mark_does_not_end_a_sentence_but_a_trailing_ellipsis_does() {
        assertEquals(List.of("All I know is ... I'm good.", "Next."), split("All I know is ... I'm good. Next."));
        assertEquals(List.of("He paused...", "Then he left."), split("He paused... Then he left."));
    }

    @Test
    void headlines_and_bullet_lines_are_sentences_of_their_own() {
        assertEquals(List.of("A Headline Without A Stop", "The body starts.", "first point", "second point", "third point."),
                     split("A Headline Without A Stop\nThe body starts.\n- first point\n* second point\n1. third point."));
    }

    @Test
    void titles_and_initials_do_not_end_a_sentence() {
        assertEquals(List.of("Dr. Jane Roe met John F. Kennedy in the U.S. yesterday.", "Mr. Smith agreed."),
                     split("Dr. Jane Roe met John F. Kennedy in the U.S. yesterday. Mr. Smith agreed."));
    }
}
