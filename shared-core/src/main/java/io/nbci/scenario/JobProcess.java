package io.nbci.scenario;

import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import io.nbci.common.ProcessTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a scenario's script or command as a child process: the scenario's environment on top
 * of nbci's, stdout and stderr together in a log file, the whole process tree killed on
 * timeout (a spark-submit leaves a driver JVM behind otherwise).
 */
final class JobProcess {

    /** How a job process ended. {@code exitCode} is -1 when it timed out. */
    record Ended(int exitCode, boolean timedOut, long millis, Path log) {
    }

    private JobProcess() {
    }

    static Ended run(List<String> argv, Path workingDir, Map<String, String> env, long timeoutSeconds, Path log,
            LogSink sink) {
        long started = System.nanoTime();
        List<String> command = ProcessTree.inNewSession(argv);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        builder.environment().putAll(env);
        ProcessTree tree;
        try {
            Files.createDirectories(log.getParent());
            tree = ProcessTree.of(builder.start(), command);
        } catch (IOException e) {
            throw new ScenarioException(ExitCode.BAD_INPUT, "cannot start " + argv.get(0) + " in " + workingDir + ": "
                    + e.getMessage(), e);
        }
        sink.info("  running: " + String.join(" ", argv) + " (pid " + tree.pid() + ")");
        long deadline = started + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        try {
            while (!tree.process().waitFor(200, TimeUnit.MILLISECONDS)) {
                tree.remember();
                if (System.nanoTime() > deadline) {
                    tree.destroy(5000);
                    return new Ended(-1, true, elapsed(started), log);
                }
            }
            int exitCode = tree.process().exitValue();
            tree.destroy(1000);
            return new Ended(exitCode, false, elapsed(started), log);
        } catch (InterruptedException e) {
            tree.destroy(1000);
            Thread.currentThread().interrupt();
            throw new ScenarioException(ExitCode.INFRASTRUCTURE, "interrupted while running " + argv.get(0), e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** The tail of a log (at most {@code maxBytes}), decoded leniently. */
    static String tail(Path log, int maxBytes) {
        try {
            byte[] bytes = Files.readAllBytes(log);
            int from = Math.max(0, bytes.length - maxBytes);
            String text = new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
            return from > 0 ? "[... " + from + " bytes before]\n" + text : text;
        } catch (IOException e) {
            return "";
        }
    }
}
