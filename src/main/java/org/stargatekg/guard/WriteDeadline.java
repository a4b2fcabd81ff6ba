package org.stargatekg.guard;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes the connection of a client that reads its answer too slowly. A servlet that writes an answer waits while
 * the client's socket is full, holding a worker thread (and, for a query, one of the places of {@link QueryAdmission});
 * here each write of an answer (Jetty writes 32 KiB at a time) must be taken by the client within
 * {@link Limits#responseGrace()} plus one second per {@link Limits#minResponseRate()} bytes, so a client that reads a
 * byte a second, or nothing, lets go of the thread within seconds rather than at the idle timeout. Not Jetty's
 * {@code MinimumDataRateHandler} as shipped under Fuseki 5.6 (Jetty 12.1.1): it checks the rate only when the next write
 * starts, so a write blocked on a client that reads nothing waits for the idle timeout. Jetty 12.1.11 rewrote it with a
 * deadline per write, as here; with that version under Fuseki this class can go (OverloadTest's slow readers say when).
 */
public final class WriteDeadline extends Handler.Wrapper {

    private final long graceNanos;
    private final long bytesPerSecond;

    /** Holds responses below {@code next} to the minimum rate and grace of the limits. */
    public WriteDeadline(Handler next, Duration grace, long bytesPerSecond) {
        super(next);
        this.graceNanos = grace.toNanos();
        this.bytesPerSecond = bytesPerSecond;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return super.handle(request, new Timed(request, response), callback);
    }

    /** A response whose every write has a deadline. */
    private final class Timed extends Response.Wrapper {

        Timed(Request request, Response response) {
            super(request, response);
        }

        @Override
        public void write(boolean last, ByteBuffer content, Callback callback) {
            int length = content == null ? 0 : content.remaining();
            long allowed = graceNanos + length * 1_000_000_000L / bytesPerSecond;
            Scheduler scheduler = getRequest().getComponents().getScheduler();
            Scheduler.Task task = scheduler.schedule(this::tooSlow, allowed, TimeUnit.NANOSECONDS);
            super.write(last, content, Callback.from(() -> {
                task.cancel();
                callback.succeeded();
            }, failure -> {
                task.cancel();
                callback.failed(failure);
            }));
        }

        private void tooSlow() {
            // Failing the write is not enough to free a thread blocked in it: closing the connection fails it for sure.
            getRequest().getConnectionMetaData().getConnection().getEndPoint()
                        .close(new TimeoutException("client reads slower than " + bytesPerSecond + " bytes/s"));
        }
    }
}
