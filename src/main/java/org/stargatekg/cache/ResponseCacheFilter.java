package org.stargatekg.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.stargatekg.http.ReplayedBody;

/**
 * Serves repeated reads from a {@link ResponseCache}: GET on any path, and POST to the SPARQL endpoint with a
 * {@code application/sparql-query} or form body. A request is copied for keeping only when it is asked for the second
 * time ({@link ResponseCache#admit}), so it is replayed from the third. Only a response that ended normally with status 200, was written
 * through the output stream and fits the entry limit is kept; an error status, {@code sendError}, a reset, an
 * exception, or a response cut short (a query timeout after the first bytes went out) is passed on and forgotten.
 */
public final class ResponseCacheFilter implements Filter {

    /** Headers that belong to one exchange, never replayed. */
    private static final Set<String> PER_EXCHANGE = Set.of("date", "content-length", "transfer-encoding", "connection",
                                                           "keep-alive", "server", "fuseki-request-id", "set-cookie");

    private final ResponseCache cache;
    private final LongSupplier graphVersion;
    private final String sparqlPath;

    /** A filter over a cache; {@code graphVersion} is part of every key, {@code sparqlPath} is where POST is cached. */
    public ResponseCacheFilter(ResponseCache cache, LongSupplier graphVersion, String sparqlPath) {
        this.cache = cache;
        this.graphVersion = graphVersion;
        this.sparqlPath = sparqlPath;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        HttpServletRequest forward = req;
        ResponseCache.Key key;
        if ("GET".equals(req.getMethod())) {
            key = key(req, req.getQueryString(), null);
        } else if ("POST".equals(req.getMethod()) && sparqlPath.equals(req.getRequestURI()) && req.getContentType() != null) {
            String type = req.getContentType().toLowerCase(Locale.ROOT);
            if (type.startsWith("application/sparql-query")) {
                byte[] body = req.getInputStream().readAllBytes();
                forward = new ReplayedBody(req, body);
                key = key(req, req.getQueryString(), new String(body, StandardCharsets.UTF_8));
            } else if (type.startsWith("application/x-www-form-urlencoded")) {
                // The parsed parameters stay on the request, so Fuseki reads the same ones after us.
                key = key(req, req.getQueryString(), canonical(req.getParameterMap()));
            } else {
                key = null;
            }
        } else {
            key = null;
        }
        if (key == null) {
            chain.doFilter(req, resp);
            return;
        }
        ResponseCache.Entry hit = cache.get(key);
        if (hit != null) {
            replay(hit, resp);
            return;
        }
        if (!cache.admit(key)) {
            chain.doFilter(forward, resp);
            return;
        }
        Capture capture = new Capture(resp, cache.maxEntryBytes());
        boolean completed = false;
        try {
            chain.doFilter(forward, capture);
            completed = true;
        } finally {
            if (completed && capture.cacheable())
                cache.put(key, capture.entry());
        }
    }

    private ResponseCache.Key key(HttpServletRequest req, String query, String body) {
        return new ResponseCache.Key(graphVersion.getAsLong(), req.getMethod(), req.getRequestURI(), query, body,
                                     body == null ? null : req.getContentType(), allLines(req, "Accept"), allLines(req, "Origin"));
    }

    /**
     * Every line of a header, in order, or null when there is none: content negotiation (Fuseki's among them) reads
     * all the Accept lines, so a key made of the first one alone let one client's answer be replayed to another.
     */
    static String allLines(HttpServletRequest req, String header) {
        java.util.Enumeration<String> lines = req.getHeaders(header);
        if (lines == null || !lines.hasMoreElements())
            return null;
        StringBuilder sb = new StringBuilder(lines.nextElement());
        while (lines.hasMoreElements())
            sb.append('\n').append(lines.nextElement());
        return sb.toString();
    }

    private static String canonical(Map<String, String[]> params) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(params).forEach((name, values) -> {
            for (String v : values)
                sb.append(name.length()).append(':').append(name).append('=').append(v.length()).append(':').append(v).append('&');
        });
        return sb.toString();
    }

    private static void replay(ResponseCache.Entry hit, HttpServletResponse resp) throws IOException {
        resp.setStatus(200);
        Set<String> seen = new java.util.HashSet<>();
        for (Map.Entry<String, String> h : hit.headers()) {
            // A filter before this one may have set the same header already; set replaces it, add keeps repeats.
            if (seen.add(h.getKey()))
                resp.setHeader(h.getKey(), h.getValue());
            else
                resp.addHeader(h.getKey(), h.getValue());
        }
        if (hit.contentType() != null)
            resp.setContentType(hit.contentType());
        resp.setContentLength(hit.body().length);
        resp.getOutputStream().write(hit.body());
    }

    /** Passes a response through while keeping a copy of what was written, and notes anything that makes it uncacheable. */
    private static final class Capture extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
        private final int limit;
        private boolean spoiled;
        private ServletOutputStream out;

        Capture(HttpServletResponse resp, int limit) {
            super(resp);
            this.limit = limit;
        }

        boolean cacheable() {
            HttpServletResponse r = (HttpServletResponse) getResponse();
            return !spoiled && out != null && r.getStatus() == 200 && !r.containsHeader("Set-Cookie");
        }

        ResponseCache.Entry entry() {
            HttpServletResponse r = (HttpServletResponse) getResponse();
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            Collection<String> names = r.getHeaderNames();
            for (String name : Set.copyOf(names)) {
                String lower = name.toLowerCase(Locale.ROOT);
                if (PER_EXCHANGE.contains(lower) || lower.equals("content-type"))
                    continue;
                for (String v : r.getHeaders(name))
                    headers.add(Map.entry(name, v));
            }
            return new ResponseCache.Entry(r.getContentType(), List.copyOf(headers), copy.toByteArray());
        }

        @Override
        public void setStatus(int sc) {
            // A status set after the answer started (Fuseki's 503 when a streaming query times out) cannot reach the
            // client any more, but it says the answer was cut short: never keep it.
            if (sc != HttpServletResponse.SC_OK)
                spoiled = true;
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            spoiled = true;
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            spoiled = true;
            super.sendError(sc);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            spoiled = true;
            super.sendRedirect(location);
        }

        @Override
        public void reset() {
            spoiled = true;
            super.reset();
        }

        @Override
        public void resetBuffer() {
            spoiled = true;
            super.resetBuffer();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            // Text written through a writer is not copied; such a response is served but not kept.
            spoiled = true;
            return super.getWriter();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (out == null) {
                ServletOutputStream real = super.getOutputStream();
                out = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        real.write(b);
                        keep(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        try {
                            real.write(b, off, len);
                        } catch (IOException | RuntimeException ex) {
                            spoiled = true;
                            throw ex;
                        }
                        keep(b, off, len);
                    }

                    @Override
                    public void flush() throws IOException {
                        real.flush();
                    }

                    @Override
                    public void close() throws IOException {
                        real.close();
                    }

                    @Override
                    public boolean isReady() {
                        return real.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        spoiled = true;
                        real.setWriteListener(listener);
                    }
                };
            }
            return out;
        }

        private void keep(byte[] b, int off, int len) {
            if (spoiled)
                return;
            if (copy.size() + len > limit) {
                spoiled = true;
                copy.reset();
                return;
            }
            copy.write(b, off, len);
        }
    }
}
