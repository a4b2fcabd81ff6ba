package org.stargatekg.ops;

import org.stargatekg.http.Responses;

import java.io.IOException;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers {@code /$/ready}: 200 "ready" when the server can answer requests now, 503 with the reason when it cannot
 * (its external store does not answer, its index is not built yet), so that a load balancer sends requests only to
 * servers that can answer them. {@code /$/ping} says only that the process is up, and stays 200 meanwhile.
 */
public final class ReadinessFilter extends HttpFilter {

    /** Readiness check path. */
    public static final String READY_PATH = "/$/ready";

    private final Supplier<String> notReady;

    /** A filter for {@link #READY_PATH} asking {@code notReady} why the server cannot answer now: null when it can. */
    public ReadinessFilter(Supplier<String> notReady) {
        this.notReady = notReady;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain) throws IOException, ServletException {
        String why = notReady.get();
        resp.setHeader("Cache-Control", "no-store");
        Responses.text(resp, why == null ? 200 : 503, why == null ? "ready\n" : "not ready: " + why + "\n");
    }
}
