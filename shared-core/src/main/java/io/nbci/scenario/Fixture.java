package io.nbci.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Something a scenario puts on the local cluster before the job runs. Each kind is a
 * record; the {@link ScenarioRunner} applies them in the order the file lists them.
 */
public sealed interface Fixture {

    /** Where in the scenario file it was declared, e.g. {@code scenarios/missing.yaml:12}. */
    String origin();

    /**
     * A Hive table, created from DDL (inline, a .hql file, or derived from {@code columns}) and
     * filled with rows (inline or from a CSV, TSV or JSON-lines file), optionally into one partition.
     *
     * @param database  database, created when absent
     * @param table     table name
     * @param ddl       a CREATE TABLE statement, or null to derive it from {@code columns}
     * @param columns   column name to Hive type, in order (used when ddl is null, and to type rows)
     * @param partitionColumns partition column name to Hive type (with derived DDL)
     * @param partition partition spec the rows go into (column to value), or empty
     * @param rows      rows as lists of plain values (String, Long, Double, Boolean, null)
     * @param format    storage format for derived DDL (textfile by default)
     * @param location  HDFS folder of an external table with derived DDL, or null for Hive's default
     */
    record HiveTable(String origin, String database, String table, String ddl, Map<String, String> columns,
            Map<String, String> partitionColumns, Map<String, String> partition, List<List<Object>> rows,
            String format, String location) implements Fixture {
        public HiveTable {
            // ordered copies: the column order is the table's (Map.copyOf would scramble it per JVM)
            columns = ordered(columns);
            partitionColumns = ordered(partitionColumns);
            partition = ordered(partition);
            rows = List.copyOf(rows.stream().map(row -> java.util.Collections.unmodifiableList(
                    new java.util.ArrayList<>(row))).toList());
        }

        public String qualifiedName() {
            return database + "." + table;
        }

        private static Map<String, String> ordered(Map<String, String> map) {
            return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
        }
    }

    /** HQL statements (inline, or a script file split on semicolons outside quotes). */
    record Hql(String origin, List<String> statements) implements Fixture {
        public Hql {
            statements = List.copyOf(statements);
        }
    }

    /**
     * An HDFS file or folder: inline content, or a file or folder copied from the repository.
     *
     * @param path    absolute HDFS path
     * @param content inline text, or null
     * @param from    local file or folder to copy, or null (exactly one of content and from is set)
     */
    record HdfsPath(String origin, String path, String content, Path from) implements Fixture {
    }
}
