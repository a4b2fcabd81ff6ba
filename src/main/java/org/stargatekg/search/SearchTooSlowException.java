package org.stargatekg.search;

/** A search that did not finish within its time limit; the page answers it with 503. */
public final class SearchTooSlowException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A search cut off after the given number of milliseconds. */
    public SearchTooSlowException(long millis) {
        super("the search did not finish within " + millis + " ms");
    }
}
