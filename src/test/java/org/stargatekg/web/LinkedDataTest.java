package org.stargatekg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.support.RunningServer;

/** Every IRI we mint answers as a page for people and as RDF for machines, following the Cool URIs note. */
class LinkedDataTest {

    private static final List<String> RDF_SUFFIXES = List.of(".ttl", ".jsonld", ".rdf", ".nt", ".trig", ".nq");

    @RegisterExtension
    static final RunningServer server = RunningServer.extension();
    private static Map<String, String> subjects;

    @BeforeAll
    static void start() {
        subjects = new LinkedHashMap<>();
        var rows = server.select("""
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT DISTINCT ?s (SAMPLE(?l) AS ?label) WHERE {
                  GRAPH ?g { ?s ?p ?o } FILTER (isIRI(?s))
                  OPTIONAL { ?s rdfs:label ?l FILTER (langMatches(lang(?l), "en") || lang(?l) = "") }
                } GROUP BY ?s""").rows();
        for (var row : rows)
            subjects.put(row.get("s").getURI(), row.get("label") == null ? null : row.get("label").getLiteralLexicalForm());
        assertTrue(subjects.size() > 100, "expected the dataset's subjects, got " + subjects.size());
    }


    private static String path(String iri) {
        assertTrue(iri.startsWith(server.base()), "not one of ours: " + iri);
        return "/" + iri.substring(server.base().length());
    }

    @Test
    void every_subject_iri_has_an_html_page_showing_its_label() {
        List<String> failures = new ArrayList<>();
        subjects.forEach((iri, label) -> {
            if (!iri.startsWith(server.base()))
                return;
            HttpResponse<String> r = server.get(path(iri), "text/html");
            if (r.statusCode() != 200) {
                failures.add(iri + " -> HTTP " + r.statusCode());
                return;
            }
            Document doc = Jsoup.parse(r.body());
            if (label != null && !doc.select("h1").text().contains(label))
                failures.add(iri + " -> h1 '" + doc.select("h1").text() + "' lacks label '" + label + "'");
        });
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void every_subject_iri_parses_in_every_rdf_format_and_holds_its_triples() {
        List<String> failures = new ArrayList<>();
        for (String iri : subjects.keySet()) {
            if (!iri.startsWith(server.base()))
                continue;
            Graph expected = outgoing(iri);
            for (String suffix : RDF_SUFFIXES) {
                HttpResponse<String> r = server.get(path(iri) + suffix, "*/*");
                if (r.statusCode() != 200) {
                    failures.add(iri + suffix + " -> HTTP " + r.statusCode());
                    continue;
                }
                Lang lang = RDFLanguages.contentTypeToLang(
                        org.apache.jena.atlas.web.ContentType.create(r.headers().firstValue("Content-Type").orElse("x/none")).getContentTypeStr());
                if (lang == null) {
                    failures.add(iri + suffix + " -> no RDF content type");
                    continue;
                }
                DatasetGraph parsed = DatasetGraphFactory.createGeneral();
                try {
                    RDFParser.create().source(new StringReader(r.body())).lang(lang).base(server.base()).parse(parsed);
                } catch (RuntimeException ex) {
                    failures.add(iri + suffix + " -> does not parse: " + ex.getMessage());
                    continue;
                }
                Graph union = parsed.getUnionGraph();
                Graph dflt = parsed.getDefaultGraph();
                for (Triple t : expected.find().toList()) {
                    if (t.getObject().isBlank())
                        continue;
                    if (!union.contains(t) && !dflt.contains(t)) {
                        failures.add(iri + suffix + " -> lacks " + t);
                        break;
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures.subList(0, Math.min(30, failures.size()))));
    }

    /** The triples the endpoint holds with this subject. */
    private static Graph outgoing(String iri) {
        Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        var rows = server.select("SELECT ?p ?o WHERE { <" + iri + "> ?p ?o }").rows();
        Node s = NodeFactory.createURI(iri);
        for (var row : rows)
            g.add(Triple.create(s, row.get("p"), row.get("o")));
        return g;
    }

    @Test
    void rdf_answers_hold_incoming_links_and_the_labels_of_linked_resources() {
        HttpResponse<String> r = server.get("/id/elon-musk.nt", "*/*");
        assertEquals(200, r.statusCode());
        Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        RDFParser.create().source(new StringReader(r.body())).lang(Lang.NTRIPLES).parse(g);
        Node musk = NodeFactory.createURI(server.base() + "id/elon-musk");
        Node speaker = NodeFactory.createURI(server.base() + "ontology/speaker");
        Node claim = NodeFactory.createURI(server.base() + "id/musk-softbank-funding-claim");
        assertTrue(g.contains(claim, speaker, musk), "incoming sg:speaker triple missing");
        assertTrue(g.contains(claim, NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label"), Node.ANY),
                   "label of the linked statement missing");
    }

    @Test
    void crawl_from_the_home_page_finds_no_broken_link_and_reaches_every_subject() {
        Deque<String> queue = new ArrayDeque<>(List.of("/"));
        Set<String> seen = new HashSet<>(queue);
        List<String> broken = new ArrayList<>();
        Set<String> reached = new HashSet<>();
        while (!queue.isEmpty()) {
            String p = queue.poll();
            // As a browser asks: pages come as HTML, the dumps and the VoID description they link in their own formats.
            HttpResponse<String> r = server.get(p, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
            if (r.statusCode() != 200) {
                broken.add(p + " -> HTTP " + r.statusCode());
                continue;
            }
            reached.add(server.base() + p.substring(1));
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("text/html"))
                continue;
            for (Element a : Jsoup.parse(r.body()).select("a[href]")) {
                String href = a.attr("href");
                String target = local(href);
                if (target == null)
                    continue;
                if (seen.add(target))
                    queue.add(target);
            }
        }
        assertTrue(broken.isEmpty(), "broken links:\n" + String.join("\n", broken));
        Set<String> missed = new TreeSet<>();
        for (String iri : subjects.keySet())
            if (iri.startsWith(server.base()) && !reached.contains(iri))
                missed.add(iri);
        assertTrue(missed.isEmpty(), "subjects no page links to:\n" + String.join("\n", missed));
    }

    /** The path and query of a link to this server, without fragment, or null for links elsewhere. */
    private static String local(String href) {
        String h = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
        if (h.isEmpty())
            return null;
        if (h.startsWith(server.base()))
            h = "/" + h.substring(server.base().length());
        if (!h.startsWith("/"))
            return null;
        URI u = URI.create("http://x" + h);
        return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    @Test
    void suffix_urls_always_give_their_format_whatever_the_accept_header() {
        Map<String, String> expected = Map.of(".ttl", "text/turtle", ".jsonld", "application/ld+json",
                                              ".rdf", "application/rdf+xml", ".nt", "application/n-triples",
                                              ".html", "text/html", ".trig", "application/trig");
        expected.forEach((suffix, type) -> {
            HttpResponse<String> r = server.get("/id/sam-altman" + suffix, "text/html");
            assertEquals(200, r.statusCode(), suffix);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(type),
                       suffix + " gave " + r.headers().firstValue("Content-Type"));
        });
    }

    @Test
    void content_negotiation_answers_with_vary_accept_and_alternate_links() {
        for (String type : List.of("text/turtle", "application/ld+json", "application/rdf+xml", "application/n-triples", "text/html")) {
            HttpResponse<String> r = server.get("/id/openai", type);
            assertEquals(200, r.statusCode(), type);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(type), type);
            assertEquals("Accept", r.headers().firstValue("Vary").orElse(""));
            String link = r.headers().firstValue("Link").orElse("");
            assertTrue(link.contains("rel=\"alternate\"") && link.contains(".ttl>"), "Link header: " + link);
        }
    }

    @Test
    void unsupported_media_type_gets_406() {
        HttpResponse<String> r = server.get("/id/openai", "image/png");
        assertEquals(406, r.statusCode());
        assertTrue(r.body().contains("text/turtle"), r.body());
    }

    @Test
    void unknown_iri_gets_a_404_page() {
        HttpResponse<String> html = server.get("/id/no-such-thing", "text/html");
        assertEquals(404, html.statusCode());
        assertTrue(Jsoup.parse(html.body()).text().contains("no resource"), html.body());
        assertEquals(404, server.get("/id/no-such-thing", "text/turtle").statusCode());
        assertEquals(404, server.get("/id/no-such-thing.ttl", "*/*").statusCode());
    }

    @Test
    void amounts_read_as_money_with_the_exact_number_on_hover() {
        Document doc = Jsoup.parse(server.get("/id/amount-stargate-total", "text/html").body());
        Element amount = doc.selectFirst(".amount");
        assertNotNull(amount, "no formatted amount on the page");
        assertEquals("$500 billion", amount.text());
        assertEquals("500000000000 USD", amount.attr("title"));
        Document claim = Jsoup.parse(server.get("/id/amount-softbank-secured-claimed", "text/html").body());
        assertEquals("well under $10 billion, as Elon Musk put it", claim.selectFirst(".amount").text());
    }

    @Test
    void a_statement_page_shows_its_passage_highlighted_and_its_thread() {
        Document doc = Jsoup.parse(server.get("/id/musk-softbank-funding-claim", "text/html").body());
        List<String> marks = doc.select(".evidence-section mark").eachText();
        assertTrue(marks.contains("SoftBank has well under $10 billion secured. I have that on good authority."), marks.toString());
        List<String> thread = doc.select("ol.thread > li").eachText();
        assertTrue(thread.stream().anyMatch(t -> t.startsWith("disputes Sam Altman asserted that Musk's comments were inaccurate")), thread.toString());
        assertFalse(doc.select("ol.thread > li.current").isEmpty());
    }

    @Test
    void the_article_view_links_every_passage_to_what_it_supports() {
        Document doc = Jsoup.parse(server.get("/id/stargate-article", "text/html").body());
        var entries = doc.select("ol.passages > li");
        var passages = server.select("PREFIX sg: <https://w3id.org/stargate-kg/ontology/> SELECT ?p WHERE { ?p a sg:EvidencePassage }").rows();
        assertEquals(passages.size(), entries.size());
        for (Element e : entries)
            assertFalse(e.select("ul a").isEmpty(), "passage supports nothing: " + e.text());
        assertTrue(doc.select(".article-text").text().startsWith("Musk Critiques $500 Billion Stargate AI Initiative"));
    }

    @Test
    void the_ontology_iri_gives_documentation_and_turtle() {
        Document doc = Jsoup.parse(server.get("/ontology", "text/html").body());
        assertTrue(doc.select("#classes .term").size() > 40);
        assertFalse(doc.select("svg.diagram rect").isEmpty());
        assertTrue(doc.select("#term-speaker").text().contains("inverse"));
        HttpResponse<String> ttl = server.get("/ontology", "text/turtle");
        assertEquals(200, ttl.statusCode());
        assertTrue(ttl.body().contains("owl:Ontology"));
    }

    @Test
    void pages_carry_security_headers() {
        HttpResponse<String> r = server.get("/id/elon-musk", "text/html");
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""));
    }

    @Test
    void home_page_links_every_dump_with_its_format_and_size_and_the_void_description() {
        assertLinksDumpsAndVoid("/");
    }

    @Test
    void every_named_graph_page_links_the_dumps_and_the_void_description() {
        List<String> graphs = graphs();
        assertTrue(graphs.size() >= 4, graphs::toString);
        for (String g : graphs)
            assertLinksDumpsAndVoid(path(g));
        Document person = Jsoup.parse(server.get("/id/elon-musk", "text/html").body());
        assertTrue(person.select("#downloads").isEmpty(), "a resource that is not a graph offers no dataset downloads");
    }

    @Test
    void query_this_on_a_graph_page_queries_the_graph_content() {
        for (String g : graphs()) {
            String query = queryThis(path(g));
            assertTrue(query.contains("GRAPH <" + g + ">"), () -> g + ": " + query);
            var rows = server.select(query).rows();
            long size = server.count("SELECT (COUNT(*) AS ?n) { GRAPH <" + g + "> { ?s ?p ?o } }");
            assertEquals(Math.min(size, 100), rows.size(), () -> g + ": " + query);
            for (var row : rows.subList(0, Math.min(5, rows.size()))) {
                String triple = String.join(" ", List.of(row.get("s"), row.get("p"), row.get("o")).stream()
                        .map(n -> n.isURI() ? "<" + n.getURI() + ">" : n.isBlank() ? "[]" : org.apache.jena.riot.out.NodeFmtLib.strNT(n)).toList());
                if (!triple.contains("[]"))
                    assertEquals(1, server.count("SELECT (COUNT(*) AS ?n) { GRAPH <" + g + "> { " + triple + " } }"), triple);
            }
        }
        assertEquals("DESCRIBE <" + server.base() + "id/elon-musk>", queryThis("/id/elon-musk"));
    }

    /** The query a page's "Query this" link opens the editor with. */
    private static String queryThis(String page) {
        Element link = Jsoup.parse(server.get(page, "text/html").body()).select("a.action").stream()
                .filter(a -> a.text().equals("Query this")).findFirst().orElseThrow(() -> new AssertionError("no Query this on " + page));
        String href = link.attr("href");
        assertTrue(href.startsWith("/sparql#query="), href);
        return java.net.URLDecoder.decode(href.substring("/sparql#query=".length()), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<String> graphs() {
        return server.select("SELECT DISTINCT ?g { GRAPH ?g { } } ORDER BY ?g").rows().stream().map(r -> r.get("g").getURI()).toList();
    }

    /** A page has a downloads section linking each dump (format, media type, its true size) and the VoID description. */
    private static void assertLinksDumpsAndVoid(String page) {
        Document doc = Jsoup.parse(server.get(page, "text/html").body());
        Element section = doc.selectFirst("#downloads");
        assertNotNull(section, () -> page + " has no downloads section");
        for (org.stargatekg.describe.Dumps.Dump d : org.stargatekg.describe.Dumps.ALL) {
            Element a = section.selectFirst("a[href=" + d.path() + "]");
            assertNotNull(a, () -> page + " does not link " + d.path());
            assertEquals(d.mediaType(), a.attr("type"), d::path);
            Element row = a.closest("tr");
            String format = LinkedDataServlet.FORMATS.stream().filter(f -> f.mediaType().equals(d.mediaType())).findFirst().orElseThrow().name();
            assertEquals(format, a.text(), row::text);
            assertTrue(row.text().contains(d.mediaType()), row::text);
            HttpResponse<String> dump = server.get(d.path(), "*/*");
            assertEquals(200, dump.statusCode(), d::path);
            long bytes = dump.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            assertEquals(bytes + " bytes", row.selectFirst("td.num").attr("title"), () -> page + " " + d.path());
            assertTrue(row.selectFirst("td.num").text().matches("[0-9.]+ (bytes|KiB|MiB)"), row::text);
        }
        Element voidLink = section.selectFirst("a.void");
        assertNotNull(voidLink, () -> page + " does not link the VoID description");
        HttpResponse<String> voidDescription = server.get(voidLink.attr("href"), "text/html,*/*;q=0.8");
        assertEquals(200, voidDescription.statusCode());
        assertTrue(voidDescription.body().contains("void:Dataset"), voidDescription::body);
    }
}
