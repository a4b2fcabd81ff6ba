package org.stargatekg.ops;

import org.stargatekg.http.Responses;

import java.io.IOException;

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
 * The outermost filter: answers {@code /$/ping} and {@code /$/metrics}, adds CORS headers (and answers preflight
 * requests) so that browser tools on other origins can query and fetch RDF, and times every request for the metrics
 * and the access log (one line per request on the {@code org.stargatekg.access} logger).
 */
public final class OpsFilter implements Filter {

    /** Health check path. */
    public static final String PING_PATH = "/$/ping";

    /** Prometheus metrics path. */
    public static final String METRICS_PATH = "/$/metrics";

    /** The longest query string the access log keeps. */
    static final int MAX_LOGGED_QUERY = 200;

    private static final Logger ACCESS = LoggerFactory.getLogger("org.stargatekg.access");

    private final Metrics metrics;

    /** A filter recording into the given metrics. */
    public OpsFilter(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        long start = System.nanoTime();
        String path = req.getRequestURI();
        try {
            if (Cors.apply(req, resp))
                return;
            boolean read = "GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod());
            if (path.equals(PING_PATH) && read) {
                text(resp, "text/plain; charset=utf-8", "OK\n");
            } else if (path.equals(METRICS_PATH) && read) {
                text(resp, Metrics.CONTENT_TYPE, metrics.scrape());
            } else {
                chain.doFilter(request, response);
            }
        } finally {
            long nanos = System.nanoTime() - start;
            int status = resp.getStatus();
            metrics.record(endpoint(path), status, nanos);
            if (ACCESS.isInfoEnabled())
                ACCESS.info("{} {} {} {} ms", req.getMethod(), loggedTarget(path, req.getQueryString()), status, nanos / 1_000_000);
        }
    }

    /** The endpoint a path belongs to, as the metrics label it. */
    static String endpoint(String path) {
        if (path.equals("/sparql"))
            return "sparql";
        if (path.equals("/data"))
            return "gsp";
        if (path.equals("/search"))
            return "search";
        if (path.startsWith("/static/") || path.startsWith("/webjars/"))
            return "static";
        if (path.startsWith("/dump/"))
            return "dump";
        if (path.startsWith("/.well-known/"))
            return "describe";
        if (path.startsWith("/$/"))
            return "ops";
        return "pages";
    }

    /** The path plus at most {@value #MAX_LOGGED_QUERY} characters of the query string. */
    static String loggedTarget(String path, String query) {
        if (query == null)
            return path;
        return path + "?" + (query.length() > MAX_LOGGED_QUERY ? query.substring(0, MAX_LOGGED_QUERY) + "…" : query);
    }

    private static void text(HttpServletResponse resp, String type, String text) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        Responses.send(resp, 200, type, text);
    }
}
