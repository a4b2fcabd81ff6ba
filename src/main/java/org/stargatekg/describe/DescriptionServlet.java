package org.stargatekg.describe;

import org.stargatekg.http.Responses;

import org.stargatekg.http.Negotiation;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;

/**
 * Serves the dataset's self-description: VoID at {@value DatasetDescriptions#VOID_PATH} (Turtle unless the Accept
 * header asks for JSON-LD, RDF/XML or N-Triples), the dumps under {@code /dump/}, and the Service Description that the
 * front filter hands over for {@code GET /sparql} asking for RDF.
 */
public final class DescriptionServlet extends HttpServlet {

    private record Offer(String mediaType, RDFFormat format) {}

    private static final List<Offer> OFFERS = List.of(
            new Offer("text/turtle", RDFFormat.TURTLE_PRETTY),
            new Offer("application/ld+json", RDFFormat.JSONLD11_PRETTY),
            new Offer("application/rdf+xml", RDFFormat.RDFXML_PRETTY),
            new Offer("application/n-triples", RDFFormat.NTRIPLES));


    private final transient DatasetDescriptions descriptions;
    private final transient Dumps dumps;

    /** A servlet over the descriptions and dumps of one dataset. */
    public DescriptionServlet(DatasetDescriptions descriptions, Dumps dumps) {
        this.descriptions = descriptions;
        this.dumps = dumps;
    }

    /** Whether an Accept header asks for one of the RDF formats a description is offered in (and not for HTML). */
    public static boolean wantsRdf(String accept) {
        if (Negotiation.parse(accept).isEmpty() || Negotiation.quality(Negotiation.parse(accept), "text/html") > 0
            && Negotiation.parse(accept).stream().anyMatch(r -> r.subtype().equals("html")))
            return false;
        return offer(accept) != null;
    }

    /** Answers with the SPARQL Service Description in the negotiated RDF format. */
    public void serviceDescription(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        graph(req, resp, descriptions.serviceGraph());
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        if (path.equals(DatasetDescriptions.VOID_PATH)) {
            graph(req, resp, descriptions.voidGraph());
            return;
        }
        Optional<Dumps.Dump> dump = Dumps.byPath(path);
        if (dump.isEmpty()) {
            send(resp, 404, "text/plain", ("Not found. Dumps: " + Dumps.ALL.stream().map(Dumps.Dump::path).toList() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        resp.setHeader("Content-Disposition", "inline; filename=\"" + name + "\"");
        send(resp, 200, dump.get().mediaType(), dumps.bytes(dump.get()));
    }

    @Override
    protected void doHead(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        doGet(req, resp);
    }

    private static void graph(HttpServletRequest req, HttpServletResponse resp, Graph graph) throws IOException {
        String accept = Negotiation.accept(req);
        Offer offer = Negotiation.parse(accept).isEmpty() ? OFFERS.get(0) : offer(accept);
        if (offer == null) {
            send(resp, 406, "text/plain", ("406 Not Acceptable: offered as "
                    + OFFERS.stream().map(Offer::mediaType).toList() + "\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        StringWriter out = new StringWriter();
        RDFDataMgr.write(out, graph, offer.format());
        resp.setHeader("Vary", "Accept");
        send(resp, 200, offer.mediaType(), out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Offer offer(String accept) {
        String type = Negotiation.choose(accept, OFFERS.stream().map(Offer::mediaType).toList(), null);
        return OFFERS.stream().filter(o -> o.mediaType().equals(type)).findFirst().orElse(null);
    }

    private static void send(HttpServletResponse resp, int status, String type, byte[] body) throws IOException {
        Responses.send(resp, status, type + "; charset=utf-8", body);
    }
}
