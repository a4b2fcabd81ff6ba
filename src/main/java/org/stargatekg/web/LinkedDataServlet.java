package org.stargatekg.web;

import org.stargatekg.http.Responses;

import org.stargatekg.vocab.IriText;

import org.stargatekg.http.Negotiation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
import org.stargatekg.vocab.AddressMap;
import org.stargatekg.describe.Dumps;
import org.stargatekg.describe.ExtensionFunctions;

/**
 * Answers every IRI we mint, in the manner of W3C "Cool URIs for the Semantic Web": content negotiation between HTML
 * and RDF with {@code Vary: Accept}, suffix URLs ({@code .ttl}, {@code .jsonld}, {@code .rdf}, {@code .nt}, {@code .trig},
 * {@code .nq}, {@code .html}) that always give their format, {@code Link} headers to the alternates, 406 for an
 * unsupported type and a 404 page for an unknown IRI. Also serves the home page, the graph view and static files.
 */
public final class LinkedDataServlet extends HttpServlet {

    /** The formats a resource is offered in, HTML first so that browsers get pages. */
    public static final List<Format> FORMATS = List.of(
            new Format("HTML", "text/html", ".html"),
            new Format("Turtle", "text/turtle", ".ttl"),
            new Format("JSON-LD", "application/ld+json", ".jsonld"),
            new Format("RDF/XML", "application/rdf+xml", ".rdf"),
            new Format("N-Triples", "application/n-triples", ".nt"),
            new Format("TriG", "application/trig", ".trig"),
            new Format("N-Quads", "application/n-quads", ".nq"));

    /** Where a permanent IRI is looked up: {@code /resource?uri=IRI}. */
    public static final String LOOKUP_PATH = "/resource";

    private static final Pattern STATIC_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*\\.(css|js|svg|txt)");

    private final transient Site site;
    private final transient Templates templates;
    private final transient List<Examples.Example> examples;
    private final transient Downloads downloads;
    private final transient ExtensionFunctions functions;

    /** A servlet over the site's dataset, linking the given dumps and listing the given extension functions in the editor. */
    public LinkedDataServlet(Site site, Dumps dumps, ExtensionFunctions functions) {
        this.site = site;
        this.templates = new Templates(site);
        this.examples = Examples.shipped();
        this.downloads = new Downloads(dumps);
        this.functions = functions;
    }

    /** The SPARQL editor page: our prefixes filled in, the competency questions as examples, completions, extension functions. */
    public void editor(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        EditorPage page = Txn.calculateRead(site.dataset(), () -> new EditorPages(site, functions).page(examples));
        html(resp, 200, "editor.jte", Map.of("page", page));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        if (path.startsWith("/static/")) {
            serveStatic(path.substring("/static/".length()), resp);
            return;
        }
        if (path.startsWith(WebJars.PREFIX)) {
            WebJars.serve(path.substring(WebJars.PREFIX.length()), resp);
            return;
        }
        if (path.equals("/")) {
            if (negotiate(req, null) == null || !"text/html".equals(negotiate(req, null).mediaType())) {
                notAcceptable(resp);
                return;
            }
            html(resp, 200, "home.jte", Map.of("page", Txn.calculateRead(site.dataset(), () -> new HomePages(site, new ResourcePages(site)).page()),
                                               "downloads", downloads.all()));
            return;
        }
        if (path.equals("/explore")) {
            explore(req, resp);
            return;
        }
        if (path.equals(LOOKUP_PATH)) {
            lookup(req, resp);
            return;
        }
        if (path.equals(SyntaxCheck.PATH)) {
            SyntaxCheck.answer(req, resp);
            return;
        }
        resource(path, req, resp);
    }

    @Override
    protected void doHead(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        doGet(req, resp);
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
        Format asked = negotiate(req, null);
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
            notFound(req, resp, target.getURI());
            return;
        }
        Format format = forced != null ? forced : asked;
        if (format == null) {
            notAcceptable(resp);
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
            html(resp, 200, page.template(), graph ? Map.of("page", page.model(), "downloads", downloads.all()) : Map.of("page", page.model()));
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

    /**
     * Resolves a permanent IRI given as {@code ?uri=}: 303 to its local address when it is ours and in the data, so that
     * a client holding only the IRI (from a dump, say) reaches its description here; 404 otherwise.
     */
    private void lookup(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String iri = req.getParameter("uri");
        if (iri == null || iri.isBlank()) {
            text(resp, 400, "Give the IRI to look up: " + LOOKUP_PATH + "?uri=IRI\n");
            return;
        }
        String local = site.addresses().path(iri);
        // An IRI no query can name (a space, '>', '}') is in no store: asked of an external store it was a 500.
        if (local == null || !IriText.writable(iri)) {
            notFound(req, resp, iri);
            return;
        }
        Node node = NodeFactory.createURI(iri);
        if (!Txn.calculateRead(site.dataset(), () -> site.exists(node))) {
            notFound(req, resp, iri);
            return;
        }
        resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
        resp.setHeader("Location", local);
        resp.setContentLength(0);
    }

    /** The graph view, read in one transaction: the node's neighbourhood fetched first, then its existence and layout. */
    private void explore(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        DatasetGraph dsg = site.dataset();
        dsg.begin(ReadWrite.READ);
        try {
            String given = req.getParameter("iri");
            String iri = given == null || given.isBlank() ? site.mainTopic() : given;
            Node node = NodeFactory.createURI(iri);
            site.prefetch(Reads.GRAPH_VIEW, node);
            if (!site.exists(node)) {
                notFound(req, resp, iri);
                return;
            }
            ExplorePage page = new ExplorePages(site, new ResourcePages(site)).page(node, "1".equals(req.getParameter("records")));
            html(resp, 200, "explore.jte", Map.of("page", page));
        } finally {
            dsg.end();
        }
    }

    private void notFound(HttpServletRequest req, HttpServletResponse resp, String iri) throws IOException {
        Format f = negotiate(req, null);
        if (f != null && f.mediaType().equals("text/html")) {
            List<Link> nearest = Txn.calculateRead(site.dataset(), () -> new Nearest(site).to(iri));
            html(resp, 404, "notfound.jte", Map.of("iri", iri, "nearest", nearest, "namespace", site.namespaces().namespace(),
                                                   "lookup", LOOKUP_PATH));
        } else {
            text(resp, 404, "Not found: no resource " + iri + " in this dataset.\n");
        }
    }

    private void notAcceptable(HttpServletResponse resp) throws IOException {
        StringBuilder sb = new StringBuilder("406 Not Acceptable: this resource is available as ");
        for (Format f : FORMATS)
            sb.append(f.mediaType()).append(f == FORMATS.get(FORMATS.size() - 1) ? ".\n" : ", ");
        text(resp, 406, sb.toString());
    }

    /** The format the Accept header prefers among ours, or null when it accepts none of them. */
    static Format negotiate(HttpServletRequest req, String fallback) {
        String accept = Negotiation.accept(req);
        if (accept == null)
            accept = fallback != null ? fallback : "*/*";
        String type = Negotiation.choose(accept, FORMATS.stream().map(Format::mediaType).toList(), null);
        return FORMATS.stream().filter(f -> f.mediaType().equals(type)).findFirst().orElse(null);
    }

    private void html(HttpServletResponse resp, int status, String template, Map<String, Object> params) throws IOException {
        Responses.send(resp, status, "text/html; charset=utf-8", templates.render(template, params));
    }

    private static void text(HttpServletResponse resp, int status, String message) throws IOException {
        Responses.text(resp, status, message);
    }

    private void serveStatic(String name, HttpServletResponse resp) throws IOException {
        if (!STATIC_NAME.matcher(name).matches()) {
            text(resp, 404, "Not found\n");
            return;
        }
        try (InputStream in = LinkedDataServlet.class.getClassLoader().getResourceAsStream("web/static/" + name)) {
            if (in == null) {
                text(resp, 404, "Not found\n");
                return;
            }
            byte[] body = in.readAllBytes();
            String type = name.endsWith(".css") ? "text/css" : name.endsWith(".js") ? "text/javascript"
                    : name.endsWith(".txt") ? "text/plain" : "image/svg+xml";
            resp.setStatus(200);
            resp.setContentType(type + "; charset=utf-8");
            resp.setHeader("Cache-Control", "public, max-age=3600");
            resp.setContentLength(body.length);
            try (OutputStream out = resp.getOutputStream()) {
                out.write(body);
            }
        }
    }
}
