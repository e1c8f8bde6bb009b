package io.nbci.status;

import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import io.nbci.results.CaseResult;
import io.nbci.results.RunResults;
import io.nbci.results.Status;
import io.nbci.results.SuiteResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The pull-request gate: posts {@code pending}, runs the wrapped command, then posts
 * {@code success} or {@code failure} from its exit code with a description that summarises
 * the test reports the command wrote, and hands back the command's exit code. A status that
 * cannot be posted ends the gate with exit code 3 ({@link StatusException}): before the
 * command runs when it is the pending one, after it when it is the outcome. It never
 * reports green for a command it did not see pass.
 *
 * <pre>{@code
 * int exit = new StatusGate(publisher, new ProcessCommandRunner(), reports, log)
 *         .run(status, List.of("./nbci", "test"), workspace);
 * }</pre>
 */
public final class StatusGate {
    private final StatusPublisher publisher;
    private final CommandRunner runner;
    private final TestReports reports;
    private final LogSink log;

    public StatusGate(StatusPublisher publisher, CommandRunner runner, TestReports reports, LogSink log) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * Runs the gate.
     *
     * @param status    repository, SHA, context, URL and ref to report on; its state and description are replaced
     * @param command   the command and its arguments
     * @param directory where the command runs and where its test reports are searched
     * @return the command's exit code, or 2 when it could not be started
     */
    public int run(CommitStatus status, List<String> command, Path directory) {
        if (command.isEmpty()) {
            throw StatusException.badInput("gate: no command given (put it after --)");
        }
        publisher.publish(status.withState(StatusState.PENDING).withDescription("running " + describeCommand(command)));
        Instant started = Instant.now();
        int exit = 0;
        Thread onAbort = new Thread(() -> reportAbort(status), "nbci-gate-abort");
        Runtime.getRuntime().addShutdownHook(onAbort);
        boolean aborting = false;
        try {
            exit = runner.run(command, directory);
        } catch (IOException e) {
            String why = "could not start " + command.get(0) + ": " + e.getMessage();
            log.error(why);
            publisher.publish(status.withState(StatusState.ERROR).withDescription(why));
            return ExitCode.BAD_INPUT.code();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            publisher.publish(status.withState(StatusState.ERROR).withDescription("interrupted"));
            throw new StatusException(ExitCode.INFRASTRUCTURE, "gate interrupted while the command ran");
        } finally {
            if (exitedBySignal(exit)) {
                settle();
            }
            aborting = !removeHook(onAbort);
        }
        if (aborting) {
            // the build was aborted (SIGTERM reached the command too): the hook reports the abort,
            // and a final success/failure posted now would race it and overwrite it
            return exit;
        }
        Duration took = Duration.between(started, Instant.now());
        RunResults results = reports.collect(directory, started, "gate");
        StatusState state = exit == 0 ? StatusState.SUCCESS : StatusState.FAILURE;
        String description = describe(exit, took, results);
        log.info("command exited with " + exit + ": " + description);
        CommitStatus outcome = new CommitStatus(status.repository(), status.sha(), state, status.context(),
                status.targetUrl(), description, status.ref(), status.buildNumber(), took.toMillis(),
                results.total() == 0 ? null : TestCounts.of(results));
        publisher.publish(outcome);
        return exit;
    }

    /**
     * When the JVM is stopped while the command runs (a CI user aborts the build: SIGTERM),
     * the pending status would stay pending forever; report the abort instead.
     */
    private void reportAbort(CommitStatus status) {
        try {
            log.warn("nbci gate stopped while the command ran: reporting the build as aborted");
            publisher.publish(status.withState(StatusState.ERROR).withDescription("aborted while running"));
        } catch (RuntimeException e) {
            log.error("could not report the abort: " + e.getMessage());
        }
    }

    /** 130 or 143: the command was stopped by SIGINT or SIGTERM, which an aborted build sends to nbci too. */
    private static boolean exitedBySignal(int exit) {
        return exit == 130 || exit == 143;
    }

    /** Gives the JVM's own shutdown (same signal, delivered a moment later) time to begin. */
    private static void settle() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** False when the JVM is already shutting down: the hook is running or about to, and reports the abort. */
    private static boolean removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
            return true;
        } catch (IllegalStateException shuttingDown) {
            return false;
        }
    }

    /**
     * The program and, when it looks like a subcommand, its first argument ({@code ./nbci test},
     * {@code pytest}); never further arguments, which may hold values nobody should see on a pull request.
     */
    static String describeCommand(List<String> command) {
        String program = java.nio.file.Path.of(command.get(0)).getFileName().toString();
        if (command.size() > 1 && command.get(1).matches("[A-Za-z][A-Za-z0-9_.-]{0,29}")) {
            return program + " " + command.get(1);
        }
        return program;
    }

    /** e.g. {@code failed (exit 1) in 42 s: 10 passed, 2 failed, 0 errors, 1 skipped; first failure: Etl.load}. */
    static String describe(int exit, Duration took, RunResults results) {
        StringBuilder text = new StringBuilder(exit == 0 ? "passed" : "failed (exit " + exit + ")");
        text.append(" in ").append(StatusExchange.human(took));
        if (results.total() == 0) {
            return text.append(" (no test reports found)").toString();
        }
        text.append(": ").append(results.summary());
        for (SuiteResult suite : results.suites()) {
            for (CaseResult testCase : suite.cases()) {
                if (testCase.status() == Status.FAILED || testCase.status() == Status.ERROR) {
                    String className = testCase.className() == null ? suite.name() : testCase.className();
                    return text.append("; first failure: ").append(className).append('.').append(testCase.name())
                            .toString();
                }
            }
        }
        return text.toString();
    }
}
