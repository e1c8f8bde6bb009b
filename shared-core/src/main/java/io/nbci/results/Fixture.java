package io.nbci.results;

import java.util.List;
import java.util.Objects;

/**
 * One piece of data a scenario seeded before its run, shown in the report so a reviewer
 * sees what the job was given: a Hive table with its rows, an HDFS file, a setup script.
 *
 * @param kind        {@code hive-table}, {@code hive-script}, {@code hdfs-file}, {@code hdfs-dir}, ...
 * @param target      where it went: {@code db.table} (with partition), an HDFS path
 * @param description where it came from and how much, e.g. {@code 3 rows from fixtures/events.csv}
 * @param columns     column names of the preview, empty when there is no tabular preview
 * @param rows        the first rows (a preview, cut by the producer), each as rendered values (null reads NULL)
 */
public record Fixture(String kind, String target, String description, List<String> columns, List<List<String>> rows) {

    public Fixture {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        columns = columns == null ? List.of() : List.copyOf(columns);
        rows = rows == null ? List.of() : rows.stream().map(RowDiff::values).toList();
    }

    /** A fixture without a tabular preview (an HDFS file, a setup script). */
    public static Fixture of(String kind, String target, String description) {
        return new Fixture(kind, target, description, List.of(), List.of());
    }
}
