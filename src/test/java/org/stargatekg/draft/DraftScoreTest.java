package org.stargatekg.draft;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stargatekg.load.KnowledgeGraph;
import org.stargatekg.load.ShippedSources;

/**
 * The draft of the Stargate article against our hand-made graph of it, as {@code draft --compare} prints it, with the
 * targets held: quotations 6/6, speakers at least 5/6, amounts 5/5, entity links recall at least 0.9 with precision at
 * least 0.8. The draft links to the entities of the shipped graph, so entity links measure finding and resolving the
 * mentions (surnames, shared names), not knowing names the graph lacks.
 */
class DraftScoreTest {

    private static DraftScore score;

    @BeforeAll
    static void draftAndCompare() throws IOException {
        Path gold = ShippedSources.locate().dataDir().resolve("stargate");
        Path out = Files.createTempDirectory("draft-score").resolve("stargate-draft");
        Draft draft = Drafting.of(gold.resolve("article.txt"), out).write().draft();
        KnowledgeGraph hand = Drafting.loadAlone(gold);
        score = DraftScore.of(draft, hand.dataset().asDatasetGraph(),
                              DataPrefixes.of(java.util.List.of(gold)).resolved("sg", Drafting.LOAD_BASE));
        System.out.println("Draft of the Stargate article against the hand-made graph:\n" + score.report());
    }

    @Test
    void every_quotation_is_found_with_its_exact_words() {
        DraftScore.Measure m = score.get("quotations");
        assertTrue(m.expected() == 6 && m.foundExpected() == 6, m::line);
    }

    @Test
    void at_least_five_of_six_speakers_are_right() {
        DraftScore.Measure m = score.get("speakers");
        assertTrue(m.expected() == 6 && m.foundExpected() >= 5, m::line);
    }

    @Test
    void every_amount_is_found_with_its_value_and_currency() {
        DraftScore.Measure m = score.get("amounts");
        assertTrue(m.expected() == 5 && m.foundExpected() == 5, m::line);
    }

    @Test
    void entity_links_have_recall_of_at_least_nine_tenths_and_precision_of_at_least_eight_tenths() {
        DraftScore.Measure m = score.get("entity links");
        assertTrue(m.recall() >= 0.9 && m.precision() >= 0.8, m::line);
    }

    @Test
    void most_hand_made_passages_are_overlapped_by_a_draft_passage() {
        DraftScore.Measure m = score.get("passages");
        assertTrue(m.precision() >= 0.9 && m.recall() >= 0.5, m::line);
    }
}
