package org.stargatekg.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stargatekg.vocab.NIF;
import org.stargatekg.vocab.Namespaces;

/** Passages written by their words alone get their offsets at load, or stop the load naming file, line and candidates. */
class WordAnchorsTest {

    private static final String BASE = Namespaces.STANDARD;

    /** "Ann" occurs three times: at 0, 22 and 44; "Bo" twice, at 12 and 40. */
    private static final String TEXT = "Ann Lee met Bo today. Ann said hello to Bo. Ann left.";

    private static final String HEAD = """
            @prefix sg:      <https://w3id.org/stargate-kg/ontology/> .
            @prefix id:      <https://w3id.org/stargate-kg/id/> .
            @prefix ev:      <https://w3id.org/stargate-kg/evidence/> .
            @prefix nif:     <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
            @prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
            @prefix dcterms: <http://purl.org/dc/terms/> .

            id:anchor-test-article a sg:NewsArticle , nif:Context ;
                rdfs:label "Anchor test"@en ;
                dcterms:title "Anchor test"@en ;
                sg:describedIn ev:anchor-test-p .

            """;

    @TempDir
    Path dir;

    private KnowledgeGraph load(String passage) throws IOException {
        Path folder = dir.resolve("anchor-test");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("article.txt"), TEXT, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("article.ttl"), HEAD + passage, StandardCharsets.UTF_8);
        return KnowledgeGraphLoader.create(new Namespaces(BASE))
                                   .ontology(ShippedSources.locate().ontologyDir())
                                   .article(folder)
                                   .load();
    }

    private static String passage(String words, String extra) {
        return "ev:anchor-test-p a sg:EvidencePassage , nif:OffsetBasedString ;\n"
               + "    rdfs:label \"p\"@en ;\n"
               + "    nif:referenceContext id:anchor-test-article ;\n"
               + extra
               + "    nif:anchorOf \"" + words + "\" .\n";
    }

    /** "article.ttl, line N" for the line on which the passage's nif:anchorOf stands. */
    private static String lineOf(String passage) {
        String[] lines = (HEAD + passage).split("\n");
        for (int i = 0; i < lines.length; i++)
            if (lines[i].contains("nif:anchorOf"))
                return "article.ttl, line " + (i + 1);
        throw new AssertionError("no anchor line");
    }

    private static int[] offsets(KnowledgeGraph kg) {
        Graph g = kg.dataset().asDatasetGraph().getUnionGraph();
        Node p = NodeFactory.createURI(BASE + "evidence/anchor-test-p");
        int b = Integer.parseInt(g.find(p, NIF.beginIndex, Node.ANY).mapWith(Triple::getObject).next().getLiteralLexicalForm());
        int e = Integer.parseInt(g.find(p, NIF.endIndex, Node.ANY).mapWith(Triple::getObject).next().getLiteralLexicalForm());
        return new int[] {b, e};
    }

    @Test
    void words_that_occur_once_get_their_offsets() throws IOException {
        int[] span = offsets(load(passage("said hello", "")));
        assertEquals(TEXT.indexOf("said hello"), span[0]);
        assertEquals(TEXT.indexOf("said hello") + "said hello".length(), span[1]);
    }

    @Test
    void an_occurrence_number_picks_one_of_repeated_words() throws IOException {
        int[] span = offsets(load(passage("Ann", "    sg:occurrence 2 ;\n")));
        assertEquals(22, span[0], "the second \"Ann\"");
        assertEquals(25, span[1]);
    }

    @Test
    void words_before_pick_one_of_repeated_words() throws IOException {
        int[] span = offsets(load(passage("Bo", "    nif:before \"hello to\" ;\n")));
        assertEquals(TEXT.lastIndexOf("Bo"), span[0]);
    }

    @Test
    void words_after_pick_one_of_repeated_words() throws IOException {
        int[] span = offsets(load(passage("Ann", "    nif:after \"left.\" ;\n")));
        assertEquals(TEXT.lastIndexOf("Ann"), span[0]);
    }

    @Test
    void words_not_in_the_article_stop_the_load_naming_file_and_line() {
        String passage = passage("said goodbye", "");
        LoadException ex = assertThrows(LoadException.class, () -> load(passage));
        String m = ex.getMessage();
        assertTrue(m.contains("anchor-test-p") && m.contains(lineOf(passage)) && m.contains("\"said goodbye\" are not in the article"), m);
    }

    @Test
    void words_not_found_exactly_show_where_they_occur_ignoring_case_and_spaces() {
        LoadException ex = assertThrows(LoadException.class, () -> load(passage("ann  SAID", "")));
        assertTrue(ex.getMessage().contains("ignoring case and spaces they occur at: offset 22 (Ann Lee met Bo today. [Ann said] hello"), ex.getMessage());
    }

    @Test
    void repeated_words_without_a_disambiguator_stop_the_load_naming_every_candidate_offset() {
        String passage = passage("Ann", "");
        LoadException ex = assertThrows(LoadException.class, () -> load(passage));
        String m = ex.getMessage();
        assertTrue(m.contains(lineOf(passage)) && m.contains("occur 3 times"), m);
        assertTrue(m.contains("offset 0 (") && m.contains("offset 22 (") && m.contains("offset 44 ("), m);
    }

    @Test
    void an_occurrence_past_the_last_stops_the_load_listing_the_candidates() {
        LoadException ex = assertThrows(LoadException.class, () -> load(passage("Bo", "    sg:occurrence 3 ;\n")));
        String m = ex.getMessage();
        assertTrue(m.contains("occurrence 3 asked") && m.contains("occur 2 times") && m.contains("offset 12 (") && m.contains("offset 40 ("), m);
    }

    @Test
    void words_before_that_match_no_occurrence_stop_the_load_listing_the_candidates() {
        LoadException ex = assertThrows(LoadException.class, () -> load(passage("Bo", "    nif:before \"goodbye to\" ;\n")));
        String m = ex.getMessage();
        assertTrue(m.contains("never with the given nif:before/nif:after") && m.contains("offset 12 (") && m.contains("offset 40 ("), m);
    }

    @Test
    void hand_written_offsets_are_still_checked() {
        LoadException ex = assertThrows(LoadException.class, () -> load(passage("Ann",
                "    nif:beginIndex \"1\"^^xsd:nonNegativeInteger ;\n    nif:endIndex \"4\"^^xsd:nonNegativeInteger ;\n")));
        assertTrue(ex.getMessage().contains("nif:anchorOf is \"Ann\" but the article at [1,4) reads \"nn \""), ex.getMessage());
    }
}
