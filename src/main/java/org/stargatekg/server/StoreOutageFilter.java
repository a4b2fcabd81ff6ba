package org.stargatekg.server;

import org.stargatekg.http.Responses;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.stargatekg.remote.StoreUnavailableException;

/**
 * Answers a request that needed the external store while it was away with 503, a {@code Retry-After} and the one-line
 * reason naming the store, instead of Jetty's 500: pages, search, dumps and descriptions alike (the SPARQL and Graph
 * Store endpoints give the same answer through Fuseki).
 */
final class StoreOutageFilter implements Filter {

    /** Seconds a client is asked to wait before trying again. */
    static final int RETRY_AFTER_SECONDS = 5;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException | IOException ex) {
            StoreUnavailableException away = cause(ex);
            HttpServletResponse resp = (HttpServletResponse) response;
            if (away == null || resp.isCommitted())
                throw ex;
            resp.reset();
            resp.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            resp.setHeader("Cache-Control", "no-store");
            Responses.text(resp, StoreUnavailableException.STATUS, away.getMessage() + "\n");
        }
    }

    private static StoreUnavailableException cause(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause())
            if (t instanceof StoreUnavailableException s)
                return s;
        return null;
    }
}
