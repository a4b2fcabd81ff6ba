package org.stargatekg.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Picks a TCP port that is free right now, for programs that must be told a port up front (Virtuoso, chromedriver); our own servers bind port 0 instead. */
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
