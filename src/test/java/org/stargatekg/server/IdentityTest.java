package org.stargatekg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.stargatekg.describe.Dumps;
import org.stargatekg.support.RunningServer;
import org.stargatekg.vocab.Namespaces;
import org.stargatekg.vocab.SG;

/** Two servers on two ports publish one graph: the same IRIs, dumps and answers, whatever address each listens on. */
class IdentityTest {

    private static final String MUSK = Namespaces.STANDARD + "id/elon-musk";

    @RegisterExtension
    static final RunningServer one = RunningServer.extension();

    @RegisterExtension
    static final RunningServer two = RunningServer.extension();

    @Test
    void the_two_servers_listen_on_two_ports() {
        assertNotEquals(one.port(), two.port());
    }

    @Test
    void dumps_served_on_two_ports_are_byte_identical_and_name_no_address() {
        for (Dumps.Dump d : Dumps.ALL) {
            HttpResponse<String> a = one.get(d.path(), d.mediaType());
            HttpResponse<String> b = two.get(d.path(), d.mediaType());
            assertEquals(200, a.statusCode(), d::path);
            assertEquals(a.body(), b.body(), () -> d.path() + " differs between ports " + one.port() + " and " + two.port());
            assertTrue(mentions(a.body(), d.mediaType(), MUSK), d::path);
            assertFalse(a.body().contains("localhost") || a.body().contains("127.0.0.1"), () -> d.path() + " names an address");
        }
    }

    /** Whether an RDF document, parsed, has the IRI as the subject or object of some quad. */
    private static boolean mentions(String body, String mediaType, String iri) {
        DatasetGraph dsg = DatasetGraphFactory.create();
        RDFParser.fromString(body, RDFLanguages.contentTypeToLang(mediaType)).parse(dsg);
        Node n = NodeFactory.createURI(iri);
        return dsg.find(Node.ANY, n, Node.ANY, Node.ANY).hasNext() || dsg.find(Node.ANY, Node.ANY, Node.ANY, n).hasNext();
    }

    @Test
    void sparql_answers_are_identical_on_two_ports() {
        assertEquals(one.quadChecksum(), two.quadChecksum());
        String q = "SELECT ?p ?o WHERE { <" + MUSK + "> ?p ?o } ORDER BY ?p ?o";
        assertEquals(one.query(q, "text/csv").body(), two.query(q, "text/csv").body());
        assertTrue(one.query(q, "text/csv").body().contains(SG.NS), "the answer uses the ontology's permanent terms");
    }

    @Test
    void an_address_describes_the_permanent_iri_in_every_rdf_format() {
        for (String type : List.of("text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml")) {
            HttpResponse<String> a = one.get("/id/elon-musk", type);
            assertEquals(200, a.statusCode(), type);
            assertTrue(mentions(a.body(), type, MUSK), () -> type + "\n" + a.body());
            assertFalse(a.body().contains("localhost") || a.body().contains("127.0.0.1"), () -> type + " names an address\n" + a.body());
            assertEquals(a.body(), two.get("/id/elon-musk", type).body(), type);
        }
        HttpResponse<String> term = one.get("/ontology/speaker", "application/n-triples");
        assertTrue(term.body().contains("<" + SG.speaker.getURI() + ">"), term::body);
    }

    @Test
    void pages_link_to_local_addresses_and_show_the_permanent_iri() {
        HttpResponse<String> page = one.get("/id/elon-musk", "text/html");
        Document doc = Jsoup.parse(page.body());
        assertTrue(doc.select("a[href]").stream().anyMatch(a -> a.attr("href").startsWith("/id/")), "no local links");
        assertTrue(doc.select("a[href]").stream().noneMatch(a -> a.attr("href").startsWith(Namespaces.STANDARD)),
                   () -> "a link leaves this server for an IRI of ours:\n" + doc.select("a[href^=" + Namespaces.STANDARD + "]"));
        assertTrue(page.body().contains(MUSK), "the page shows the permanent IRI");
        assertTrue(page.headers().firstValue("Link").orElse("").contains("</id/elon-musk.ttl>"), page.headers()::toString);
    }

    @Test
    void a_permanent_iri_is_looked_up_by_its_uri_parameter() {
        HttpResponse<String> found = one.get("/resource?uri=" + RunningServer.encode(MUSK), "text/html");
        assertEquals(303, found.statusCode());
        assertEquals("/id/elon-musk", found.headers().firstValue("Location").orElse(""));
        HttpResponse<String> term = one.get("/resource?uri=" + RunningServer.encode(SG.speaker.getURI()), "text/turtle");
        assertEquals("/ontology/speaker", term.headers().firstValue("Location").orElse(""));
        assertEquals(404, one.get("/resource?uri=" + RunningServer.encode(Namespaces.STANDARD + "id/nobody"), "text/html").statusCode());
        assertEquals(404, one.get("/resource?uri=" + RunningServer.encode("http://example.org/id/elon-musk"), "text/html").statusCode());
        assertEquals(400, one.get("/resource", "text/html").statusCode());
    }
}
