package org.stargatekg.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.backend.RemoteBackend;
import org.stargatekg.bench.ArticleGenerator;
import org.stargatekg.server.StargateServer;
import org.stargatekg.support.RunningServer;
import org.stargatekg.vocab.Namespaces;

/**
 * A page through an external store asks it a bounded number of questions whatever its node's degree, and answers
 * exactly what the embedded server answers. The "store" is our own embedded server's SPARQL endpoint, loaded with the
 * article plus {@value #SYNTHETIC} synthetic ones (so that a class such as {@code sg:Statement} has hundreds of
 * instances linking to it); a second server reads it through {@code RemoteBackend}, its response cache off, and the
 * store's request counter says how many questions each page cost.
 */
class PageQueriesTest {

    static final int SYNTHETIC = 20;
    /** Most store requests an HTML page or RDF description may take (the page's query, and its thread's for a statement). */
    static final int PAGE_BOUND = 2;

    private static final Path ARTICLES = generate();

    @RegisterExtension
    static final RunningServer store = RunningServer.extension(articles());

    private static RemoteBackend backend;
    private static StargateServer through;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        RemoteStore remote = RemoteStore.at(store.uri("/sparql").toString(), Namespaces.STANDARD + "graph/");
        // Our endpoint holds no load marker, so every check would count as a change: checked once, at start.
        backend = new RemoteBackend(remote, Namespaces.standard(), java.time.Duration.ofHours(1));
        through = StargateServer.create().port(0).backend(backend).responseCache(false).build().start();
    }

    @AfterAll
    static void stop() {
        if (through != null)
            through.stop();
    }

    /** Issue 23, finding 6: an IRI no query can name got 500 and a 79-line trace through a store; 404 as in memory. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"a b", "a}", "a> ?p ?o } #", "a\"b"})
    void iri_that_cannot_be_written_into_a_query_is_not_found(String tail) throws Exception {
        String iri = Namespaces.STANDARD + "id/" + tail;
        java.net.URI uri = java.net.URI.create("http://127.0.0.1:" + through.port() + "/resource?uri="
                                               + java.net.URLEncoder.encode(iri, java.nio.charset.StandardCharsets.UTF_8));
        java.net.http.HttpResponse<String> r = HTTP.send(java.net.http.HttpRequest.newBuilder(uri).GET().build(),
                                                         java.net.http.HttpResponse.BodyHandlers.ofString());
        org.junit.jupiter.api.Assertions.assertEquals(404, r.statusCode(), iri + ": " + r.body());
    }

    /**
     * The synthetic article folders under target/ (the extension needs them before the class starts), written again
     * whenever the shipped article's files changed: folders made from an older model fail the loader's checks.
     */
    private static Path generate() {
        Path dir = Path.of("target", "page-queries-articles");
        Path template = Path.of("data", "stargate");
        try {
            String stamp = SYNTHETIC + " " + stamp(template);
            Path stampFile = dir.resolve("made-from");
            if (!Files.isRegularFile(stampFile) || !Files.readString(stampFile).equals(stamp)) {
                new ArticleGenerator(7).write(template, dir, SYNTHETIC);
                Files.writeString(stampFile, stamp);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return dir;
    }

    /** The names and contents of a folder's files, as one hash. */
    private static String stamp(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            List<Path> sorted = files.filter(Files::isRegularFile).sorted().toList();
            int hash = 1;
            for (Path f : sorted)
                hash = 31 * hash + (f.getFileName().toString().hashCode() ^ java.util.Arrays.hashCode(Files.readAllBytes(f)));
            return Integer.toHexString(hash);
        }
    }

    private static Path[] articles() {
        List<Path> out = new ArrayList<>();
        for (int i = 1; i <= SYNTHETIC; i++)
            out.add(ARTICLES.resolve(String.format("synthetic-%05d", i)));
        return out.toArray(Path[]::new);
    }

    /** A page asked of both servers: the store requests it cost through the remote backend, and whether the answers agree. */
    private record Asked(String path, long queries, boolean same, String difference) {}

    private static Asked ask(String path, String accept) {
        HttpResponse<String> here = get(store.port(), path, accept);
        long before = backend.store().queries();
        HttpResponse<String> there = get(through.port(), path, accept);
        long queries = backend.store().queries() - before;
        String a = normalized(here.body(), path);
        String b = normalized(there.body(), path);
        boolean same = here.statusCode() == there.statusCode() && a.equals(b);
        return new Asked(path, queries, same, same ? null : "HTTP " + here.statusCode() + " / " + there.statusCode() + "\n" + firstDifference(a, b));
    }

    /** RDF in a line-based format is compared as a set of lines (the writers' order follows the order of finding). */
    private static String normalized(String body, String path) {
        if (path.endsWith(".nt") || path.endsWith(".nq"))
            return String.join("\n", body.lines().sorted().toList());
        return body;
    }

    @Test
    void every_page_asks_the_store_at_most_twice_whatever_the_degree_and_answers_as_embedded() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/ontology/Statement", "text/html");       // a class with hundreds of instances
        pages.put("/ontology/Reported", "text/html");
        pages.put("/ontology/Statement.nt", "*/*");
        pages.put("/ontology/Statement.nq", "*/*");
        pages.put("/id/elon-musk", "text/html");
        pages.put("/id/musk-softbank-funding-claim", "text/html"); // a statement in a thread of replies
        pages.put("/id/altman-rebuts-musk", "text/html");
        pages.put("/id/stargate-article", "text/html");         // the article view
        pages.put("/id/amount-stargate-total", "text/html");
        pages.put("/evidence/musk-quote-softbank", "text/html");
        pages.put("/id/elon-musk-s00003", "text/html");
        pages.put("/id/elon-musk.nq", "*/*");
        pages.put("/explore?iri=" + RunningServer.encode(Namespaces.STANDARD + "ontology/Statement"), "text/html");
        pages.put("/explore?iri=" + RunningServer.encode(Namespaces.STANDARD + "id/elon-musk"), "text/html");
        pages.put("/id/no-such-thing", "text/html");
        List<String> report = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        pages.forEach((path, accept) -> {
            Asked a = ask(path, accept);
            int bound = path.matches(".*\\.(nt|nq)$") ? PAGE_BOUND + 1 : PAGE_BOUND; // a suffix: the path, then the resource
            report.add(String.format("%-80s %d store request(s)%s", path, a.queries(), a.same() ? "" : "  DIFFERS"));
            if (a.queries() > bound)
                failures.add(path + ": " + a.queries() + " store requests, bound " + bound);
            if (!a.same())
                failures.add(path + ": differs from the embedded server\n" + a.difference());
        });
        System.out.println("[PageQueriesTest] through the remote backend:\n" + String.join("\n", report));
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }

    @Test
    void only_a_statement_in_a_thread_asks_a_second_question_for_its_thread() {
        assertEquals(1, ask("/id/elon-musk", "text/html").queries(), "a person is in no thread of replies");
        assertEquals(1, ask("/id/usd", "text/html").queries(), "a currency is in no thread of replies");
        Asked reply = ask("/id/altman-rebuts-musk", "text/html");
        assertEquals(2, reply.queries(), "a statement answering another");
        assertTrue(reply.same(), reply::difference);
    }

    @Test
    void a_standard_store_gets_the_resource_written_into_the_page_query_not_as_a_parameter() {
        assertFalse(backend.store().bindsParameters(), "Fuseki does not bind ?::name (Virtuoso's extension)");
        Asked page = ask("/id/elon-musk", "text/html");
        assertEquals(1, page.queries(), "the probe is asked once, at start, not again with each page");
        assertTrue(page.same(), page::difference);
    }

    @Test
    void only_a_plain_iri_goes_as_a_parameter() {
        assertTrue(Neighbourhood.plain(Namespaces.STANDARD + "id/elon-musk"));
        assertFalse(Neighbourhood.plain("http://example.org/a>b"), "Turtle ends the IRI at >");
        assertFalse(Neighbourhood.plain("http://example.org/caf\u00e9"), "a non-ASCII IRI is written into the query");
        assertFalse(Neighbourhood.plain("http://example.org/a\\u0041"), "a backslash would be read as an escape");
        assertFalse(Neighbourhood.plain("nodeID://b1234"), "Virtuoso's blank node labels are not IRIs");
    }

    @Test
    void a_high_degree_page_costs_the_same_questions_as_a_small_one() {
        long degree = store.count("SELECT (COUNT(*) AS ?n) { ?s ?p <" + Namespaces.STANDARD + "ontology/Statement> }");
        assertTrue(degree > 200, "sg:Statement should have hundreds of incoming links, has " + degree);
        Asked big = ask("/ontology/Statement", "text/html");
        Asked small = ask("/id/usd", "text/html");
        assertEquals(small.queries(), big.queries(), "store requests for a node of degree " + degree + " vs one of few links");
    }

    /**
     * The home page and the graph pages link the dumps with their sizes; through a store, a size shows only once its
     * file has been written, so that a page never makes the server read the whole store (a new load would otherwise
     * make the next home page read everything again).
     */
    @Test
    void home_page_through_a_store_reads_no_dump_until_one_is_downloaded() {
        Asked home = ask("/", "text/html");
        HttpResponse<String> before = get(through.port(), "/", "text/html");
        // It lists every typed resource of every article: their labels come a hundred at a time, not one by one.
        int links = before.body().split("<a ", -1).length - 1;
        assertTrue(home.queries() * 10 < links, () -> "home page: " + home.queries() + " store requests for " + links + " links");
        // Which dumps were written depends on the tests run before (the content's version stays the same here).
        assertTrue(before.body().contains("written when first downloaded") || before.body().contains(" bytes\""), before::body);
        HttpResponse<String> dump = get(through.port(), "/dump/stargate-kg.nq", "application/n-quads");
        assertEquals(200, dump.statusCode());
        HttpResponse<String> after = get(through.port(), "/", "text/html");
        assertTrue(after.body().contains("title=\"" + dump.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + " bytes\""),
                   after::body);
    }

    @Test
    void search_asks_the_store_twice_whatever_the_number_of_hits() {
        Asked few = ask("/search?q=supervillain&format=json", "application/json");
        Asked many = ask("/search?q=musk&limit=100&format=json", "application/json");
        assertTrue(few.queries() <= 2, () -> "search for one hit: " + few.queries() + " store requests");
        assertTrue(many.queries() <= 2, () -> "search for a hundred hits: " + many.queries() + " store requests");
    }

    /**
     * Every page the home page and the editor link to (home, editor, search, graph pages, descriptions, queries, dumps)
     * answers through a standard SPARQL store (Jena's parser, which knows no prefix it was not given) as it does
     * embedded, and the store refuses none of the questions asked for them: each query we build declares its prefixes
     * or writes IRIs in full. A query using {@code rdf:type} undeclared (Virtuoso predeclares {@code rdf:}) made
     * the home page and editor answer 500 through any other store.
     */
    @Test
    void every_linked_page_answers_through_a_standard_store_and_no_query_is_refused() {
        Set<String> paths = new LinkedHashSet<>(List.of("/", "/sparql", "/search?q=musk", "/explore"));
        for (String start : List.of("/", "/sparql"))
            paths.addAll(links(get(store.port(), start, "text/html").body()));
        long refusedBefore = backend.store().refused();
        List<String> failures = new ArrayList<>();
        int asked = 0;
        for (String path : paths) {
            HttpResponse<String> here = get(store.port(), path, "text/html");
            HttpResponse<String> there = get(through.port(), path, "text/html");
            asked++;
            if (there.statusCode() >= 500 || there.statusCode() != here.statusCode())
                failures.add(path + ": HTTP " + here.statusCode() + " embedded, " + there.statusCode() + " through the store\n    "
                             + there.body().lines().limit(3).collect(Collectors.joining("\n    ")));
        }
        long refused = backend.store().refused() - refusedBefore;
        System.out.println("[PageQueriesTest] " + asked + " linked pages through the store, " + refused + " store request(s) refused");
        assertTrue(asked > 20, "the home page and editor should link to more than 20 kinds of page, found " + asked);
        assertEquals(0, refused, () -> "the store refused " + refused + " of the questions for these pages\n" + String.join("\n", failures));
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }

    /**
     * The server's own links in a page (paths, not other hosts; unescaped, without fragments), at most
     * {@value #PER_SHAPE} of each shape (the first folder and the query's parameter names): the home page links
     * every resource, and one of each kind asks the store the same kinds of question.
     */
    private static Set<String> links(String html) {
        Map<String, Integer> shapes = new LinkedHashMap<>();
        Set<String> out = new LinkedHashSet<>();
        Matcher m = Pattern.compile("href=\"(/[^/\"][^\"#]*)").matcher(html);
        while (m.find()) {
            String path = m.group(1).replace("&amp;", "&");
            String shape = path.replaceAll("^(/[^/?]*)[^?]*", "$1").replaceAll("=[^&]*", "");
            if (shapes.merge(shape, 1, Integer::sum) <= PER_SHAPE)
                out.add(path);
        }
        return out;
    }

    /** How many links of one shape the crawl follows. */
    static final int PER_SHAPE = 4;

    private static HttpResponse<String> get(int port, String path, String accept) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", accept).GET().build(),
                             HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static String firstDifference(String a, String b) {
        List<String> x = a.lines().toList();
        List<String> y = b.lines().toList();
        for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
            String l = i < x.size() ? x.get(i) : "(end)";
            String r = i < y.size() ? y.get(i) : "(end)";
            if (!l.equals(r))
                return "line " + (i + 1) + "\n    embedded: " + l.strip() + "\n    through:  " + r.strip();
        }
        return "same lines";
    }
}
