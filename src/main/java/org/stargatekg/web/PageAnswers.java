package org.stargatekg.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.system.Txn;
import org.stargatekg.http.Negotiation;
import org.stargatekg.http.Responses;

/** The answers every page servlet shares: HTML from a template, the 404 page with the nearest resources, and 406 naming our formats. */
final class PageAnswers {

    /** The formats a resource is offered in, HTML first so that browsers get pages. */
    static final List<Format> FORMATS = List.of(
            new Format("HTML", "text/html", ".html"),
            new Format("Turtle", "text/turtle", ".ttl"),
            new Format("JSON-LD", "application/ld+json", ".jsonld"),
            new Format("RDF/XML", "application/rdf+xml", ".rdf"),
            new Format("N-Triples", "application/n-triples", ".nt"),
            new Format("TriG", "application/trig", ".trig"),
            new Format("N-Quads", "application/n-quads", ".nq"));

    final Site site;
    final Templates templates;
    final Downloads downloads;

    PageAnswers(Site site, Downloads downloads) {
        this.site = site;
        this.templates = new Templates(site);
        this.downloads = downloads;
    }

    /** The format the Accept header prefers among ours, or null when it accepts none of them. */
    static Format negotiate(HttpServletRequest req) {
        String accept = Negotiation.accept(req);
        String type = Negotiation.choose(accept == null ? "*/*" : accept, FORMATS.stream().map(Format::mediaType).toList(), null);
        return FORMATS.stream().filter(f -> f.mediaType().equals(type)).findFirst().orElse(null);
    }

    /** Whether the request accepts HTML before every other format of ours. */
    static boolean wantsHtml(HttpServletRequest req) {
        Format f = negotiate(req);
        return f != null && f.mediaType().equals("text/html");
    }

    void html(HttpServletResponse resp, int status, String template, Map<String, Object> params) throws IOException {
        Responses.send(resp, status, "text/html; charset=utf-8", templates.render(template, params));
    }

    /** 404: a page naming the nearest resources for browsers, one line of text for everyone else. */
    void notFound(HttpServletRequest req, HttpServletResponse resp, String iri) throws IOException {
        if (wantsHtml(req)) {
            List<Link> nearest = Txn.calculateRead(site.dataset(), () -> new Nearest(site).to(iri));
            html(resp, 404, "notfound.jte", Map.of("iri", iri, "nearest", nearest, "namespace", site.namespaces().namespace(),
                                                   "lookup", LookupServlet.PATH));
        } else {
            Responses.text(resp, 404, "Not found: no resource " + iri + " in this dataset.\n");
        }
    }

    /** 406, naming the formats on offer. */
    static void notAcceptable(HttpServletResponse resp) throws IOException {
        StringBuilder sb = new StringBuilder("406 Not Acceptable: this resource is available as ");
        for (Format f : FORMATS)
            sb.append(f.mediaType()).append(f == FORMATS.get(FORMATS.size() - 1) ? ".\n" : ", ");
        Responses.text(resp, 406, sb.toString());
    }
}
