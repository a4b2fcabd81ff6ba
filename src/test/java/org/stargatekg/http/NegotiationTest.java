package org.stargatekg.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The one content negotiation of the server, on header values. */
class NegotiationTest {

    private static final List<String> OFFERS = List.of("application/sparql-results+json", "text/csv", "text/tab-separated-values");

    @Test
    void q_zero_means_not_acceptable() {
        assertNull(Negotiation.choose("text/csv;q=0", OFFERS, null));
        assertEquals("application/sparql-results+json", Negotiation.choose("*/*, text/csv;q=0", List.of("text/csv", "application/sparql-results+json"), null));
        assertEquals("text/tab-separated-values", Negotiation.choose("text/*, text/csv;q=0", OFFERS, null));
    }

    @Test
    void media_types_compare_case_insensitively() {
        assertEquals("text/csv", Negotiation.choose("TEXT/CSV", OFFERS, null));
        assertEquals("text/csv", Negotiation.choose("Text/Csv;Q=0.9", OFFERS, null));
    }

    @Test
    void higher_quality_then_client_order_wins() {
        assertEquals("text/csv", Negotiation.choose("application/sparql-results+json;q=0.5, text/csv", OFFERS, null));
        assertEquals("text/tab-separated-values", Negotiation.choose("text/tab-separated-values, text/csv", OFFERS, null));
        assertEquals("text/csv", Negotiation.choose("*/*;q=0.1, text/csv", OFFERS, null));
        assertEquals("application/sparql-results+json", Negotiation.choose("*/*", OFFERS, null));
        assertEquals("text/csv", Negotiation.choose((String) null, OFFERS, "text/csv"));
        assertEquals("text/csv", Negotiation.choose("garbage, ;;;,,,", OFFERS, "text/csv"));
        assertNull(Negotiation.choose("text/html;q=abc", OFFERS, "text/csv"));
    }

    @Test
    void a_header_of_thousands_of_types_parses_without_recursion_and_is_cut_past_the_limit() {
        String accept = String.join(", ", java.util.Collections.nCopies(100_000, "text/x-foo;q=0.5"));
        assertEquals(Negotiation.MAX_MEDIA_RANGES + 1, Negotiation.parse(accept).size());
    }

    @Test
    void restated_header_leads_another_negotiator_to_the_same_choice() {
        String restated = Negotiation.restated("TEXT/CSV;q=0.4, */*;q=0.1, application/sparql-results+json;q=0", OFFERS);
        assertEquals("text/csv;q=0.400, text/tab-separated-values;q=0.100", restated);
        assertEquals("application/x-none-acceptable", Negotiation.restated("text/csv;q=0", OFFERS));
    }
}
