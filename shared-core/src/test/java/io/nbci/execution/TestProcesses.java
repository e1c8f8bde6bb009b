package io.nbci.execution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: whether a pid runs (a zombie waiting to be reaped does not count). */
public final class TestProcesses {
    private TestProcesses() {
    }

    public static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits up to {@code millis} for the pid to stop running; returns whether it still runs. */
    public static boolean stillRunningAfter(long pid, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (running(pid) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        return running(pid);
    }
}
