package org.stargatekg.guard;

import org.stargatekg.http.Responses;

import org.stargatekg.http.ReplayedBody;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code 400} to a SPARQL query nested deeper than {@link Limits#maxQueryDepth()}, or using one of ARQ's path
 * forms beyond SPARQL 1.1 (see {@link QueryShape}),
 * with one line in the log and no stack trace, before Jena would overflow a thread's stack on it.
 */
public final class QueryDepthFilter extends HttpFilter {

    private static final Logger LOG = LoggerFactory.getLogger(QueryDepthFilter.class);

    private final int maxDepth;

    /** A filter for the query endpoint's path. */
    public QueryDepthFilter(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain) throws IOException, ServletException {
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
            chain.doFilter(req, resp);
            return;
        }
        String reason = query == null ? null : QueryShape.tooDeep(query, maxDepth);
        String heading = "Query too complex: ";
        if (reason == null && query != null) {
            reason = QueryShape.nonStandardPath(query);
            heading = "Query refused: ";
        }
        if (reason == null) {
            chain.doFilter(forward, resp);
            return;
        }
        LOG.warn("Refused a query of {} characters: {}", query.length(), reason);
        Responses.text(resp, HttpServletResponse.SC_BAD_REQUEST, heading + reason + "\n");
    }
}
