package org.stargatekg.limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code 400} to a SPARQL query nested deeper than {@link Limits#maxQueryDepth()} (see {@link QueryShape}),
 * with one line in the log and no stack trace, before Jena would overflow a thread's stack on it.
 */
public final class QueryDepthFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(QueryDepthFilter.class);

    private final int maxDepth;
    private final String sparqlPath;

    /** A filter for the queries at {@code sparqlPath}. */
    public QueryDepthFilter(int maxDepth, String sparqlPath) {
        this.maxDepth = maxDepth;
        this.sparqlPath = sparqlPath;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        if (!sparqlPath.equals(req.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletRequest forward = req;
        String query;
        String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
        try {
            if ("POST".equals(req.getMethod()) && type.startsWith("application/sparql-query")) {
                byte[] body = req.getInputStream().readAllBytes();
                forward = new ReplayedBody(req, body);
                query = new String(body, StandardCharsets.UTF_8);
            } else {
                query = req.getParameter("query");
            }
        } catch (RuntimeException malformed) {
            // Bad percent-encoding and the like are answered further on.
            chain.doFilter(request, response);
            return;
        }
        String reason = query == null ? null : QueryShape.tooDeep(query, maxDepth);
        if (reason == null) {
            chain.doFilter(forward, response);
            return;
        }
        LOG.warn("Refused a query of {} characters: {}", query.length(), reason);
        byte[] message = ("Query too complex: " + reason + "\n").getBytes(StandardCharsets.UTF_8);
        HttpServletResponse resp = (HttpServletResponse) response;
        resp.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        resp.setContentType("text/plain; charset=utf-8");
        resp.setContentLength(message.length);
        resp.getOutputStream().write(message);
    }
}
