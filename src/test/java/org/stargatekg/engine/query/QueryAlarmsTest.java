package org.stargatekg.engine.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.apache.jena.atlas.lib.Alarm;
import org.apache.jena.atlas.lib.AlarmClock;
import org.junit.jupiter.api.Test;

/** A query's timeout alarm leaves Jena's alarm queue when the query ends, instead of waiting there until it falls due. */
class QueryAlarmsTest {

    @Test
    void cancelled_query_alarms_leave_the_queue() throws ReflectiveOperationException {
        assertTrue(QueryAlarms.removeOnCancel(), "the setting could not be made");
        Field timer = AlarmClock.class.getDeclaredField("timer");
        timer.setAccessible(true);
        ScheduledThreadPoolExecutor executor = (ScheduledThreadPoolExecutor) timer.get(AlarmClock.get());
        int before = executor.getQueue().size();
        List<Alarm> alarms = new ArrayList<>();
        for (int i = 0; i < 1_000; i++)
            alarms.add(AlarmClock.get().add(() -> {}, 60_000));
        assertEquals(before + 1_000, executor.getQueue().size());
        alarms.forEach(AlarmClock.get()::cancel);
        assertEquals(before, executor.getQueue().size(), "cancelled alarms are still queued");
    }
}
