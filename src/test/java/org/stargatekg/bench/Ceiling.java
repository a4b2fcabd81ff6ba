package org.stargatekg.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The ceiling: a servlet that answers every GET with a fixed short body, on plain Jetty in the benchmark's JVM. */
final class Ceiling implements AutoCloseable {

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    Ceiling() throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new HttpServlet() {
            private static final byte[] BODY = "{\"head\":{\"vars\":[]},\"results\":{\"bindings\":[]}}\n".getBytes(StandardCharsets.UTF_8);

            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.setContentType("application/sparql-results+json");
                resp.setContentLength(BODY.length);
                resp.getOutputStream().write(BODY);
            }
        }), "/*");
        server.setHandler(context);
        server.start();
    }

    int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
