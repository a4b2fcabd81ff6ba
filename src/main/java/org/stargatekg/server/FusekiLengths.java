package org.stargatekg.server;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * On Fuseki's paths, lets Jetty count the length of every answer. Fuseki 5.6 writes its plain-text error messages
 * with a length counted in characters ({@code ServletOps.writeMessagePlainText}), so a message that echoes a
 * non-ASCII character of a bad query would overflow it and the client would get a 500 instead of the 400.
 */
final class FusekiLengths implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        chain.doFilter(request, new JettyCountedLength((HttpServletResponse) response));
    }

    /** Drops the Content-Length a servlet sets, so that Jetty counts the bytes itself. */
    private static final class JettyCountedLength extends HttpServletResponseWrapper {

        JettyCountedLength(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setContentLength(int len) {
            // Jetty sets the length itself when the body fits its buffer, and chunks it otherwise.
        }

        @Override
        public void setContentLengthLong(long len) {
            // as above
        }
    }

}
