package org.stargatekg.engine.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.junit.jupiter.api.Test;

/** Our query parser gives the same query, or the same error, as Fuseki's call of Jena's parser. */
class QueryParserTest {

    /** Queries that exercise what the parser resolves or checks: bases, prefixes, paths, blank nodes, scopes. */
    private static final List<String> TRICKY = List.of(
            "SELECT * { ?s ?p ?o }",
            "BASE <http://example.org/a/b/> SELECT * { <c> <../d> <#e> }",
            "PREFIX : <http://example.org/> SELECT * { :a :b :c . _:x :d [ :e 1.5e3 ; :f \"x\"@en-GB ] }",
            "PREFIX ex: <http://example.org/> SELECT ?x (COUNT(*) AS ?n) { ?x ex:p+/ex:q* ?y FILTER(?y > 2 || ?y < -1) } GROUP BY ?x HAVING(?n > 1) ORDER BY DESC(?n) LIMIT 5 OFFSET 1",
            "SELECT * { VALUES (?a ?b) { (1 UNDEF) (<http://x/> \"y\"^^<http://www.w3.org/2001/XMLSchema#string>) } }",
            "SELECT * { { SELECT ?s { ?s ?p ?o } LIMIT 1 } OPTIONAL { ?s <http://x/p> ?q } MINUS { ?s a <http://x/C> } }",
            "ASK { <http://x/s> ?p ?o }",
            "DESCRIBE <https://w3id.org/stargate-kg/id/stargate>",
            "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }",
            "SELECT * WHERE { BIND(IRI(\"rel\") AS ?i) BIND(NOW() AS ?t) BIND(STRLEN(\"\\u00e9\\n\") AS ?l) }",
            "SELECT * { ?s ?p ?o } # a comment\n# another\n",
            "PREFIX : <http://example.org/> SELECT * { :a :b \"\"\"long\nstring\"\"\" ; :c '''x''' }",
            "SELECT * { ?s <http://example.org/ünï> ?o . ?o <http://example.org/%20x> 1 }",
            "SELECT * { ?s ?p ?o LATERAL { SELECT ?x { ?s ?q ?x } LIMIT 1 } }",
            "SELECT * { <rel> <../up> <#frag> . <?q=1> <//host/x> <> }");

    /** Queries that must fail the same way: syntax errors, lexical errors, scope errors, bad IRIs. */
    private static final List<String> BAD = List.of(
            "SELECT * { ?s ?p }",
            "SELECT * WHERE { ?s ?p ?o",
            "SELEKT * { ?s ?p ?o }",
            "SELECT * { ?s ?p \"unterminated }",
            "SELECT * { ?s ?p ?o } ORDER BY",
            "SELECT ?x { BIND(1 AS ?x) BIND(2 AS ?x) }",
            "SELECT (1 AS ?x) ?x { }",
            "PREFIX ex: <http://example.org/> SELECT * { ex:a undefined:b ?c }",
            "SELECT * { <http://example.org/a b> ?p ?o }",
            "SELECT * { ?s ?p ?o } GROUP BY ?s HAVING",
            "SELECT * { ?s ?p \u0001 }",
            "");

    @Test
    void every_shipped_and_tricky_query_parses_to_the_query_jena_gives() throws IOException {
        List<String> texts = new ArrayList<>(TRICKY);
        try (Stream<Path> s = Files.walk(Path.of("src/main/resources/queries"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".rq")).sorted().toList())
                texts.add(Files.readString(p));
        }
        assertTrue(texts.size() > 40, "too few queries found: " + texts.size());
        for (String text : texts) {
            Query expected = jena(text);
            // Twice: the second parse resolves its IRIs from the base's cache.
            for (int i = 0; i < 2; i++) {
                Query actual = QueryParser.parse(text);
                assertEquals(expected, actual, () -> "differs for:\n" + text);
                assertEquals(expected.toString(), actual.toString(), () -> "prints differently for:\n" + text);
                assertEquals(expected.getBaseURI(), actual.getBaseURI(), text);
                assertEquals(expected.getSyntax(), actual.getSyntax(), text);
                assertEquals(expected.getPrefixMapping().getNsPrefixMap(), actual.getPrefixMapping().getNsPrefixMap(), text);
            }
        }
    }

    @Test
    void a_bad_query_fails_with_jenas_exception_message_and_position() {
        // Twice over: a query that failed leaves nothing remembered that would let it pass or fail otherwise.
        for (String text : BAD) for (int round = 0; round < 2; round++) {
            RuntimeException expected = failure(() -> jena(text));
            RuntimeException actual = failure(() -> QueryParser.parse(text));
            assertTrue(expected != null, () -> "Jena accepts: " + text);
            assertTrue(actual != null, () -> "we accept what Jena refuses: " + text);
            assertEquals(expected.getClass(), actual.getClass(), text);
            assertEquals(expected.getMessage(), actual.getMessage(), text);
            if (expected instanceof QueryParseException e && actual instanceof QueryParseException a) {
                assertEquals(e.getLine(), a.getLine(), text);
                assertEquals(e.getColumn(), a.getColumn(), text);
            }
        }
    }

    @Test
    void threads_parsing_at_once_each_get_their_own_right_answer() throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 200; i++)
            texts.add("PREFIX ex: <http://example.org/" + (i % 17) + "/> SELECT * { ex:s" + i + " <rel" + i + "> ?o }");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++)
                done.add(pool.submit(() -> {
                    for (int round = 0; round < 20; round++)
                        for (String text : texts)
                            assertEquals(jena(text).toString(), QueryParser.parse(text).toString(), text);
                    return null;
                }));
            for (Future<?> f : done)
                f.get();
        } finally {
            pool.shutdownNow();
        }
    }

    private static Query jena(String text) {
        return QueryFactory.create(text, QueryParser.BASE, Syntax.syntaxARQ);
    }

    private static RuntimeException failure(Runnable r) {
        try {
            r.run();
            return null;
        } catch (QueryException ex) {
            return ex;
        }
    }
}
