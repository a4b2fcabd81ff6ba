package org.stargatekg.guard;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.stargatekg.http.Negotiation;

/**
 * Checks every request before any servlet reads it, so that a bad one gets a 4xx rather than a servlet's 500: a body
 * must come with a length, its parameters must decode, and its Accept header hold at most 100 media types.
 */
public final class RequestChecks implements Filter {

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
        if (Negotiation.tooMany(req)) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "The Accept header may hold at most " + Negotiation.MAX_MEDIA_RANGES + " media types");
            return;
        }
        if (!parametersDecode(req)) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "Malformed query string or form: bad percent-encoding");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether the parameters decode; a servlet would meet Jetty's complaint about a bad "%zz" as an internal error, a 500. */
    private static boolean parametersDecode(HttpServletRequest req) {
        try {
            req.getParameterMap();
            return true;
        } catch (RuntimeException ex) {
            return false;
        }
    }
}
