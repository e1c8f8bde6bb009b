package io.nbci.bamboo.task;

import com.atlassian.bamboo.task.CommonTaskContext;
import com.atlassian.bamboo.task.TaskResult;
import com.atlassian.bamboo.task.TaskResultBuilder;
import io.nbci.bamboo.agent.BuildLogSink;
import io.nbci.bamboo.agent.NbciLauncher;
import io.nbci.common.LogSink;
import io.nbci.common.MaskingLogSink;
import io.nbci.common.NbciException;
import io.nbci.launch.Collect;
import io.nbci.launch.NbciInvocation;
import io.nbci.launch.Outcome;
import io.nbci.results.ResultsFile;
import io.nbci.results.RunResults;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * What every nbci task does, in order: turn the task's configuration into one invocation, run
 * it on the agent with the log streamed, hand the evidence to Bamboo (test results), then map
 * the exit code to the task result through the core's {@link Outcome}. The tasks only say
 * which configuration they run and how test results are collected.
 */
public final class NbciTaskExecution {
    /** Hands JUnit files (workspace-relative globs) to Bamboo's test collation. */
    @FunctionalInterface
    public interface TestResultsCollector {
        void collect(List<String> junitGlobs);
    }

    private final NbciLauncher launcher;

    public NbciTaskExecution(NbciLauncher launcher) {
        this.launcher = launcher;
    }

    /**
     * Runs one task.
     *
     * @param invocation builds the invocation from the task's configuration (may throw
     *                   {@code StoredConfigException} naming the key: the task then errors without
     *                   starting nbci)
     * @param tests      where test results go; {@code null} for tasks without tests
     */
    public TaskResult execute(CommonTaskContext context, Supplier<NbciInvocation> invocation,
            TestResultsCollector tests) {
        LogSink log = new MaskingLogSink(new BuildLogSink(context.getBuildLogger()),
                BambooBuild.passwordVariables(context));
        TaskResultBuilder result = TaskResultBuilder.newBuilder(context);
        NbciInvocation run;
        try {
            run = invocation.get();
        } catch (NbciException | IllegalArgumentException e) {
            // StoredConfigException names the task's key; anything else the core refused is a configuration error too
            log.error("nbci: this task's configuration is wrong, nothing was run: " + e.getMessage());
            return result.failedWithError().build();
        }
        Outcome outcome;
        LastErrorLine output = new LastErrorLine(log);
        try {
            int exitCode = launcher.run(run, context.getWorkingDirectory(), BambooBuild.environment(context), output,
                    BambooBuild.passwordVariables(context));
            outcome = run.outcome(exitCode);
            if (exitCode != 0) {
                outcome = outcome.withDetail(output.line());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = Outcome.aborted(run.command());
        } catch (NbciException e) {
            outcome = Outcome.launchFailed(run.command(), e.getMessage());
        }
        if (tests != null && outcome.exitCode() >= 0) {
            List<String> junit = existing(context.getWorkingDirectory(), run.collect(Collect.Kind.JUNIT), log);
            if (!junit.isEmpty()) {
                tests.collect(junit);
            }
        }
        outcome = outcome.withSummary(results(context.getWorkingDirectory(), run, log));
        return report(outcome, log, result);
    }

    /**
     * The JUnit files nbci wrote. Files it did not write (nothing ran, e.g. bad input) are left
     * out, so Bamboo does not add a "no test results found" failure to nbci's own message.
     */
    private static List<String> existing(File workingDirectory, List<String> paths, LogSink log) {
        List<String> found = new java.util.ArrayList<>();
        for (String path : paths) {
            if (path.matches(".*[*?\\[{].*") || Files.isRegularFile(workingDirectory.toPath().resolve(path))) {
                found.add(path);
            } else {
                log.info("nbci wrote no test results at " + path);
            }
        }
        return found;
    }

    private static RunResults results(File workingDirectory, NbciInvocation run, LogSink log) {
        for (String file : run.collect(Collect.Kind.RESULTS)) {
            Path path = workingDirectory.toPath().resolve(file);
            if (Files.isRegularFile(path)) {
                try {
                    return ResultsFile.read(path);
                } catch (NbciException e) {
                    log.warn("cannot read nbci's results file " + file + ": " + e.getMessage());
                }
            }
        }
        return null;
    }

    /** Logs the outcome's line and maps it to Bamboo's task states. */
    static TaskResult report(Outcome outcome, LogSink log, TaskResultBuilder result) {
        switch (outcome.result()) {
            case SUCCESS:
            case UNSTABLE:
                log.info(outcome.message());
                return result.success().build();
            case FAILURE:
            case TIMEOUT:
                log.error(outcome.message());
                return result.failed().build();
            case INFRASTRUCTURE:
            case ABORTED:
            default:
                log.error(outcome.message());
                return result.failedWithError().build();
        }
    }

    /** Passes lines on and remembers nbci's last {@code nbci: ...} error line, for the error summary. */
    private static final class LastErrorLine implements LogSink {
        private final LogSink delegate;
        private volatile String line;

        LastErrorLine(LogSink delegate) {
            this.delegate = delegate;
        }

        String line() {
            return line;
        }

        private void see(String message) {
            String error = Outcome.errorDetail(message);
            if (error != null) {
                line = error;
            }
        }

        @Override
        public void info(String message) {
            see(message);
            delegate.info(message);
        }

        @Override
        public void warn(String message) {
            see(message);
            delegate.warn(message);
        }

        @Override
        public void error(String message) {
            see(message);
            delegate.error(message);
        }
    }
}
