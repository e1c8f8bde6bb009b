package io.nbci.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a {@link Fixture.HiveTable} into HQL. Tables whose DDL nbci derives are text tables
 * with Hive's default delimiters, so their rows are written as one file and attached with
 * {@code LOAD DATA} (a metastore operation, no job); tables with the team's own DDL, or rows
 * that a text file cannot carry, get {@code INSERT ... VALUES} in batches.
 */
final class HiveFixtures {
    static final char FIELD = '\u0001';
    private static final int INSERT_BATCH = 500;

    private HiveFixtures() {
    }

    static String createDatabase(Fixture.HiveTable table) {
        return "CREATE DATABASE IF NOT EXISTS " + table.database();
    }

    static String createTable(Fixture.HiveTable table) {
        if (table.ddl() != null) {
            return table.ddl();
        }
        StringBuilder ddl = new StringBuilder("CREATE ");
        if (table.location() != null) {
            ddl.append("EXTERNAL ");
        }
        ddl.append("TABLE ").append(table.qualifiedName()).append(" (")
                .append(columns(table.columns())).append(')');
        if (!table.partitionColumns().isEmpty()) {
            ddl.append(" PARTITIONED BY (").append(columns(table.partitionColumns())).append(')');
        }
        if ("textfile".equals(table.format())) {
            ddl.append(" ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\001' STORED AS TEXTFILE");
        } else {
            ddl.append(" STORED AS ").append(table.format().toUpperCase(Locale.ROOT));
        }
        if (table.location() != null) {
            ddl.append(" LOCATION '").append(table.location()).append('\'');
        }
        return ddl.toString();
    }

    private static String columns(Map<String, String> columns) {
        return columns.entrySet().stream().map(e -> "`" + e.getKey() + "` " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** True when the rows can be loaded as a text file (derived text DDL, no delimiter or newline in values). */
    static boolean loadableAsText(Fixture.HiveTable table) {
        if (table.ddl() != null || !"textfile".equals(table.format())) {
            return false;
        }
        for (List<Object> row : table.rows()) {
            for (Object value : row) {
                if (value instanceof String) {
                    String text = (String) value;
                    if (text.indexOf(FIELD) >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
                            || text.equals("\\N")) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** The rows as a Hive text file: fields separated by \001, NULL as \N. */
    static String textFile(Fixture.HiveTable table) {
        StringBuilder text = new StringBuilder();
        for (List<Object> row : table.rows()) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    text.append(FIELD);
                }
                Object value = row.get(i);
                text.append(value == null ? "\\N" : value instanceof Boolean ? value.toString() : String.valueOf(value));
            }
            text.append('\n');
        }
        return text.toString();
    }

    static String loadData(Fixture.HiveTable table, String hdfsFile) {
        return "LOAD DATA INPATH '" + hdfsFile + "' INTO TABLE " + table.qualifiedName() + partitionClause(table);
    }

    /** ADD PARTITION for a partition given without rows, so the job sees an empty partition. */
    static String addPartition(Fixture.HiveTable table) {
        return "ALTER TABLE " + table.qualifiedName() + " ADD IF NOT EXISTS" + partitionClause(table);
    }

    static List<String> inserts(Fixture.HiveTable table) {
        List<String> statements = new ArrayList<>();
        List<List<Object>> rows = table.rows();
        for (int start = 0; start < rows.size(); start += INSERT_BATCH) {
            StringBuilder insert = new StringBuilder("INSERT INTO ").append(table.qualifiedName())
                    .append(partitionClause(table)).append(" VALUES ");
            List<List<Object>> batch = rows.subList(start, Math.min(rows.size(), start + INSERT_BATCH));
            for (int r = 0; r < batch.size(); r++) {
                insert.append(r > 0 ? ", (" : "(");
                List<Object> row = batch.get(r);
                for (int i = 0; i < row.size(); i++) {
                    insert.append(i > 0 ? ", " : "").append(literal(row.get(i)));
                }
                insert.append(')');
            }
            statements.add(insert.toString());
        }
        return statements;
    }

    static String partitionClause(Fixture.HiveTable table) {
        if (table.partition().isEmpty()) {
            return "";
        }
        return " PARTITION (" + table.partition().entrySet().stream()
                .map(e -> "`" + e.getKey() + "`=" + literal(e.getValue()))
                .collect(Collectors.joining(", ")) + ")";
    }

    static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString().toUpperCase(Locale.ROOT);
        }
        String text = value.toString();
        StringBuilder quoted = new StringBuilder("'");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\'': quoted.append("\\'"); break;
                case '\\': quoted.append("\\\\"); break;
                case '\n': quoted.append("\\n"); break;
                case '\r': quoted.append("\\r"); break;
                default: quoted.append(c);
            }
        }
        return quoted.append('\'').toString();
    }
}
