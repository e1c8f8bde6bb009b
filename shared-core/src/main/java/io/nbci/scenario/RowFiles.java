package io.nbci.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbci.config.ConfigNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads fixture rows from CSV (RFC 4180 quoting, header row required when the table's columns
 * are declared), TSV (tab separated, {@code \N} for null, optional header) or JSON lines
 * (objects keyed by column, or arrays). Errors name the file and line.
 */
final class RowFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RowFiles() {
    }

    static List<List<Object>> read(Path file, Map<String, String> columns, ConfigNode declaredAt) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw declaredAt.error("cannot read rows file " + file + ": " + e.getMessage());
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return jsonLines(file, lines, columns);
        }
        if (name.endsWith(".tsv")) {
            return delimited(file, lines, columns, '\t', false);
        }
        if (name.endsWith(".csv")) {
            return delimited(file, lines, columns, ',', true);
        }
        throw declaredAt.error("rows_file must end in .csv, .tsv, .jsonl or .ndjson: " + file);
    }

    private static List<List<Object>> delimited(Path file, List<String> lines, Map<String, String> columns,
            char separator, boolean quoting) {
        List<List<Object>> rows = new ArrayList<>();
        List<String> names = List.copyOf(columns.keySet());
        int[] order = null;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isEmpty()) {
                continue;
            }
            List<String> fields = quoting ? csvFields(line, file, n + 1) : List.of(line.split("\t", -1));
            if (order == null && rows.isEmpty() && !names.isEmpty() && isHeader(fields, names)) {
                order = new int[names.size()];
                for (int i = 0; i < names.size(); i++) {
                    order[i] = indexOfIgnoreCase(fields, names.get(i));
                }
                continue;
            }
            if (!names.isEmpty() && fields.size() != names.size()) {
                throw new ScenarioException(io.nbci.common.ExitCode.BAD_INPUT, file + ":" + (n + 1) + ": row has "
                        + fields.size() + " fields, the table has " + names.size() + " columns " + names);
            }
            List<Object> row = new ArrayList<>();
            for (int i = 0; i < fields.size(); i++) {
                String value = fields.get(order == null ? i : order[i]);
                row.add("\\N".equals(value) ? null : value);
            }
            rows.add(row);
        }
        return rows;
    }

    private static boolean isHeader(List<String> fields, List<String> names) {
        if (fields.size() != names.size()) {
            return false;
        }
        for (String name : names) {
            if (indexOfIgnoreCase(fields, name) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int indexOfIgnoreCase(List<String> fields, String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).strip().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> csvFields(String line, Path file, int lineNumber) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new ScenarioException(io.nbci.common.ExitCode.BAD_INPUT,
                    file + ":" + lineNumber + ": unterminated quoted field (multi-line CSV values are not supported)");
        }
        fields.add(field.toString());
        return fields;
    }

    private static List<List<Object>> jsonLines(Path file, List<String> lines, Map<String, String> columns) {
        List<List<Object>> rows = new ArrayList<>();
        List<String> names = List.copyOf(columns.keySet());
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException e) {
                throw new ScenarioException(io.nbci.common.ExitCode.BAD_INPUT,
                        file + ":" + (n + 1) + ": not valid JSON: " + e.getMessage().split("\n")[0]);
            }
            List<Object> row = new ArrayList<>();
            if (node.isArray()) {
                node.forEach(value -> row.add(plain(value)));
            } else if (node.isObject() && !names.isEmpty()) {
                for (String name : names) {
                    row.add(plain(node.get(name)));
                }
                for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
                    String key = keys.next();
                    if (!columns.containsKey(key)) {
                        throw new ScenarioException(io.nbci.common.ExitCode.BAD_INPUT, file + ":" + (n + 1)
                                + ": field \"" + key + "\" is not a column of the table " + names);
                    }
                }
            } else {
                throw new ScenarioException(io.nbci.common.ExitCode.BAD_INPUT, file + ":" + (n + 1)
                        + ": expected a JSON array, or an object when the table's columns are declared");
            }
            if (!names.isEmpty() && row.size() != names.size()) {
                throw new ScenarioException(io.nbci.common.ExitCode.BAD_INPUT, file + ":" + (n + 1) + ": row has "
                        + row.size() + " values, the table has " + names.size() + " columns " + names);
            }
            rows.add(row);
        }
        return rows;
    }

    private static Object plain(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.longValue();
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        return value.toString();
    }
}
