package org.stargatekg.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The patterns of wire copy that issue 24 lists, one made-up text each: how quotations are attributed and how news
 * names people and organizations. Each prints the draft it checks when it fails.
 */
class DraftPatternsTest {

    private static Draft draft(String text) {
        return Drafter.draft("t", text, KnownEntities.none(), "http://example.org/id/");
    }

    private static List<String> speakers(Draft d) {
        List<String> out = new java.util.ArrayList<>(d.statements.stream().filter(Draft.Statement::verbatim)
                .map(s -> s.words() + " -> " + s.speaker().name()).toList());
        d.unattributed.forEach(s -> out.add(s.words() + " -> ?"));
        return out;
    }

    private static List<String> entities(Draft d) {
        return d.entities().stream().filter(e -> e.kind() != Draft.Kind.GROUP).map(e -> e.kind() + " " + e.name()).toList();
    }

    @Test
    void a_company_and_role_before_the_name_make_the_person_the_speaker() {
        Draft d = draft("Headline\n\n\u201CWe are not for sale,\u201D Pellworth Inc. chief executive Dana Whitlow said on Tuesday.\n");
        assertEquals(List.of("We are not for sale -> Dana Whitlow"), speakers(d));
        assertEquals(List.of("ORGANIZATION Pellworth Inc.", "PERSON Dana Whitlow"), entities(d));
    }

    @Test
    void said_before_the_name_and_the_name_before_said() {
        Draft d = draft("Headline\n\n\"It was close,\" said Marco Brandt. \"We held on,\" Ilse Varga said.\n");
        assertEquals(List.of("It was close -> Marco Brandt", "We held on -> Ilse Varga"), speakers(d));
    }

    @Test
    void a_name_inside_the_quoted_words_is_never_the_speaker_and_she_goes_to_the_last_woman_named() {
        Draft d = draft("Headline\n\nThe chemist Ruth Okonjo spoke after the hearing.\n\n"
                        + "\u201CTomas Rellan knew about the samples all along,\u201D she told reporters.\n");
        assertEquals(List.of("Tomas Rellan knew about the samples all along -> Ruth Okonjo"), speakers(d));
    }

    @Test
    void a_colon_and_an_apposition_before_the_quotation() {
        Draft d = draft("Headline\n\nGreta Holm, a spokeswoman for the museum, said in an e-mail: \"The painting is safe.\"\n");
        assertEquals(List.of("The painting is safe. -> Greta Holm"), speakers(d));
    }

    @Test
    void according_to_after_the_quotation() {
        Draft d = draft("Headline\n\n\u201CThe price is full,\u201D according to Priyanka Deol, an analyst at Tessaly Securities.\n");
        assertEquals(List.of("The price is full -> Priyanka Deol"), speakers(d));
    }

    @Test
    void a_quotation_continued_in_the_next_paragraph_keeps_its_speaker() {
        Draft d = draft("Headline\n\n\u201CWe will appeal,\u201D said Nadia Ferraro, the union's lawyer. \u201CThis is not over.\n\n"
                        + "\u201CThe workers deserve better.\u201D\n");
        assertEquals(List.of("We will appeal -> Nadia Ferraro", "This is not over. -> Nadia Ferraro",
                             "The workers deserve better. -> Nadia Ferraro"), speakers(d));
    }

    @Test
    void a_partial_quotation_goes_to_the_subject_of_its_sentence() {
        Draft d = draft("Headline\n\nSenator Paul Aberline called the bill \"a gift to polluters\" on Monday.\n");
        assertEquals(List.of("a gift to polluters -> Paul Aberline"), speakers(d));
        assertEquals(List.of("PERSON Paul Aberline"), entities(d), "the title is not part of the name");
    }

    @Test
    void groups_speak_as_the_company_or_as_the_group() {
        Draft d = draft("Headline\n\nBrightwell Foods Inc. cut its forecast. \"Demand fell,\" the company said.\n\n"
                        + "\"We were misled,\" the plaintiffs said in a filing.\n");
        assertEquals(List.of("Demand fell -> Brightwell Foods Inc.", "We were misled -> the plaintiffs"), speakers(d));
    }

    @Test
    void single_quotation_marks_nested_in_double_ones_stay_inside() {
        Draft d = draft("Headline\n\n\u201CThey told us \u2018not this year,\u2019 and we waited,\u201D Aiko Tanabe said.\n");
        assertEquals(List.of("They told us \u2018not this year,\u2019 and we waited -> Aiko Tanabe"), speakers(d));
    }

    @Test
    void names_in_a_list_and_a_person_of_an_organization() {
        Draft d = draft("Headline\n\nLena Marsh, Oskar Beil and Ruth Pomeroy, spokespeople for the council, declined to comment. "
                        + "Jonah Ebbs of Marlow Street Capital said the fine was small.\n");
        List<String> e = entities(d);
        for (String expected : List.of("PERSON Lena Marsh", "PERSON Oskar Beil", "PERSON Ruth Pomeroy", "PERSON Jonah Ebbs",
                                       "ORGANIZATION Marlow Street Capital"))
            assertTrue(e.contains(expected), expected + " in " + e);
    }

    @Test
    void a_place_based_company_its_short_name_and_its_acronym_are_one_organization() {
        Draft d = draft("Headline\n\nSeattle-based Corvane Learning Systems said on Monday it would hire 200 people. "
                        + "Corvane Learning Systems (CLS) sells software to schools. CLS said demand was strong, and Corvane expects more.\n");
        assertEquals(List.of("ORGANIZATION Corvane Learning Systems"), entities(d));
        assertEquals(5, d.mentions.stream().filter(m -> m.entity().name().equals("Corvane Learning Systems")).count(),
                     "twice in full, the acronym where it is defined and once more, the first word: " + d.mentions);
    }

    @Test
    void a_one_word_company_is_an_organization() {
        Draft d = draft("Headline\n\nShares of Quellin rose 4% after the ruling. Quellin's chief executive did not comment.\n");
        assertEquals(List.of("ORGANIZATION Quellin"), entities(d));
    }

    @Test
    void a_title_case_headline_proposes_no_names_of_its_own() {
        Draft d = draft("Pellworth Shares Jump As Regulators Clear Merger\n\nPellworth Inc. said on Monday the deal had been cleared.\n");
        assertEquals(List.of("ORGANIZATION Pellworth Inc."), entities(d));
    }
}
