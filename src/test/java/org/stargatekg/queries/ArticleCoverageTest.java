package org.stargatekg.queries;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.load.ShippedSources;
import org.stargatekg.support.RunningServer;

/** The graph covers the article: every quotation in it, every amount of money, and enough evidence passages. */
class ArticleCoverageTest {

    @RegisterExtension
    static final RunningServer server = RunningServer.extension();
    private static String article;

    @BeforeAll
    static void start() throws IOException {
        article = Files.readString(ShippedSources.locate().dataDir().resolve("stargate/article.txt"), StandardCharsets.UTF_8);
    }


    @Test
    void every_quotation_in_the_article_is_in_the_graph_verbatim() {
        Set<String> words = new HashSet<>();
        for (var row : server.select("PREFIX sg: <https://w3id.org/stargate-kg/ontology/> SELECT ?w WHERE { { ?s sg:verbatimText ?w } UNION { ?s sg:emoji ?w } }").rows())
            words.add(row.get("w").getLiteralLexicalForm());
        List<String> missing = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]+)\"").matcher(article);
        int quotations = 0;
        while (m.find()) {
            // The article ends one quotation with a stray backslash and another with the comma of its sentence.
            String quoted = m.group(1).replaceAll("[\\\\,]+$", "");
            quotations++;
            if (!words.contains(quoted))
                missing.add(quoted);
        }
        assertTrue(quotations >= 7, "found only " + quotations + " quotations in the article");
        assertTrue(missing.isEmpty(), "quotations of the article not in the graph verbatim: " + missing);
    }

    @Test
    void every_dollar_amount_in_the_article_is_a_number_in_the_graph() {
        Set<String> values = new HashSet<>();
        for (var row : server.select("PREFIX sg: <https://w3id.org/stargate-kg/ontology/> SELECT ?v WHERE { ?a sg:value|sg:maxValue ?v }").rows())
            values.add(new java.math.BigDecimal(row.get("v").getLiteralLexicalForm()).toBigInteger().toString());
        Matcher m = Pattern.compile("\\$(\\d+) billion|a billion dollars").matcher(article);
        List<String> missing = new ArrayList<>();
        while (m.find()) {
            long billions = m.group(1) == null ? 1 : Long.parseLong(m.group(1));
            String expected = Long.toString(billions * 1_000_000_000L);
            if (!values.contains(expected))
                missing.add(m.group() + " = " + expected);
        }
        assertTrue(missing.isEmpty(), "amounts of the article missing as numbers: " + missing);
    }

    @Test
    void at_least_thirty_evidence_passages_and_every_fact_and_statement_has_one() {
        long passages = server.count("PREFIX sg: <https://w3id.org/stargate-kg/ontology/> SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a sg:EvidencePassage }");
        assertTrue(passages >= 30, "only " + passages + " evidence passages");
        long without = server.count("PREFIX sg: <https://w3id.org/stargate-kg/ontology/> SELECT (COUNT(?x) AS ?n) WHERE { ?x a sg:Reported FILTER NOT EXISTS { ?x sg:evidence ?e } }");
        assertTrue(without == 0, without + " facts or statements have no evidence");
        long reported = server.count("PREFIX sg: <https://w3id.org/stargate-kg/ontology/> SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a sg:Reported }");
        assertTrue(reported >= 30, "only " + reported + " facts and statements");
    }
}
