package org.stargatekg.remote;

import java.net.URI;
import java.net.http.HttpRequest;

/**
 * Whether our requests may ask the store to close each connection after its answer ({@code Connection: close}).
 * <p>
 * Virtuoso 7.2.5 writes its answers with Nagle's algorithm on. On a kept-alive connection, an answer it writes in two
 * parts (over about 32 KB, a typical page's) holds its last part until the client acknowledges the first, and Linux
 * delays that acknowledgement by 40 ms: measured on loopback, a 35 KB answer took 55 ms kept alive and 7 ms on a
 * connection of its own. A new connection costs a fraction of a millisecond on a local network, so every request gets
 * its own. Java's HTTP client refuses that header unless the system property {@value #PROPERTY} names it before the
 * client first runs: {@link #allow()} sets it, and the command line calls it first thing.
 */
public final class ClosedConnections {

    /** The JDK's system property listing the request headers it otherwise keeps to itself. */
    public static final String PROPERTY = "jdk.httpclient.allowRestrictedHeaders";

    private ClosedConnections() {
    }

    /**
     * Lets the JVM's HTTP client send {@code Connection}, unless the property is already set (then it is left as it
     * is). It takes effect only before the JVM's first HTTP request is built; {@link #possible()} tells whether it did.
     */
    public static void allow() {
        if (System.getProperty(PROPERTY) == null)
            System.setProperty(PROPERTY, "connection");
    }

    /** Whether this JVM's HTTP client accepts a {@code Connection} header (it decides once, at its first request). */
    static boolean possible() {
        return Holder.POSSIBLE;
    }

    /** Tried once, on first use, after {@link #allow()}. */
    private static final class Holder {
        static final boolean POSSIBLE = probe();

        private static boolean probe() {
            allow();
            try {
                HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).header("Connection", "close");
                return true;
            } catch (IllegalArgumentException restricted) {
                return false;
            }
        }
    }
}
