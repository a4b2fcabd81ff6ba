package org.stargatekg.backend;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One process at a time per store folder: an operating-system lock on {@value #FILE} in the folder, taken before
 * anything in it is read or written and held until the process ends. A second server on the same folder is refused
 * with a message naming the folder and the process that holds it, and touches nothing. (Within one process the lock
 * is shared: tests load the same store more than once.)
 */
final class StoreLock {

    /** The lock file in a store folder. */
    static final String FILE = "stargate-kg.lock";

    private static final Map<Path, FileLock> HELD = new ConcurrentHashMap<>();

    private StoreLock() {}

    /** Takes the folder's lock, or throws {@link StoreInUseException} saying which process holds it. */
    static void acquire(Path dir) {
        Path key;
        try {
            key = dir.toRealPath();
        } catch (IOException ex) {
            throw new IllegalArgumentException("cannot open folder " + dir.toAbsolutePath() + ": " + ex.getMessage());
        }
        if (HELD.containsKey(key))
            return;
        synchronized (HELD) {
            if (HELD.containsKey(key))
                return;
            Path file = key.resolve(FILE);
            FileChannel channel = null;
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException sameProcess) {
                    lock = null;
                }
                if (lock == null) {
                    String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
                    channel.close();
                    throw new StoreInUseException("The store " + key + " is in use by another process"
                                                       + (holder.isEmpty() ? "" : " (" + holder + ")")
                                                       + ": stop that server first, or give this one another folder");
                }
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
                channel.force(false);
                HELD.put(key, lock);
            } catch (IOException ex) {
                closeQuietly(channel);
                throw new IllegalArgumentException("cannot lock the store " + key + ": " + ex.getMessage());
            }
        }
    }

    /** Lets go of the folder's lock, as the end of the process would. */
    static void release(Path dir) {
        try {
            FileLock lock = HELD.remove(dir.toRealPath());
            if (lock != null) {
                lock.release();
                lock.channel().close();
            }
        } catch (IOException ex) {
            // Nothing held, or already gone with the folder.
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null)
                channel.close();
        } catch (IOException ignored) {
            // closing after a failure
        }
    }
}
