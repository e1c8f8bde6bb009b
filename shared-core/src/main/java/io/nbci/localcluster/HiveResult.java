package io.nbci.localcluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rows of the last HQL statement that returned any, as plain Java values (Long, Double,
 * Boolean, String, or null for SQL NULL), with the column names.
 */
public record HiveResult(List<String> columns, List<List<Object>> rows) {

    public HiveResult {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>();
        rows.forEach(row -> copy.add(Collections.unmodifiableList(new ArrayList<>(row))));
        rows = Collections.unmodifiableList(copy);
    }

    public static HiveResult empty() {
        return new HiveResult(List.of(), List.of());
    }
}
