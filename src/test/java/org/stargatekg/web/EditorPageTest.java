package org.stargatekg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stargatekg.support.RunningServer;

/** The editor page as served: its completions come from the served ontology, it lists the extension functions, and its CodeMirror comes from the WebJar. */
class EditorPageTest {

    private static final String SD = "http://www.w3.org/ns/sparql-service-description#";

    private static RunningServer server;
    private static Document page;

    @BeforeAll
    static void start() {
        server = RunningServer.start();
        HttpResponse<String> r = server.get("/sparql", "text/html");
        assertEquals(200, r.statusCode(), r::body);
        page = Jsoup.parse(r.body());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonObject completions() {
        Element t = page.selectFirst("template#completions");
        return JSON.parse(t.wholeText());
    }

    @Test
    void editor_completes_every_term_the_served_ontology_declares() {
        JsonObject json = completions();
        Set<String> completed = new TreeSet<>();
        json.get("terms").getAsArray().forEach(v -> completed.add(v.getAsObject().get("iri").getAsString().value()));
        // Read the ontology as the endpoint serves it, whatever its IRIs: the graph that holds the owl:Ontology.
        var declared = server.select("""
                PREFIX owl: <http://www.w3.org/2002/07/owl#>
                SELECT DISTINCT ?t WHERE { GRAPH ?g { ?o a owl:Ontology . ?t a ?k
                  FILTER (?k IN (owl:Class, owl:ObjectProperty, owl:DatatypeProperty, owl:AnnotationProperty, owl:NamedIndividual))
                  FILTER (isIRI(?t)) } }""").rows();
        assertTrue(declared.size() > 50, "ontology terms: " + declared.size());
        List<String> missing = declared.stream().map(r -> r.get("t").getURI()).filter(t -> !completed.contains(t)).toList();
        assertTrue(missing.isEmpty(), () -> "declared in the ontology but not completed: " + missing);
        JsonObject prefixes = json.get("prefixes").getAsObject();
        assertEquals(server.base() + "ontology/", prefixes.get("sg").getAsString().value());
        assertEquals("https://schema.org/", prefixes.get("schema").getAsString().value());
        assertTrue(prefixes.hasKey("apf") && prefixes.hasKey("afn") && prefixes.hasKey("text"), prefixes::toString);
    }

    @Test
    void editor_lists_the_functions_the_service_description_lists() {
        Set<String> onPage = new TreeSet<>();
        for (Element code : page.select("#functions .function-list code[title]"))
            onPage.add(code.attr("title"));
        HttpResponse<String> sd = server.get("/sparql", "text/turtle");
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.create().source(new StringReader(sd.body())).lang(Lang.TURTLE).parse(g);
        Set<String> described = new TreeSet<>();
        for (String p : List.of("extensionFunction", "propertyFeature"))
            g.find(Node.ANY, NodeFactory.createURI(SD + p), Node.ANY).forEachRemaining(t -> described.add(t.getObject().getURI()));
        assertTrue(described.size() > 100, described::toString);
        assertEquals(described, onPage);
        assertTrue(page.select("#functions code").eachText().contains("apf:splitIRI"), "apf:splitIRI is not named by its prefix");
    }

    @Test
    void codemirror_is_served_from_the_webjar_and_nothing_else_under_webjars() {
        for (Element script : page.select("script[src]")) {
            String src = script.attr("src");
            assertTrue(src.startsWith("/webjars/codemirror/") || src.equals("/static/editor.js"), src);
            HttpResponse<String> r = server.get(src, "*/*");
            assertEquals(200, r.statusCode(), src);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"), src);
            assertTrue(r.headers().firstValue("Content-Security-Policy").isPresent(), src);
        }
        assertTrue(server.get("/webjars/codemirror/lib/codemirror.js", "*/*").body().contains("CodeMirror"));
        assertTrue(server.get("/webjars/codemirror/LICENSE", "*/*").body().contains("MIT"));
        for (String absent : List.of("/webjars/codemirror/package.json", "/webjars/codemirror/src/codemirror.js",
                                     "/webjars/codemirror/5.65.16/lib/codemirror.js", "/webjars/codemirror/mode/xml/xml.js",
                                     "/webjars/codemirror/../../pom.xml", "/webjars/codemirror/lib/../LICENSE",
                                     "/webjars/codemirror/lib/codemirror.js%00", "/webjars/", "/webjars/codemirror/",
                                     "/static/codemirror.js", "/static/codemirror.css"))
        {
            // 404, or 400 where Jetty itself refuses an ambiguous path, as for /static/ (PathTraversalTest)
            String response = server.rawGet(absent);
            assertTrue(List.of(400, 404).contains(RunningServer.status(response)) && !response.contains("CodeMirror"), () -> absent + "\n" + response);
        }
    }
}
