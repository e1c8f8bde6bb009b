package io.nbci.status;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a command as a child process that inherits nbci's stdin, stdout and stderr. When nbci
 * itself is stopped (a CI server aborting the build sends SIGTERM), the child and its
 * descendants are stopped too, so no orphan keeps running on the agent.
 */
public final class ProcessCommandRunner implements CommandRunner {

    @Override
    public int run(List<String> command, Path workingDirectory) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).inheritIO().start();
        Thread stopChild = new Thread(() -> stop(process), "nbci-gate-stop-child");
        Runtime.getRuntime().addShutdownHook(stopChild);
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            stop(process);
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopChild);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
        }
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }
}
