package io.nbci.results;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A row-by-row comparison of what a Hive query returned with what a scenario expected,
 * for the report's diff table: rows only expected are {@link Change#MISSING}, rows only
 * returned are {@link Change#UNEXPECTED}, rows in both are {@link Change#SAME}.
 *
 * @param columns the query's column names (may be empty when unknown)
 * @param rows    the rows with their change, expected order first
 */
public record RowDiff(List<String> columns, List<Row> rows) {

    /** How a row differs. */
    public enum Change { SAME, MISSING, UNEXPECTED }

    /** One row of the comparison, values rendered as text (SQL NULL as {@code NULL}). */
    public record Row(Change change, List<String> values) {
        public Row {
            Objects.requireNonNull(change, "change");
            values = RowDiff.values(values);
        }
    }

    /** An immutable copy of a row in which SQL NULLs (Java nulls) read {@code NULL}. */
    static List<String> values(List<String> row) {
        if (row == null) {
            return List.of();
        }
        return row.stream().map(v -> v == null ? "NULL" : v).toList();
    }

    public RowDiff {
        columns = columns == null ? List.of() : List.copyOf(columns);
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /** True when no row is missing or unexpected. */
    public boolean matches() {
        return rows.stream().allMatch(r -> r.change() == Change.SAME);
    }

    public long count(Change change) {
        return rows.stream().filter(r -> r.change() == change).count();
    }

    /**
     * Compares two bags of rows by exact value (order-insensitive, duplicates counted), the
     * default comparison of a scenario's {@code hive-query} expectation. Producers with a
     * numeric tolerance build the diff themselves.
     */
    public static RowDiff compare(List<String> columns, List<List<String>> expected, List<List<String>> actual) {
        Map<List<String>, Integer> remaining = new HashMap<>();
        for (List<String> row : actual) {
            remaining.merge(values(row), 1, Integer::sum);
        }
        List<Row> rows = new ArrayList<>();
        for (List<String> row : expected) {
            List<String> key = values(row);
            Integer left = remaining.get(key);
            if (left != null && left > 0) {
                remaining.put(key, left - 1);
                rows.add(new Row(Change.SAME, key));
            } else {
                rows.add(new Row(Change.MISSING, key));
            }
        }
        for (List<String> row : actual) {
            List<String> key = values(row);
            Integer left = remaining.get(key);
            if (left != null && left > 0) {
                remaining.put(key, left - 1);
                rows.add(new Row(Change.UNEXPECTED, key));
            }
        }
        return new RowDiff(columns, rows);
    }
}
