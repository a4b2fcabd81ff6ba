package org.stargatekg.limits;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
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
                forward = new ReadAgain(req, body);
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

    /** A request whose body was read here, offered again to the next in the chain. */
    static final class ReadAgain extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadAgain(HttpServletRequest req, byte[] body) {
            super(req);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("blocking reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String enc = getCharacterEncoding() != null ? getCharacterEncoding() : "UTF-8";
            return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(enc)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
