package io.nbci.localcluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/** A cluster running in a child JVM, driven over the launcher's control port. */
final class EmbeddedHandle extends ControlledHandle {

    private final ProcessHandle process;
    /** Kept (when we started it) so its stdin pipe stays open: the child stops when that pipe closes. */
    @SuppressWarnings("unused")
    private final Process child;

    EmbeddedHandle(ClusterEndpoints endpoints, Path work, boolean temporary, ControlClient control,
            ProcessHandle process, Process child) {
        super(endpoints, work, temporary, control);
        this.process = process;
        this.child = child;
    }

    @Override
    public boolean isRunning() {
        return !stopped && process != null && process.isAlive() && answersPing();
    }

    @Override
    public OptionalLong pid() {
        return process == null ? OptionalLong.empty() : OptionalLong.of(process.pid());
    }

    @Override
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (process != null && process.isAlive()) {
            requestStop();
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
                try {
                    process.onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception again) {
                    throw new ClusterException("the cluster service JVM (pid " + process.pid()
                            + ") did not end after STOP and a forced kill");
                }
            }
        }
        if (temporary) {
            FileTrees.delete(work);
        } else {
            try {
                Files.deleteIfExists(work.resolve("ready.json"));
            } catch (java.io.IOException e) {
                throw new ClusterException("cannot delete " + work.resolve("ready.json") + ": " + e.getMessage(), e);
            }
        }
    }
}
