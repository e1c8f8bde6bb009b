package io.nbci.results;

import java.util.List;
import java.util.Objects;

/**
 * One test case: a notebook cell, a scenario, or a case from a JUnit file a job wrote.
 *
 * @param name        case name (for cells: {@code cell 3: df = spark.table(...)})
 * @param className   JUnit classname (the notebook or scenario it belongs to)
 * @param status      outcome
 * @param durationMillis wall time
 * @param failure     why it failed, or null when it passed or was skipped
 * @param output      captured output (may be truncated by the producer), or null
 * @param cellIndex   for notebook cells, the cell's index in the notebook; else null
 * @param checks      for scenarios, every assertion that ran, passed or not
 * @param fixtures    for scenarios, the data seeded before the run (Hive tables, HDFS files); empty otherwise
 * @param metrics     for scenarios, the Graphite metrics the job sent during this case; empty otherwise
 */
public record CaseResult(String name, String className, Status status, long durationMillis, Failure failure,
        String output, Integer cellIndex, List<Check> checks, List<Fixture> fixtures, List<MetricSample> metrics) {

    public CaseResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        checks = checks == null ? List.of() : List.copyOf(checks);
        fixtures = fixtures == null ? List.of() : List.copyOf(fixtures);
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
    }

    /** The form without scenario fixtures and metrics (notebook cells, merged JUnit cases). */
    public CaseResult(String name, String className, Status status, long durationMillis, Failure failure,
            String output, Integer cellIndex, List<Check> checks) {
        this(name, className, status, durationMillis, failure, output, cellIndex, checks, List.of(), List.of());
    }

    public static CaseResult passed(String name, String className, long durationMillis) {
        return new CaseResult(name, className, Status.PASSED, durationMillis, null, null, null, List.of(), List.of(),
                List.of());
    }

    /**
     * One assertion of a scenario with what it expected and what it found.
     *
     * @param kind     {@code exit-code}, {@code hive-query}, {@code hdfs}, {@code metric}, {@code log}
     * @param target   what was checked (query text, path, metric glob)
     * @param passed   whether it held
     * @param expected expected value, rendered
     * @param actual   actual value, rendered
     * @param message  a one-line explanation when it failed
     * @param rows     for {@code hive-query} checks, the row-by-row comparison; null otherwise
     */
    public record Check(String kind, String target, boolean passed, String expected, String actual, String message,
            RowDiff rows) {

        /** A check without a row comparison. */
        public Check(String kind, String target, boolean passed, String expected, String actual, String message) {
            this(kind, target, passed, expected, actual, message, null);
        }
    }
}
