package io.nbci.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares the rows a Hive query returned with the rows a scenario expects: as multisets
 * unless ordered, numbers equal within a tolerance, numbers and their text equal
 * ({@code 100} matches {@code "100"}), null only matches null. The result lists the rows
 * missing and the rows unexpected, which is what a reviewer needs to see.
 */
public final class RowComparison {

    /** Rows expected but not returned, and rows returned but not expected. */
    public record Diff(List<List<Object>> missing, List<List<Object>> unexpected, boolean orderDiffers) {
        public boolean matches() {
            return missing.isEmpty() && unexpected.isEmpty() && !orderDiffers;
        }

        /** A readable diff: {@code - [..]} for missing rows, {@code + [..]} for unexpected ones. */
        public String render() {
            StringBuilder text = new StringBuilder();
            missing.forEach(row -> text.append("- ").append(render(row)).append('\n'));
            unexpected.forEach(row -> text.append("+ ").append(render(row)).append('\n'));
            if (orderDiffers) {
                text.append("(the same rows in a different order)\n");
            }
            return text.toString();
        }

        private static String render(List<Object> row) {
            return RowComparison.render(row);
        }
    }

    private RowComparison() {
    }

    public static Diff compare(List<List<Object>> expected, List<List<Object>> actual, boolean ordered,
            double tolerance) {
        List<List<Object>> remaining = new ArrayList<>(actual);
        List<List<Object>> missing = new ArrayList<>();
        for (List<Object> row : expected) {
            int match = indexOf(remaining, row, tolerance);
            if (match < 0) {
                missing.add(row);
            } else {
                remaining.remove(match);
            }
        }
        boolean orderDiffers = false;
        if (ordered && missing.isEmpty() && remaining.isEmpty()) {
            for (int i = 0; i < expected.size(); i++) {
                if (!rowEquals(expected.get(i), actual.get(i), tolerance)) {
                    orderDiffers = true;
                    break;
                }
            }
        }
        return new Diff(List.copyOf(missing), List.copyOf(remaining), orderDiffers);
    }

    private static int indexOf(List<List<Object>> rows, List<Object> row, double tolerance) {
        for (int i = 0; i < rows.size(); i++) {
            if (rowEquals(row, rows.get(i), tolerance)) {
                return i;
            }
        }
        return -1;
    }

    static boolean rowEquals(List<Object> expected, List<Object> actual, double tolerance) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!valueEquals(expected.get(i), actual.get(i), tolerance)) {
                return false;
            }
        }
        return true;
    }

    static boolean valueEquals(Object expected, Object actual, double tolerance) {
        if (expected == null || actual == null) {
            return expected == null && actual == null;
        }
        BigDecimal a = number(expected);
        BigDecimal b = number(actual);
        if (a != null && b != null) {
            return a.subtract(b).abs().compareTo(BigDecimal.valueOf(tolerance)) <= 0;
        }
        if (expected instanceof Boolean || actual instanceof Boolean) {
            return String.valueOf(expected).equalsIgnoreCase(String.valueOf(actual));
        }
        return Objects.equals(String.valueOf(expected), String.valueOf(actual));
    }

    private static BigDecimal number(Object value) {
        if (value instanceof Number) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return null;
            }
            return new BigDecimal(value.toString());
        }
        if (value instanceof String) {
            String text = ((String) value).strip();
            if (text.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
                return new BigDecimal(text);
            }
        }
        return null;
    }

    /** A row as {@code [100, "2016-10-10", null]}. */
    public static String render(List<?> row) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                text.append(", ");
            }
            Object value = row.get(i);
            if (value instanceof String) {
                text.append('"').append(((String) value).replace("\"", "\\\"")).append('"');
            } else {
                text.append(value);
            }
        }
        return text.append(']').toString();
    }

    /** Rows, one per line. */
    public static String render(List<List<Object>> rows, int limit) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < rows.size() && i < limit; i++) {
            text.append(render(rows.get(i))).append('\n');
        }
        if (rows.size() > limit) {
            text.append("... ").append(rows.size() - limit).append(" more rows\n");
        }
        return text.toString();
    }
}
