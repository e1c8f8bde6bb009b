package io.nbci.localcluster;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Container clusters this JVM started and has not stopped yet: stopped by one shutdown hook when the
 * JVM exits (best effort; after a kill -9, {@code nbci cluster prune} removes what is left).
 */
final class StopAtExit {

    private static final Set<ClusterHandle> HANDLES = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private StopAtExit() {
    }

    static void add(ClusterHandle handle) {
        // registered with the first handle, not when the class loads: remove() may run during shutdown
        if (HOOKED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (ClusterHandle running : List.copyOf(HANDLES)) {
                    try {
                        running.stop();
                    } catch (RuntimeException e) {
                        // best effort at exit; nbci cluster prune removes what is left
                    }
                }
            }, "nbci-container-cleanup"));
        }
        HANDLES.add(handle);
    }

    /** Called by the handle's own {@code stop()}: nothing left to do at exit. */
    static void remove(ClusterHandle handle) {
        HANDLES.remove(handle);
    }
}
