package io.nbci.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A started process and everything it starts (a Jupyter kernel, a scenario's job). Children a kernel starts (a Spark driver
 * JVM, a {@code subprocess.Popen}) are reparented when the kernel dies and then are no
 * longer its descendants, so the tree is remembered while the kernel lives
 * ({@link #remember()}), and the kernel runs as the leader of its own process group
 * (through {@code setsid}, as jupyter_client starts kernels in a new session) so that the
 * group can be signalled as a whole.
 */
public final class ProcessTree {
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final boolean POSIX = !System.getProperty("os.name", "").toLowerCase().startsWith("windows");

    private final Process process;
    private final boolean ownGroup;
    private final Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();

    private ProcessTree(Process process, boolean ownGroup) {
        this.process = process;
        this.ownGroup = ownGroup;
    }

    /** The command to run so that the process leads a new session and process group. */
    public static List<String> inNewSession(List<String> command) {
        if (!POSIX || !Files.isExecutable(SETSID)) {
            return command;
        }
        List<String> wrapped = new ArrayList<>();
        wrapped.add(SETSID.toString());
        wrapped.addAll(command);
        return wrapped;
    }

    public static ProcessTree of(Process process, List<String> command) {
        return new ProcessTree(process, !command.isEmpty() && command.get(0).equals(SETSID.toString()));
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Records the current descendants, so they can be killed after the kernel itself is gone. */
    public void remember() {
        try {
            process.descendants().forEach(seen::add);
        } catch (RuntimeException e) {
            // the process table can change under us; the next round catches up
        }
    }

    /** SIGINT to the kernel's process group (or the kernel alone without its own group). */
    public void interrupt() {
        signal("INT");
    }

    private void signal(String name) {
        if (!POSIX) {
            return;
        }
        String target = ownGroup ? "-" + process.pid() : Long.toString(process.pid());
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, "--", target)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no kill command: nothing more we can do from Java for SIGINT
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Ends the process and every descendant, seen now or earlier: SIGTERM, then after
     * {@code graceMillis} SIGKILL to whatever is still alive, and SIGKILL to the process group.
     */
    public void destroy(long graceMillis) {
        remember();
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        all.addAll(seen);
        boolean anyAlive = false;
        for (ProcessHandle handle : all) {
            if (handle.isAlive()) {
                handle.destroy();
                anyAlive = true;
            }
        }
        if (anyAlive) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
            for (ProcessHandle handle : all) {
                long left = deadline - System.nanoTime();
                if (left > 0 && handle.isAlive()) {
                    try {
                        handle.onExit().get(left, TimeUnit.NANOSECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                        // killed below
                    }
                }
            }
        }
        for (ProcessHandle handle : all) {
            if (handle.isAlive()) {
                handle.destroyForcibly();
            }
        }
        if (ownGroup) {
            // children started after the last snapshot are only reachable through the group
            signal("KILL");
        }
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
