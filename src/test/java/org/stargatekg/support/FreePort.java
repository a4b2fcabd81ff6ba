package org.stargatekg.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A TCP port for programs that must be told theirs up front (Virtuoso, HAProxy); our own servers bind port 0 and
 * report theirs instead. The port is taken below Linux's ephemeral range (32768 and up, from which every port-0 bind
 * and outgoing connection on this machine is served), so no server of ours started meanwhile can be handed it; it is
 * checked free on loopback when picked.
 */
public final class FreePort {

    private static final int FROM = 20_000;
    private static final int TO = 32_000;

    private FreePort() {}

    /** A loopback port outside the ephemeral range that nothing listens on now. */
    public static int pick() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FROM, TO);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // in use: try another
            }
        }
        throw new IllegalStateException("no free port between " + FROM + " and " + TO + " after 200 tries");
    }
}
