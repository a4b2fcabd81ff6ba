package org.stargatekg.web;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.stargatekg.backend.Reads;
import org.stargatekg.http.Responses;
import org.stargatekg.vocab.AddressMap;

/**
 * Answers every IRI we mint, in the manner of W3C "Cool URIs for the Semantic Web": content negotiation between HTML
 * and RDF with {@code Vary: Accept}, suffix URLs ({@code .ttl}, {@code .jsonld}, {@code .rdf}, {@code .nt}, {@code .trig},
 * {@code .nq}, {@code .html}) that always give their format, {@code Link} headers to the alternates, 406 for an
 * unsupported type and a 404 page for an unknown IRI. Every other path has its own servlet ({@link WebRoutes}).
 */
public final class LinkedDataServlet extends HttpServlet {

    /** The formats a resource is offered in, HTML first so that browsers get pages. */
    public static final List<Format> FORMATS = PageAnswers.FORMATS;

    private final transient PageAnswers answers;
    private final transient Site site;

    LinkedDataServlet(PageAnswers answers) {
        this.answers = answers;
        this.site = answers.site;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resource(req.getRequestURI(), req, resp);
    }

    /**
     * One read transaction for the whole answer, so that what is fetched to tell whether the resource exists serves
     * the page too; before each lookup the backend hears what the answer will read ({@link Reads}).
     */
    private void resource(String path, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        DatasetGraph dsg = site.dataset();
        dsg.begin(ReadWrite.READ);
        try {
            resourceRead(path, req, resp);
        } finally {
            dsg.end();
        }
    }

    private void resourceRead(String path, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        AddressMap addresses = site.addresses();
        Format forced = null;
        Node requested = NodeFactory.createURI(addresses.iri(path));
        Node target = requested;
        Format asked = PageAnswers.negotiate(req);
        site.prefetch(reads(requested, asked), requested);
        boolean exists = site.exists(requested);
        if (!exists) {
            for (Format f : FORMATS) {
                if (path.endsWith(f.suffix())) {
                    Node stripped = NodeFactory.createURI(addresses.iri(path.substring(0, path.length() - f.suffix().length())));
                    site.prefetch(reads(stripped, f), stripped);
                    if (site.exists(stripped)) {
                        forced = f;
                        target = stripped;
                        exists = true;
                    }
                    break;
                }
            }
        }
        if (!exists) {
            answers.notFound(req, resp, target.getURI());
            return;
        }
        Format format = forced != null ? forced : asked;
        if (format == null) {
            PageAnswers.notAcceptable(resp);
            return;
        }
        resp.setHeader("Vary", "Accept");
        StringBuilder links = new StringBuilder();
        for (Format f : FORMATS) {
            if (links.length() > 0)
                links.append(", ");
            links.append('<').append(addresses.path(target.getURI())).append(f.suffix()).append(">; rel=\"alternate\"; type=\"")
                 .append(f.mediaType()).append('"');
        }
        resp.setHeader("Link", links.toString());
        if (forced == null)
            resp.setHeader("Content-Location", addresses.path(target.getURI()) + format.suffix());
        final Node resource = target;
        if (format.mediaType().equals("text/html")) {
            // Inside the answer's read transaction (see resource): the page and whether it is a graph read it alike.
            Page page = htmlPage(resource, req.getParameter("focus"));
            boolean graph = page.template().equals("resource.jte") && site.dataset().containsGraph(resource);
            answers.html(resp, 200, page.template(), graph ? Map.of("page", page.model(), "downloads", answers.downloads.all()) : Map.of("page", page.model()));
            return;
        }
        rdf(resp, format, resource);
    }

    /** What answering a node in a format will read: its HTML page (an article's view, a resource's page) or its RDF. */
    private Reads reads(Node node, Format format) {
        if (format == null || !format.mediaType().equals("text/html"))
            return Reads.DESCRIPTION;
        return site.articleText(node) != null ? Reads.ARTICLE_PAGE : Reads.RESOURCE_PAGE;
    }

    /** Which template and model render a node: the ontology, an article, or the generic resource page. */
    private Page htmlPage(Node node, String focus) {
        ResourcePages pages = new ResourcePages(site);
        OntologyPages ontology = new OntologyPages(site, pages);
        if (ontology.isOntology(node))
            return new Page("ontology.jte", ontology.page());
        ArticlePages articles = new ArticlePages(site, pages);
        if (articles.isArticle(node))
            return new Page("article.jte", articles.page(node, focus));
        return new Page("resource.jte", pages.page(node, FORMATS));
    }

    private record Page(String template, Object model) {}

    private void rdf(HttpServletResponse resp, Format format, Node node) throws IOException {
        Descriptions descriptions = new Descriptions(site);
        StringWriter out = new StringWriter();
        Txn.executeRead(site.dataset(), () -> {
            switch (format.suffix()) {
                case ".ttl" -> RDFDataMgr.write(out, descriptions.graph(node), RDFFormat.TURTLE_PRETTY);
                case ".jsonld" -> RDFDataMgr.write(out, descriptions.graph(node), RDFFormat.JSONLD11_PRETTY);
                case ".rdf" -> RDFDataMgr.write(out, descriptions.graph(node), RDFFormat.RDFXML_PRETTY);
                case ".nt" -> RDFDataMgr.write(out, descriptions.graph(node), RDFFormat.NTRIPLES);
                case ".trig" -> RDFDataMgr.write(out, descriptions.quads(node), RDFFormat.TRIG_PRETTY);
                case ".nq" -> RDFDataMgr.write(out, descriptions.quads(node), RDFFormat.NQUADS);
                default -> throw new IllegalStateException("no writer for " + format);
            }
        });
        Responses.send(resp, 200, format.mediaType() + "; charset=utf-8", out.toString());
    }
}
