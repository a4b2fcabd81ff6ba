package org.stargatekg.server;

import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;

/** Jetty settings that Fuseki's builder does not expose, applied after {@code build()} and before {@code start()}. */
public final class JettyTuning {

    /** The output buffer per response: Jetty's own default. */
    public static final int OUTPUT_BUFFER_BYTES = 32 * 1024;

    private JettyTuning() {}

    /**
     * Sets every HTTP connector's output buffer to 32 KiB. Fuseki 5.6 sets 5 MiB, which Jetty's pool does not reuse,
     * so each response allocated and zeroed 5 MiB (apache/jena#4084). The cost: a response larger than 32 KiB is
     * committed (status 200 sent) once the buffer fills, so an error after that point, such as a query timeout, can
     * only cut the response short instead of turning it into an error status.
     */
    public static void smallOutputBuffer(Server server) {
        for (Connector connector : server.getConnectors()) {
            for (ConnectionFactory factory : connector.getConnectionFactories()) {
                if (factory instanceof HttpConnectionFactory http)
                    http.getHttpConfiguration().setOutputBufferSize(OUTPUT_BUFFER_BYTES);
            }
        }
    }
}
