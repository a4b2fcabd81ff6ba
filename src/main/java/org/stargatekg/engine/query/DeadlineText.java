package org.stargatekg.engine.query;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.query.QueryCancelledException;

/**
 * A string as a regular expression sees it, which stops the match when its query is cancelled or past its deadline:
 * {@code java.util.regex} reads its input only through {@link #charAt}, so a pattern that backtracks for hours
 * (such as {@code (.*a){30}$}) ends with a {@link QueryCancelledException} within a few thousand steps of the deadline.
 */
final class DeadlineText implements CharSequence {

    /** How many characters are read between two looks at the clock and the cancel flag. */
    private static final int CHECK_EVERY = 4096;

    private final String text;
    private final Deadline deadline;
    private int reads;

    DeadlineText(String text, Deadline deadline) {
        this.text = text;
        this.deadline = deadline;
    }

    @Override
    public char charAt(int index) {
        if (++reads >= CHECK_EVERY) {
            reads = 0;
            deadline.check();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        // Matched groups and replacement tails are copied out; they need no watching.
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }

    /** When one query execution must stop: its cancel flag (set by its timeout or a server stop) or a fixed instant. */
    record Deadline(AtomicBoolean cancelled, long nanos) {

        /**
         * Throws {@link QueryCancelledException} once the query is cancelled or the instant has passed; at the instant
         * it raises the flag too, so that what answers the client (guard.CutOffAnswers) knows the query timed out.
         */
        void check() {
            if (cancelled != null && cancelled.get())
                throw new QueryCancelledException();
            if (System.nanoTime() - nanos > 0) {
                if (cancelled != null)
                    cancelled.set(true);
                throw new QueryCancelledException();
            }
        }
    }
}
