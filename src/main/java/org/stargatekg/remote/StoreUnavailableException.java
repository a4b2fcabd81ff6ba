package org.stargatekg.remote;

import org.apache.jena.fuseki.servlets.ActionErrorException;

/**
 * The external store did not answer: refused the connection, timed out, was too busy, or answered 502/503/504.
 * The message names the store and says what happened, in one plain line. It is a Fuseki action error with status 503,
 * so that the SPARQL and Graph Store endpoints answer it as such; our own servlets answer it the same way
 * ({@code StoreOutageFilter}).
 */
public final class StoreUnavailableException extends ActionErrorException {

    private static final long serialVersionUID = 1L;

    /** The status every request answered while the store is away gets. */
    public static final int STATUS = 503;

    StoreUnavailableException(String endpoint, String what) {
        super(STATUS, "The store at " + endpoint + " is not answering: " + what, null);
    }
}
