package org.stargatekg.guard;

import org.stargatekg.http.Responses;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Makes a SPARQL answer cut off by its timeout (or a stop) impossible to take for a complete one. The first
 * {@link Limits#heldAnswerBytes()} of an answer are held back: if the query is cancelled before they are sent, the
 * client gets {@code 503 Query timed out} instead. Past that point the status line is gone, so the answer ends with
 * Fuseki's text line {@value #MARKER}… and the connection is then closed without the final chunk: every HTTP client
 * reports an incomplete transfer (curl exits with 18, Java's HttpClient throws), and no JSON parser accepts the rest.
 */
public final class CutOffAnswers extends HttpFilter {

    /** The start of the line Fuseki writes into an answer whose query was cancelled while it streamed. */
    public static final String MARKER = "##  Query cancelled due to timeout";

    /**
     * The request attribute set (to the reason) when a query was stopped for going past its memory budget: past the
     * held start of its answer, that answer is cut off the same way.
     */
    public static final String STOPPED = "org.stargatekg.queryStopped";

    private static final byte[] MARKER_BYTES = MARKER.getBytes(StandardCharsets.US_ASCII);

    private final QueryWatch watch;
    private final int held;

    /** A filter for the query endpoint's path, holding back the first {@code heldBytes} of each answer. */
    public CutOffAnswers(QueryWatch watch, int heldBytes) {
        this.watch = watch;
        this.held = heldBytes;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain) throws IOException, ServletException {
        Held answer = new Held(resp, held);
        try (QueryWatch.Ticket ticket = watch.begin()) {
            chain.doFilter(req, answer);
            if (req.getAttribute(STOPPED) != null && answer.passedOn) {
                throw new CutOffAnswer();
            } else if (!ticket.cancelled()) {
                answer.release();
            } else if (!answer.passedOn) {
                // Whatever Fuseki made of it (a 503 before the first row, or a 400 with part of the rows and its
                // "Query cancelled" line), the client gets a clean 503.
                timedOut(resp);
            } else if (answer.sawMarker()) {
                // The status line went out long ago: end the transfer abnormally so that the client notices.
                throw new CutOffAnswer();
            }
        }
    }

    /** Answers 503 in place of a held answer; the headers other filters set (security, CORS) stay. */
    private static void timedOut(HttpServletResponse resp) throws IOException {
        resp.resetBuffer();
        resp.setHeader("Cache-Control", "no-store");
        Responses.text(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Query timed out\n");
    }

    /** Thrown after an answer was cut off past its start: Jetty then aborts the response instead of ending it. */
    static final class CutOffAnswer extends IOException {
        CutOffAnswer() {
            super("SPARQL answer cut off by its timeout after its first bytes were sent; transfer aborted");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** Holds the start of an answer, then passes the rest through, remembering its last bytes. */
    private static final class Held extends HttpServletResponseWrapper {
        private final int limit;
        private final ByteArrayOutputStream start = new ByteArrayOutputStream();
        private final byte[] tail = new byte[256];
        private int tailLength;
        private boolean passedOn;
        private ServletOutputStream out;

        Held(HttpServletResponse response, int limit) {
            super(response);
            this.limit = limit;
        }

        /** Sends what is held (the whole answer, when it fits). */
        void release() throws IOException {
            if (!passedOn && start.size() > 0) {
                passedOn = true;
                getResponse().getOutputStream().write(start.toByteArray());
            }
        }

        boolean sawMarker() {
            String text = new String(tail, 0, tailLength, StandardCharsets.US_ASCII);
            return text.contains(MARKER);
        }

        private void passOn() throws IOException {
            passedOn = true;
            getResponse().getOutputStream().write(start.toByteArray());
            start.reset();
        }

        private void remember(byte[] b, int off, int len) {
            if (len >= tail.length) {
                System.arraycopy(b, off + len - tail.length, tail, 0, tail.length);
                tailLength = tail.length;
                return;
            }
            int keep = Math.min(tailLength, tail.length - len);
            System.arraycopy(tail, tailLength - keep, tail, 0, keep);
            System.arraycopy(b, off, tail, keep, len);
            tailLength = keep + len;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (out == null) {
                ServletOutputStream real = super.getOutputStream();
                out = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        remember(b, off, len);
                        if (passedOn) {
                            real.write(b, off, len);
                            return;
                        }
                        start.write(b, off, len);
                        if (start.size() > limit)
                            passOn();
                    }

                    @Override
                    public void flush() throws IOException {
                        // Held bytes stay held: a flush would commit the status.
                        if (passedOn)
                            real.flush();
                    }

                    @Override
                    public void close() throws IOException {
                        flush();
                    }

                    @Override
                    public boolean isReady() {
                        return real.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        real.setWriteListener(listener);
                    }
                };
            }
            return out;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            // Only error messages are written as text; they go out as they are.
            passOn();
            return super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            if (passedOn)
                super.flushBuffer();
        }

        @Override
        public boolean isCommitted() {
            return passedOn && super.isCommitted();
        }

        @Override
        public void reset() {
            start.reset();
            super.reset();
        }

        @Override
        public void resetBuffer() {
            start.reset();
            super.resetBuffer();
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            start.reset();
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            start.reset();
            super.sendError(sc);
        }
    }
}
