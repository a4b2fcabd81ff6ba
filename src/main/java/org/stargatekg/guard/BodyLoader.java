package org.stargatekg.guard;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads every request body in full before any servlet sees the request, without a thread: Jetty calls back as bytes
 * arrive, so a client that sends its body a byte every few seconds holds a connection, not one of the worker threads
 * that answer everyone (the servlets below read bodies by blocking). A body that has not arrived in full within
 * {@link Limits#bodyTimeout()} is answered {@code 408} and its connection closed. Not Jetty's
 * {@code EagerContentHandler} (which {@code DelayedHandler} became in 12.1): it loads a body without a thread too, but
 * has no deadline, so a body that sends a byte within each idle timeout holds its connection and buffers for ever
 * (OverloadTest's slow bodies must be answered 408).
 */
public final class BodyLoader extends Handler.Wrapper {

    private final long maxBytes;
    private final Duration timeout;

    /** Loads bodies of at most {@code maxBytes} (larger ones are refused by a size limit in front of this handler). */
    public BodyLoader(Handler next, long maxBytes, Duration timeout) {
        super(next);
        this.maxBytes = maxBytes;
        this.timeout = timeout;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        boolean body = request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (!body)
            return super.handle(request, response, callback);
        new Load(request, response, callback).start();
        return true;
    }

    /** One body being loaded; whichever comes first, its end or its deadline, settles the request. */
    private final class Load implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final AtomicBoolean settled = new AtomicBoolean();
        private Scheduler.Task deadline;

        Load(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
        }

        void start() {
            deadline = request.getComponents().getScheduler().schedule(this::expire, timeout.toMillis(), TimeUnit.MILLISECONDS);
            read();
        }

        /** Called by Jetty when more of the body may be read. */
        @Override
        public void run() {
            read();
        }

        private void read() {
            while (!settled.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    Throwable failure = chunk.getFailure();
                    chunk.release();
                    if (settle()) {
                        // The size limit in front of this handler fails the read of a chunked body that grows too large.
                        int status = failure instanceof HttpException http ? http.getCode() : HttpStatus.BAD_REQUEST_400;
                        String message = status == HttpStatus.PAYLOAD_TOO_LARGE_413 ? "A request body may not exceed " + maxBytes + " bytes"
                                                                                     : "The request body could not be read";
                        Response.writeError(request, response, callback, status, message, failure);
                    }
                    return;
                }
                ByteBuffer buffer = chunk.getByteBuffer();
                if (buffer.hasRemaining()) {
                    byte[] part = new byte[buffer.remaining()];
                    buffer.get(part);
                    bytes.write(part, 0, part.length);
                }
                boolean last = chunk.isLast();
                chunk.release();
                if (tooLarge()) {
                    if (settle())
                        Response.writeError(request, response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413,
                                            "A request body may not exceed " + maxBytes + " bytes");
                    return;
                }
                if (last) {
                    if (settle())
                        dispatch();
                    return;
                }
            }
        }

        private boolean tooLarge() {
            return bytes.size() > maxBytes;
        }

        private boolean settle() {
            if (!settled.compareAndSet(false, true))
                return false;
            deadline.cancel();
            return true;
        }

        private void expire() {
            if (!settled.compareAndSet(false, true))
                return;
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            Response.writeError(request, response, callback, HttpStatus.REQUEST_TIMEOUT_408,
                                "The request body did not arrive within " + timeout.toSeconds() + " s");
        }

        private void dispatch() {
            Request loaded = new Loaded(request, bytes.toByteArray());
            try {
                if (!getHandler().handle(loaded, response, callback))
                    Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            } catch (Throwable failure) {
                Response.writeError(request, response, callback, failure);
            }
        }
    }

    /** The request with its body already in memory. */
    private static final class Loaded extends Request.Wrapper {
        private volatile Content.Chunk next;

        Loaded(Request request, byte[] body) {
            super(request);
            this.next = Content.Chunk.from(ByteBuffer.wrap(body), true);
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = next;
            next = Content.Chunk.EOF;
            return chunk;
        }

        @Override
        public void demand(Runnable demandCallback) {
            // The whole body is here: whatever is asked for can be read now.
            demandCallback.run();
        }

        @Override
        public boolean consumeAvailable() {
            next = Content.Chunk.EOF;
            return true;
        }
    }
}
