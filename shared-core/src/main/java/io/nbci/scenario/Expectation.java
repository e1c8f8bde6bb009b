package io.nbci.scenario;

import java.util.List;

/** One thing a scenario checks after the job ran. Each kind is a record. */
public sealed interface Expectation {

    /** Where in the scenario file it was declared. */
    String origin();

    /** The job's exit code. */
    record ExitCodeIs(String origin, int code) implements Expectation {
    }

    /**
     * A Hive query and the rows it must return.
     *
     * @param query     the SELECT
     * @param rows      expected rows as plain values
     * @param ordered   compare in order (default: as multisets)
     * @param tolerance absolute tolerance for numbers
     */
    record HiveRows(String origin, String query, List<List<Object>> rows, boolean ordered, double tolerance)
            implements Expectation {
        public HiveRows {
            rows = List.copyOf(rows.stream().map(row -> java.util.Collections.unmodifiableList(
                    new java.util.ArrayList<>(row))).toList());
        }
    }

    /**
     * An HDFS path: must exist or not; optionally its text contains a string, or its line
     * count (summed over the files of a folder) equals a number.
     */
    record HdfsPathState(String origin, String path, boolean exists, String contains, Integer lines)
            implements Expectation {
    }

    /**
     * Graphite metrics by exact name or glob ({@code *} within a path segment, {@code **} across).
     * Exactly one of value, range or count is set; value compares the last sample.
     */
    record Metric(String origin, String name, Double value, Double min, Double max, Integer count,
            double tolerance) implements Expectation {
    }

    /** A log line (substring or /regex/) that must, or must not, appear in the job's output. */
    record LogLine(String origin, String pattern, boolean present) implements Expectation {
    }
}
