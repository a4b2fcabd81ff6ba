package org.stargatekg.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.stargatekg.describe.DatasetDescriptions;
import org.stargatekg.describe.DescriptionServlet;

/**
 * Sits in front of Fuseki: sets the security headers on every response, passes the SPARQL and Graph Store paths on
 * to Fuseki, answers {@code GET /sparql} without a query with the editor (browsers) or the Service Description (RDF),
 * sends {@code /search} to the search, {@code /.well-known/void} and {@code /dump/…} to the self-description, and hands
 * every other path (the home page and all our IRIs) to the linked-data pages.
 */
public final class FrontFilter implements Filter {

    private final LinkedDataServlet pages;
    private final SearchServlet search;
    private final DescriptionServlet description;
    private final Set<String> fusekiPaths;

    /** A filter that sends the given exact paths (and "/$/…") to Fuseki, search and description paths to theirs, all others to {@code pages}. */
    public FrontFilter(LinkedDataServlet pages, SearchServlet search, DescriptionServlet description, Set<String> fusekiPaths) {
        this.pages = pages;
        this.search = search;
        this.description = description;
        this.fusekiPaths = Set.copyOf(fusekiPaths);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        if (req.getHeader("Transfer-Encoding") != null) {
            // A chunked body has no length to check up front, and one cut off at the size limit while Fuseki reads it
            // would come out as a 500. So read it here (the size limit stops the read past 1 MiB), then ask for a
            // length; reading first keeps the answer from racing a client that is still sending.
            try {
                req.getInputStream().transferTo(OutputStream.nullOutputStream());
            } catch (IOException | RuntimeException tooLarge) {
                resp.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "A request body may not exceed 1 MiB");
                return;
            }
            resp.sendError(HttpServletResponse.SC_LENGTH_REQUIRED, "A request body must come with Content-Length");
            return;
        }
        String path = req.getRequestURI();
        if (path.equals("/sparql") && isRead(req) && req.getQueryString() == null) {
            if (wantsPage(req)) {
                pages.editor(req, resp);
                return;
            }
            if (DescriptionServlet.wantsRdf(req.getHeader("Accept"))) {
                description.serviceDescription(req, resp);
                return;
            }
        }
        if (path.equals("/search")) {
            search.service(req, resp);
            return;
        }
        if (path.equals(DatasetDescriptions.VOID_PATH) || path.startsWith("/dump/")) {
            description.service(req, resp);
            return;
        }
        if (fusekiPaths.contains(path) || path.startsWith("/$/")) {
            if (!parametersDecode(req)) {
                resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "Malformed query string or form: bad percent-encoding");
                return;
            }
            if (path.equals("/sparql") && !QueryAccept.acceptable(req)) {
                QueryAccept.refuse(resp);
                return;
            }
            chain.doFilter(request, new JettyCountedLength(resp));
            return;
        }
        pages.service(req, resp);
    }

    /**
     * Drops the Content-Length Fuseki sets, so Jetty counts the bytes itself. Fuseki 5.6 writes its plain-text error
     * messages with a length counted in characters ({@code ServletOps.writeMessagePlainText}), so a message that
     * echoes a non-ASCII character of a bad query overflows it and the client gets a 500 instead of the 400.
     */
    private static final class JettyCountedLength extends HttpServletResponseWrapper {

        JettyCountedLength(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setContentLength(int len) {
            // Jetty sets the length itself when the body fits its buffer, and chunks it otherwise.
        }

        @Override
        public void setContentLengthLong(long len) {
            // as above
        }
    }

    /** Whether the parameters decode; Fuseki would meet Jetty's complaint about a bad "%zz" as an internal error, a 500. */
    private static boolean parametersDecode(HttpServletRequest req) {
        try {
            req.getParameterMap();
            return true;
        } catch (RuntimeException ex) {
            return false;
        }
    }

    private static boolean isRead(HttpServletRequest req) {
        return "GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod());
    }

    /** Whether a browser asks: the Accept header prefers HTML to query results. */
    private static boolean wantsPage(HttpServletRequest req) {
        Format f = LinkedDataServlet.negotiate(req, "application/sparql-results+json");
        String accept = req.getHeader("Accept");
        return f != null && f.mediaType().equals("text/html") && accept != null && accept.contains("text/html");
    }
}
