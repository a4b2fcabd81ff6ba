package org.stargatekg.engine.query;

import java.lang.reflect.Field;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.apache.jena.atlas.lib.AlarmClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the alarm Jena sets for each query's timeout leave the queue when the query ends. ARQ arms one alarm per
 * query on a single process-wide {@link AlarmClock}, a {@link ScheduledThreadPoolExecutor} that by default keeps a
 * cancelled task queued until it falls due: with a 30 s timeout and a thousand queries a second, thirty thousand dead
 * alarms sit in one heap under one lock, every query's schedule and cancel sift through it, and the clock's thread
 * wakes a thousand times a second to discard them. Jena does not expose the executor, so the setting is made by
 * reflection; if a later Jena moves it, the server logs that and runs as before.
 */
public final class QueryAlarms {

    private static final Logger LOG = LoggerFactory.getLogger(QueryAlarms.class);

    private QueryAlarms() {}

    /** Sets remove-on-cancel on Jena's alarm clock; true if it is set. */
    public static boolean removeOnCancel() {
        try {
            Field timer = AlarmClock.class.getDeclaredField("timer");
            timer.setAccessible(true);
            if (timer.get(AlarmClock.get()) instanceof ScheduledThreadPoolExecutor executor) {
                executor.setRemoveOnCancelPolicy(true);
                return true;
            }
        } catch (ReflectiveOperationException | RuntimeException ex) {
            LOG.warn("Could not make Jena's query alarms leave the queue when a query ends ({}); cancelled alarms stay queued until due", ex.toString());
            return false;
        }
        LOG.warn("Jena's alarm clock is not a ScheduledThreadPoolExecutor; cancelled query alarms stay queued until due");
        return false;
    }
}
