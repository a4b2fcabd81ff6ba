package org.stargatekg.server;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Stands behind Fuseki on its own paths. Fuseki's filter passes a request down the chain when it did not answer it: no
 * operation for it, or an exception while the answer was being written (a timeout while streaming, say). Such a
 * request gets an error status here, never a page, and {@code sendError} marks a partly written answer as spoiled so
 * that the response cache never keeps it.
 */
final class FusekiFallback extends HttpServlet {

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            resp.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The query could not be answered");
        } catch (IllegalStateException committed) {
            // The start of the answer is already sent, so its status cannot change; the attempt has marked it as spoiled.
        }
    }
}
