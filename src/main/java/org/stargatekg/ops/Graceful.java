package org.stargatekg.ops;

import java.time.Duration;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;

/** Makes a Jetty server stop gracefully: it stops accepting, then waits up to a timeout for requests in flight. */
public final class Graceful {

    private Graceful() {}

    /** Wraps the server's handler in a {@link GracefulHandler} and sets the stop timeout; call before start. */
    public static void install(Server server, Duration stopTimeout) {
        Handler handler = server.getHandler();
        if (!(handler instanceof GracefulHandler)) {
            GracefulHandler graceful = new GracefulHandler();
            graceful.setHandler(handler);
            server.setHandler(graceful);
        }
        server.setStopTimeout(stopTimeout.toMillis());
    }
}
