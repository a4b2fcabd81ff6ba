package org.stargatekg.support;

import java.util.List;
import java.util.Map;

/** Which live threads are busy in a given package, for tests that check no query work outlives its request. */
public final class Threads {

    private Threads() {}

    /** The names of threads with a frame of a class whose name starts with {@code prefix}. */
    public static List<String> busyIn(String prefix) {
        return Thread.getAllStackTraces().entrySet().stream()
                     .filter(e -> e.getKey().isAlive() && e.getKey() != Thread.currentThread())
                     .filter(e -> java.util.Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().startsWith(prefix)))
                     .map(Map.Entry::getKey).map(Thread::getName).toList();
    }

    /** Waits up to {@code millis} for no thread to be busy in {@code prefix}; returns those still busy. */
    public static List<String> awaitNoneBusyIn(String prefix, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        List<String> busy = busyIn(prefix);
        while (!busy.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(50);
            busy = busyIn(prefix);
        }
        return busy;
    }
}
