package org.stargatekg.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/** The watch over running queries, with executions started under tickets (the /sparql path) and without. */
class QueryWatchTest {

    @Test
    void executions_under_tickets_on_many_threads_are_counted_cancelled_by_a_stop_and_gone_once_closed() throws Exception {
        QueryWatch watch = new QueryWatch();
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch started = new CountDownLatch(threads), stopped = new CountDownLatch(1);
        List<AtomicBoolean> flags = new ArrayList<>();
        List<Future<Boolean>> seen = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                AtomicBoolean flag = new AtomicBoolean();
                flags.add(flag);
                seen.add(pool.submit(() -> {
                    try (QueryWatch.Ticket ticket = watch.begin()) {
                        watch.started(flag);
                        started.countDown();
                        stopped.await(10, TimeUnit.SECONDS);
                        return ticket.cancelled();
                    }
                }));
            }
            AtomicBoolean untracked = new AtomicBoolean();
            watch.started(untracked); // no ticket on this thread: held weakly, still cancelled by a stop
            assertTrue(started.await(10, TimeUnit.SECONDS));
            assertEquals(threads + 1, watch.running(), "executions running");
            watch.cancelAll();
            stopped.countDown();
            for (Future<Boolean> f : seen)
                assertTrue(f.get(10, TimeUnit.SECONDS), "a ticket did not see its execution cancelled");
            flags.forEach(flag -> assertTrue(flag.get(), "an execution was not cancelled"));
            assertTrue(untracked.get(), "the execution without a ticket was not cancelled");
            assertEquals(0, watch.running(), "closed tickets and cancelled executions still counted");
            AtomicBoolean late = new AtomicBoolean();
            try (QueryWatch.Ticket ticket = watch.begin()) {
                watch.started(late);
                assertTrue(ticket.cancelled(), "an execution started after the stop was not cancelled");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_closed_ticket_leaves_nothing_behind_and_an_uncancelled_one_says_so() {
        QueryWatch watch = new QueryWatch();
        for (int i = 0; i < 1000; i++) {
            try (QueryWatch.Ticket ticket = watch.begin()) {
                watch.started(new AtomicBoolean());
                watch.started(new AtomicBoolean()); // a request that plans twice
                assertEquals(2, watch.running());
                assertFalse(ticket.cancelled());
            }
        }
        assertEquals(0, watch.running(), "flags left in the watch after their tickets closed");
    }
}
