package org.stargatekg.backend;

/** Whether a backend can answer now, and if not, why, in one plain sentence for {@code /$/ready}. */
public record Readiness(boolean ready, String message) {

    /** Ready, with a word on what is served. */
    public static Readiness ready(String message) {
        return new Readiness(true, message);
    }

    /** Not ready, and why. */
    public static Readiness notReady(String why) {
        return new Readiness(false, why);
    }
}
