package org.stargatekg.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.stargatekg.load.Sentences;

/** The draft's text rules one at a time: money, times, quotation marks, and speakers named before or after. */
class DraftRulesTest {

    private static List<String> money(String text) {
        return Money.find(text).stream().map(f -> (f.upperBound() ? "<= " : "") + f.number().toPlainString() + " " + f.currency()
                                                  + (f.hypothetical() ? " (hypothetical)" : "")).toList();
    }

    @Test
    void amounts_in_the_forms_news_writes_them() {
        assertEquals(List.of("500000000000 USD"), money("an ambitious $500 billion plan"));
        assertEquals(List.of("1000000000 USD"), money("a $1B order"));
        assertEquals(List.of("3200000 EUR"), money("it raised €3.2 million"));
        assertEquals(List.of("40000000 USD"), money("a US$40m round"));
        assertEquals(List.of("12000 GBP"), money("fined £12,000"));
        assertEquals(List.of("12000 USD"), money("USD 12,000 in fees"));
        assertEquals(List.of("2000000 EUR"), money("two million euros"));
        assertEquals(List.of("500000000000 USD"), money("Musk Critiques $500 Billion Stargate"));
    }

    /** Found on real Nigerian wire copy, where the draft had missed every amount. */
    @Test
    void naira_amounts_with_its_sign_its_letter_and_a_scale_or_its_name() {
        assertEquals(List.of("285000000000 NGN"), money("about N285 billion has been released"));
        assertEquals(List.of("16300000000000 NGN"), money("stood at N16.3 trillion as at June 30"));
        assertEquals(List.of("4500000 NGN"), money("a ₦4.5 million fine"));
        assertEquals(List.of("78000000000 NGN"), money("78 billion naira recovered"));
        assertEquals(List.of(), money("N95 masks and a Route N7 bus"));
    }

    @Test
    void an_amount_after_under_or_less_than_is_an_upper_bound() {
        assertEquals(List.of("<= 10000000000 USD"), money("SoftBank has well under $10 billion secured."));
        assertEquals(List.of("<= 5000000 EUR"), money("less than €5 million"));
        assertEquals(List.of("<= 300 USD"), money("up to $300 each"));
    }

    @Test
    void an_amount_in_a_question_of_how_to_spend_it_is_hypothetical() {
        assertEquals(List.of("1000000000 USD (hypothetical)"), money("when prompted about how to best allocate a billion dollars, it said"));
    }

    @Test
    void dates_and_durations() {
        assertEquals(List.of("2025-01-21 date", "P4Y duration", "2024-03 gYearMonth", "PT90M duration", "2019 gYear"),
                     Times.find("On January 21, 2025 they planned over the next four years; in March 2024 it took 90 minutes; founded in 2019.")
                          .stream().map(f -> f.lexical() + " " + f.datatype()).toList());
        assertEquals(List.of("2031-03-03 date", "2031-03-04 date"),
                     Times.find("on 3 March 2031 and 2031-03-04").stream().map(f -> f.lexical() + " " + f.datatype()).toList());
    }

    @Test
    void quotation_marks_straight_curly_and_escaped_and_the_comma_that_leads_back_to_the_speaker() {
        String text = "\"We won,\" she said. He said \u201CFine.\u201D A \"scare\\\" quote.";
        assertEquals(List.of("We won", "Fine.", "scare"),
                     Quotations.find(text).stream().map(q -> text.substring(q.begin(), q.end())).toList());
    }

    @Test
    void speakers_named_before_after_or_by_a_pronoun() {
        String text = "Jane Roe, chief executive of Acme Group, spoke on Monday. She said, \"Sales doubled.\" "
                      + "\"We are pleased,\" said John Smith. Analysts were not sure.";
        Draft d = Drafter.draft("t", text, KnownEntities.none(), "http://example.org/id/");
        assertEquals(List.of("Sales doubled. -> Jane Roe", "We are pleased -> John Smith"),
                     d.statements.stream().map(s -> s.words() + " -> " + s.speaker().name()).toList());
        assertEquals(List.of("Jane Roe", "Acme Group", "John Smith"), d.entities().stream().map(Draft.Entity::name).toList());
        assertEquals(4, Sentences.split(text).size());
    }

    @Test
    void a_quotation_that_is_a_sentence_of_its_own_continues_the_speaker_before() {
        String text = "\"We're not slowing down,\" Priya Natarajan said. \"Demand is real.\" Analysts at Northwind Securities said "
                      + "little. \"It's a bet,\" said Omar Haddad, an analyst. He added, \u201CNobody else can.\u201D";
        Draft d = Drafter.draft("t", text, KnownEntities.none(), "http://example.org/id/");
        assertEquals(List.of("We're not slowing down -> Priya Natarajan", "Demand is real. -> Priya Natarajan",
                             "It's a bet -> Omar Haddad", "Nobody else can. -> Omar Haddad"),
                     d.statements.stream().map(s -> s.words() + " -> " + s.speaker().name()).toList());
        assertEquals(List.of("Priya Natarajan PERSON", "Northwind Securities ORGANIZATION", "Omar Haddad PERSON"),
                     d.entities().stream().map(e -> e.name() + " " + e.kind()).toList());
    }
}
