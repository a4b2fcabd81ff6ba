package org.stargatekg.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Picks a TCP port that is free right now, so the base URL can name it before the server starts. */
public final class FreePort {

    private FreePort() {}

    /** A port the operating system just handed out and released. */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
