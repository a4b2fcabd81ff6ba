package org.stargatekg.engine.infer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Maps a list on every core and gives the results in the list's order; when items fail, it throws the failure of
 * the first failing item in list order, so that a load's error message does not depend on thread timing.
 */
public final class OrderedParallel {

    private OrderedParallel() {}

    /** The results of {@code work} applied to each item, in order; runs in the caller's thread for fewer than two items or one core. */
    public static <T, R> List<R> map(List<T> items, Function<T, R> work) {
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), items.size());
        if (threads < 2)
            return items.stream().map(work).toList();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "load-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (T item : items)
                futures.add(pool.submit(() -> work.apply(item)));
            List<R> out = new ArrayList<>(items.size());
            for (Future<R> f : futures)
                out.add(get(f));
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R get(Future<R> f) {
        try {
            return f.get();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("Interrupted while waiting for a worker");
        } catch (ExecutionException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof RuntimeException r)
                throw r;
            if (cause instanceof Error e)
                throw e;
            throw new IllegalStateException(cause);
        }
    }
}
