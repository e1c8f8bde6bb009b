package io.nbci.results;

import io.nbci.common.ExitCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one results model: every command that runs something ({@code run}, {@code run-all},
 * {@code test}, {@code deploy}) produces one of these and writes it as JSON with
 * {@link ResultsFile}. JUnit XML, the HTML report, commit-status descriptions, build
 * metrics and the plugins' summaries are all derived from it.
 *
 * @param schemaVersion  {@link #SCHEMA_VERSION} when written by this version
 * @param command        the nbci command that produced it ({@code run}, {@code test}, ...)
 * @param started        when the command started
 * @param durationMillis wall time of the whole command
 * @param exitCode       the command's exit code
 * @param suites         the suites, in the order they ran
 */
public record RunResults(int schemaVersion, String command, Instant started, long durationMillis, ExitCode exitCode,
        List<SuiteResult> suites) {

    public static final int SCHEMA_VERSION = 1;

    public RunResults {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(exitCode, "exitCode");
        suites = suites == null ? List.of() : List.copyOf(suites);
    }

    public static RunResults of(String command, Instant started, long durationMillis, ExitCode exitCode,
            List<SuiteResult> suites) {
        return new RunResults(SCHEMA_VERSION, command, started, durationMillis, exitCode, suites);
    }

    public long count(Status status) {
        return suites.stream().mapToLong(s -> s.count(status)).sum();
    }

    public long total() {
        return suites.stream().mapToLong(s -> s.cases().size()).sum();
    }

    /** A new results object with the suites of both, e.g. to merge runs of several processes. */
    public RunResults merge(RunResults other) {
        List<SuiteResult> all = new ArrayList<>(suites);
        all.addAll(other.suites);
        return new RunResults(SCHEMA_VERSION, command, started, Math.max(durationMillis, other.durationMillis),
                exitCode.worst(other.exitCode), all);
    }

    /** One line such as {@code 12 passed, 1 failed, 0 errors, 2 skipped}: used for status descriptions and logs. */
    public String summary() {
        return count(Status.PASSED) + " passed, " + count(Status.FAILED) + " failed, " + count(Status.ERROR)
                + " errors, " + count(Status.SKIPPED) + " skipped";
    }
}
