package org.stargatekg.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.support.ClasspathFolder;
import org.stargatekg.support.RunningServer;

/**
 * Every evidence passage served over HTTP, sliced from the article file as shipped, independently of the
 * loader's own check: the stored anchor text must be exactly what the offsets cut out.
 */
class EvidenceTest {

    private static final String NIF = "PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>\n";

    @RegisterExtension
    static final RunningServer server = RunningServer.extension();

    /** The article text file of the folder a named graph was loaded from ({@code graph/FOLDER} or {@code graph/FOLDER/external}). */
    private static String articleOf(Node graph) {
        String folder = graph.getURI().substring((server.base() + "graph/").length()).split("/")[0];
        return ClasspathFolder.read("data/" + folder + "/article.txt");
    }

    /** Slices by code points, as NIF offsets count characters. */
    private static String slice(String text, int begin, int end) {
        int from = text.offsetByCodePoints(0, begin);
        return text.substring(from, text.offsetByCodePoints(from, end - begin));
    }

    @Test
    void every_passage_anchor_equals_its_slice_of_the_article_file() {
        List<Map<String, Node>> rows = server.select(NIF + """
                SELECT ?g ?passage ?begin ?end ?anchor {
                  GRAPH ?g { ?passage nif:referenceContext ?context ;
                                      nif:beginIndex ?begin ; nif:endIndex ?end ; nif:anchorOf ?anchor }
                }""").rows();
        assertTrue(!rows.isEmpty(), "no evidence passages were served");
        List<String> failures = new ArrayList<>();
        for (Map<String, Node> row : rows) {
            String text = articleOf(row.get("g"));
            int begin = Integer.parseInt(row.get("begin").getLiteralLexicalForm());
            int end = Integer.parseInt(row.get("end").getLiteralLexicalForm());
            String anchor = row.get("anchor").getLiteralLexicalForm();
            int length = text.codePointCount(0, text.length());
            if (begin < 0 || begin >= end || end > length)
                failures.add(row.get("passage").getURI() + ": bad range [" + begin + "," + end + ") for " + length + " characters");
            else if (!slice(text, begin, end).equals(anchor))
                failures.add(row.get("passage").getURI() + ": anchor \"" + anchor + "\" but the article reads \""
                             + slice(text, begin, end) + "\"");
        }
        assertTrue(failures.isEmpty(), () -> failures.size() + " of " + rows.size() + " passages fail:\n" + String.join("\n", failures));
    }

    @Test
    void each_article_context_carries_the_article_file_byte_for_byte() {
        List<Map<String, Node>> rows = server.select(NIF + "SELECT ?g ?text { GRAPH ?g { ?context nif:isString ?text } }").rows();
        assertEquals(ClasspathFolder.subFolders("data").size(), rows.size(), "one nif:isString per article folder: " + rows);
        for (Map<String, Node> row : rows)
            assertEquals(articleOf(row.get("g")), row.get("text").getLiteralLexicalForm(), "text of " + row.get("g"));
    }
}
