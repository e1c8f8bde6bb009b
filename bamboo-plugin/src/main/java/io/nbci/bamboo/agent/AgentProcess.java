package io.nbci.bamboo.agent;

import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import io.nbci.common.NbciException;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts one process on the agent, streams its output line by line to a log sink while it
 * runs, and returns its exit code. Standard error is merged into standard output so the build
 * log keeps the order the user saw on a terminal. If the build is stopped (the task thread is
 * interrupted) the process and all its children are killed before the interrupt is passed on.
 */
public final class AgentProcess {
    private static final long KILL_WAIT_SECONDS = 10;

    private final List<String> command;
    private final Map<String, String> environment;
    private final File workingDirectory;

    /**
     * @param command          the full command line, executable first
     * @param environment      variables added to the agent's own environment (values win)
     * @param workingDirectory the task's working directory
     */
    public AgentProcess(List<String> command, Map<String, String> environment, File workingDirectory) {
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
    }

    /** Runs the process to its end; every output line goes to {@code output.info}. */
    public int run(LogSink output) throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice())));
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new NbciException(ExitCode.INFRASTRUCTURE, "cannot start " + command.get(0) + " in "
                    + workingDirectory + ": " + e.getMessage(), e);
        }
        Thread pump = new Thread(() -> pump(process, output), "nbci-output-" + process.pid());
        pump.setDaemon(true);
        pump.start();
        try {
            int code = process.waitFor();
            pump.join();
            return code;
        } catch (InterruptedException e) {
            killTree(process);
            throw e;
        }
    }

    private static void pump(Process process, LogSink output) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                output.info(line);
            }
        } catch (IOException e) {
            output.warn("stopped reading nbci's output: " + e.getMessage());
        }
    }

    /** Kills the process and its children, and waits (bounded) until they are gone. */
    private static void killTree(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
            for (ProcessHandle child : children) {
                child.onExit().get(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // gone or stuck in the kernel: nothing more a user process can do
        }
    }

    private static String nullDevice() {
        return System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null";
    }
}
