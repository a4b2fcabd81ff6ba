package org.stargatekg.guard;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Makes Fuseki's {@code timeout} parameter mean what it says. Fuseki takes the smaller of the server's and the client's
 * value for each of its two timeouts (to the first row, and overall), but Jena arms the overall one only once the first
 * row is out: {@code timeout=1} (overall 1 s, first row unset) still waited the server's full first-row timeout.
 * So a single value N is passed on as "N,N", and the first-row value is never more than the overall one.
 */
public final class TimeoutParameter implements Filter {

    private static final String NAME = "timeout";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        String value;
        try {
            value = req.getParameter(NAME);
        } catch (RuntimeException malformed) {
            chain.doFilter(request, response);
            return;
        }
        String normal = value == null ? null : normalize(value);
        chain.doFilter(normal == null || normal.equals(value) ? request : new Normalized(req, normal), response);
    }

    /** "N" as "N,N"; "A,B" as "min(A,B),B" when both are positive; anything else as it is (Fuseki ignores it). */
    static String normalize(String value) {
        String v = value.strip();
        try {
            if (!v.contains(","))
                return Long.parseLong(v) + "," + Long.parseLong(v);
            String[] parts = v.split(",", -1);
            if (parts.length != 2)
                return value;
            long first = Long.parseLong(parts[0].strip());
            long overall = Long.parseLong(parts[1].strip());
            return (overall > 0 && (first <= 0 || first > overall) ? overall : first) + "," + overall;
        } catch (NumberFormatException ex) {
            return value;
        }
    }

    /** The request with its timeout parameter replaced. */
    private static final class Normalized extends HttpServletRequestWrapper {
        private final String timeout;

        Normalized(HttpServletRequest request, String timeout) {
            super(request);
            this.timeout = timeout;
        }

        @Override
        public String getParameter(String name) {
            return NAME.equals(name) ? timeout : super.getParameter(name);
        }

        @Override
        public String[] getParameterValues(String name) {
            return NAME.equals(name) ? new String[] {timeout} : super.getParameterValues(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> map = new LinkedHashMap<>(super.getParameterMap());
            map.put(NAME, new String[] {timeout});
            return Collections.unmodifiableMap(map);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }
    }
}
