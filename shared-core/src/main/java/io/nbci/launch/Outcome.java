package io.nbci.launch;

import io.nbci.common.ExitCode;
import io.nbci.results.RunResults;
import java.util.Objects;

/**
 * What an nbci exit code means for the build, decided once for every host: the Jenkins
 * adapter turns {@link Result} into a {@code hudson.model.Result}, the Bamboo adapter into
 * a task result. {@link #message()} is the line the host shows first (build description,
 * log tail, error summary).
 *
 * <pre>
 *   0 SUCCESS
 *   1 FAILURE, or UNSTABLE when the step is configured so (tests failed, build still usable)
 *   2 FAILURE         bad usage or input, nothing was run
 *   3 INFRASTRUCTURE  kernel, cluster, HDFS or status API; also exit codes nbci never uses
 *   4 TIMEOUT
 * </pre>
 *
 * @param result   the host-neutral result
 * @param exitCode the process exit code, or -1 when nbci never ran or was aborted
 * @param message  the line to show first
 */
public record Outcome(Result result, int exitCode, String message) {

    /** What the command line prints before its error message ({@code io.nbci.cli.Main}). */
    private static final String ERROR_PREFIX = "nbci: ";

    /** Host-neutral build results. */
    public enum Result {
        SUCCESS, UNSTABLE, FAILURE, INFRASTRUCTURE, TIMEOUT, ABORTED;

        /** True when the build may go on with later steps (success or unstable). */
        public boolean isUsable() {
            return this == SUCCESS || this == UNSTABLE;
        }
    }

    public Outcome {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(message, "message");
    }

    /** Maps the exit code of {@code nbci COMMAND}. */
    public static Outcome of(String command, int exitCode, OutcomePolicy policy) {
        String prefix = "nbci " + command + ": ";
        switch (exitCode) {
            case 0:
                return new Outcome(Result.SUCCESS, 0, prefix + "success");
            case 1:
                return new Outcome(policy.unstableOnFailure() ? Result.UNSTABLE : Result.FAILURE, 1,
                        prefix + "the work ran and failed (a cell raised, an assertion failed or a check found "
                                + "differences); see the test results");
            case 2:
                return new Outcome(Result.FAILURE, 2,
                        prefix + "bad usage or bad input, nothing was run; the error is the last 'nbci:' line above");
            case 3:
                return new Outcome(Result.INFRASTRUCTURE, 3, prefix + "infrastructure error (kernel, cluster, HDFS "
                        + "or status API); the error is the last 'nbci:' line above");
            case 4:
                return new Outcome(Result.TIMEOUT, 4, prefix + "timeout; the log above names the cell or step");
            default:
                return new Outcome(Result.INFRASTRUCTURE, exitCode, prefix + "ended with exit code " + exitCode
                        + ", which nbci never uses" + signalHint(exitCode));
        }
    }

    /** nbci could not be started at all (no Java on the agent, jar not copied, ...). */
    public static Outcome launchFailed(String command, String reason) {
        return new Outcome(Result.INFRASTRUCTURE, -1, "nbci " + command + " could not be started: " + reason);
    }

    /** The build was aborted while nbci ran. */
    public static Outcome aborted(String command) {
        return new Outcome(Result.ABORTED, -1, "nbci " + command + ": aborted");
    }

    /** This outcome with the results' one-line summary appended, e.g. {@code (12 passed, 1 failed, ...)}. */
    public Outcome withSummary(RunResults results) {
        if (results == null || results.total() == 0) {
            return this;
        }
        return new Outcome(result, exitCode, message + " (" + results.summary() + ")");
    }

    /** This outcome with the command's own error line (e.g. the last {@code nbci: ...} line) appended. */
    public Outcome withDetail(String detail) {
        if (detail == null || detail.isBlank()) {
            return this;
        }
        return new Outcome(result, exitCode, message + ": " + detail.strip());
    }

    /**
     * The error a line of nbci's output states, for {@link #withDetail}: the text after the
     * {@code nbci: } prefix the command line prints its error message with; null for any other line.
     * The last such line of a run is the one to show.
     */
    public static String errorDetail(String line) {
        String stripped = line.strip();
        return stripped.startsWith(ERROR_PREFIX) ? stripped.substring(ERROR_PREFIX.length()) : null;
    }

    /** The exit code as nbci names it, when it is one of nbci's. */
    public String meaning() {
        try {
            return ExitCode.of(exitCode).meaning();
        } catch (IllegalArgumentException e) {
            return "not an nbci exit code";
        }
    }

    private static String signalHint(int exitCode) {
        if (exitCode > 128 && exitCode < 160) {
            return " (killed by signal " + (exitCode - 128) + "? the agent may have run out of memory)";
        }
        return "";
    }
}
