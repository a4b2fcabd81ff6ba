package org.stargatekg.guard;

import org.stargatekg.http.Responses;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses what no reader of this server needs and an attacker could use: {@code TRACE} and {@code TRACK} (which echo
 * the request's headers) with 405; Fuseki's {@code stylesheet} and {@code callback} parameters (which it writes
 * verbatim into an XML stylesheet instruction or in front of a JSON answer) with 400; and a compressed request body
 * ({@code Content-Encoding}), which Fuseki would inflate without bound, with 415.
 */
public final class RefusedRequests implements Filter {

    /** Parameters Fuseki would copy into an answer as they are. */
    static final Set<String> REFLECTED = Set.of("stylesheet", "callback");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String method = req.getMethod();
        if ("TRACE".equals(method) || "TRACK".equals(method)) {
            resp.setHeader("Allow", "GET, HEAD, POST, OPTIONS");
            refuse(resp, HttpServletResponse.SC_METHOD_NOT_ALLOWED, method + " is not supported");
            return;
        }
        String encoding = req.getHeader("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            refuse(resp, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "Compressed request bodies (Content-Encoding) are not accepted");
            return;
        }
        Map<String, String[]> params;
        try {
            params = req.getParameterMap();
        } catch (RuntimeException badEncoding) {
            // A malformed query string or form is answered further on, with its own message.
            chain.doFilter(request, response);
            return;
        }
        for (String name : REFLECTED) {
            if (params.containsKey(name)) {
                refuse(resp, HttpServletResponse.SC_BAD_REQUEST, "The stylesheet and callback parameters are not supported");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse resp, int status, String message) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        Responses.text(resp, status, message + "\n");
    }
}
