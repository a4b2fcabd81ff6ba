package org.stargatekg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.support.RunningServer;

/** A query the server cannot run gets a 4xx that says why; an Accept header naming no type on offer gets 406, an unparsable one is ignored. */
class MalformedQueryTest {

    @RegisterExtension
    static final RunningServer server = RunningServer.extension();

    private static String describe(HttpResponse<String> r) {
        return "HTTP " + r.statusCode() + " " + r.headers().firstValue("Content-Type").orElse("") + "\n" + r.body();
    }

    @Test
    void syntax_error_gets_400_with_the_parser_message_line_and_column() {
        HttpResponse<String> response = server.get("/sparql?query=" + RunningServer.encode("SELECT * WHERE {\n  ?s ?p \n}"),
                                                   RunningServer.JSON);
        assertEquals(400, response.statusCode(), () -> describe(response));
        assertTrue(response.body().contains("Parse error") && response.body().contains("line 3, column 1"), () -> describe(response));
    }

    @Test
    void syntax_error_in_a_posted_query_gets_400_with_line_and_column() {
        HttpResponse<String> response = server.send("POST", "/sparql", "application/sparql-query", "SELECT ?x WHERE { ?x ?y ?z . FILTER( }");
        assertEquals(400, response.statusCode(), () -> describe(response));
        assertTrue(response.body().contains("line 1, column"), () -> describe(response));
    }

    /** Fuseki 5.6 counts its error message's length in characters; a non-ASCII one used to come out as a 500. */
    @Test
    void syntax_error_echoing_non_ascii_characters_gets_400_not_500() {
        for (String q : new String[] { "SELECT * { ?s caf\u00e9:p ?o }", "SELECT * { ?s ?p \"\u00e9t\u00e9\" . FILTER( }",
                                       "SELECT ?\u0dc4\u0dca { ?s \uD83D\uDE00 ?o }" }) {
            HttpResponse<String> response = server.get("/sparql?query=" + RunningServer.encode(q), RunningServer.JSON);
            assertEquals(400, response.statusCode(), () -> q + "\n" + describe(response));
            assertTrue(response.body().contains("line 1, column") || response.body().contains("Line 1, column"), () -> describe(response));
        }
    }

    @Test
    void bad_percent_encoding_in_the_query_string_gets_400_not_500() {
        for (String path : new String[] { "/data?de%fault", "/data?graph=%zz", "/sparql?query=%zzSELECT", "/sparql?query=SELECT%" }) {
            String response = server.rawGet(path);
            assertEquals(400, RunningServer.status(response), () -> path + "\n" + response);
        }
    }

    @Test
    void undeclared_prefix_gets_400_naming_the_prefix() {
        HttpResponse<String> response = server.get("/sparql?query=" + RunningServer.encode("SELECT * { ?s nope:p ?o }"), RunningServer.JSON);
        assertEquals(400, response.statusCode(), () -> describe(response));
        assertTrue(response.body().contains("nope"), () -> describe(response));
    }

    @Test
    void missing_query_gets_400() {
        HttpResponse<String> response = server.get("/sparql?format=json", RunningServer.JSON);
        assertEquals(400, response.statusCode(), () -> describe(response));
    }

    @Test
    void unparsable_or_empty_accept_on_sparql_is_ignored_and_gets_results_in_a_standard_format() {
        for (String accept : new String[] { ";;;,,,", ",", "" }) {
            HttpResponse<String> response = server.get("/sparql?query=" + RunningServer.encode("SELECT * { ?s ?p ?o } LIMIT 1"), accept);
            assertEquals(200, response.statusCode(), () -> "[" + accept + "]: " + describe(response));
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+"),
                       () -> accept + ": " + describe(response));
        }
    }

    @Test
    void unsupported_accept_on_sparql_gets_406_listing_the_offered_types() {
        String select = RunningServer.encode("SELECT * { ?s ?p ?o } LIMIT 1");
        for (String accept : new String[] { "image/png", "image/*", "text/html", "text/html;q=abc", "application/pdf, image/png;q=0.5" }) {
            HttpResponse<String> get = server.get("/sparql?query=" + select, accept);
            assertEquals(406, get.statusCode(), () -> accept + ": " + describe(get));
            assertTrue(get.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), () -> describe(get));
            for (String offered : new String[] { "application/sparql-results+json", "text/csv", "text/tab-separated-values", "text/turtle", "application/ld+json" })
                assertTrue(get.body().contains(offered), () -> offered + " not listed: " + get.body());
        }
        HttpResponse<String> post = server.send(java.net.http.HttpRequest.newBuilder(server.uri("/sparql"))
                .header("Content-Type", "application/sparql-query").header("Accept", "image/png")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("SELECT * { ?s ?p ?o } LIMIT 1")).build());
        assertEquals(406, post.statusCode(), () -> describe(post));
        HttpResponse<String> form = server.send(java.net.http.HttpRequest.newBuilder(server.uri("/sparql"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "image/png")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("query=" + select)).build());
        assertEquals(406, form.statusCode(), () -> describe(form));
    }

    @Test
    void ordinary_clients_still_get_the_type_they_ask_for_from_sparql() {
        String select = "/sparql?query=" + RunningServer.encode("SELECT * { ?s ?p ?o } LIMIT 1");
        String construct = "/sparql?query=" + RunningServer.encode("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1");
        String[][] cases = {
            // path, Accept, expected Content-Type
            { select, "*/*", "application/sparql-results+" },
            { select, "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8", "application/" },
            { select, "application/sparql-results+json", "application/sparql-results+json" },
            { select, "application/sparql-results+xml", "application/sparql-results+xml" },
            { select, "application/json", "application/" },
            { select, "text/csv", "text/csv" },
            { select, "text/tab-separated-values", "text/tab-separated-values" },
            { select, "application/sparql-results+json, text/turtle;q=0.9", "application/sparql-results+json" },
            { select + "&format=csv", "image/png", "text/csv" },
            { construct, "*/*", "text/turtle" },
            { construct, "text/turtle", "text/turtle" },
            { construct, "application/ld+json", "application/ld+json" },
            { construct, "application/n-triples", "application/n-triples" },
            { construct, "application/rdf+xml", "application/rdf+xml" },
            { construct, "application/sparql-results+json, text/turtle;q=0.9", "text/turtle" },
        };
        for (String[] c : cases) {
            HttpResponse<String> r = server.get(c[0], c[1]);
            assertEquals(200, r.statusCode(), () -> c[0] + " Accept " + c[1] + ": " + describe(r));
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(c[2]), () -> c[0] + " Accept " + c[1] + ": " + describe(r));
        }
    }

    @Test
    void unsupported_accept_on_a_page_gets_406() {
        for (String accept : new String[] { "image/png", "application/sparql-results+json" }) {
            HttpResponse<String> response = server.get("/id/elon-musk", accept);
            assertEquals(406, response.statusCode(), () -> accept + ": " + describe(response));
        }
    }
}
