package io.nbci.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a notebook tree against the parts of the nbformat 4 schema that matter for
 * running and converting it. Every problem names the cell (and output) index and the
 * field; all problems are reported at once.
 */
final class NotebookValidator {
    private static final Pattern CELL_ID = Pattern.compile("^[a-zA-Z0-9-_]{1,64}$");

    private NotebookValidator() {
    }

    static void validate(JsonNode tree, String origin) {
        List<String> problems = problems(tree);
        if (problems.isEmpty()) {
            return;
        }
        if (problems.size() == 1) {
            throw new NotebookException(origin + ": " + problems.get(0));
        }
        throw new NotebookException(origin + ": " + problems.size() + " problems:\n  " + String.join("\n  ", problems));
    }

    static List<String> problems(JsonNode tree) {
        List<String> problems = new ArrayList<>();
        if (!tree.isObject()) {
            problems.add("expected a JSON object (a notebook), found " + kind(tree));
            return problems;
        }
        JsonNode major = tree.get("nbformat");
        if (major == null || !major.isIntegralNumber()) {
            problems.add("'nbformat' is missing or not a whole number; is this a Jupyter notebook?");
            return problems;
        }
        if (major.intValue() != 4) {
            problems.add("nbformat " + major.intValue() + " is not supported (nbci reads nbformat 4.0 to 4."
                    + Notebook.NEWEST_MINOR + "); convert it with: jupyter nbconvert --to notebook --nbformat 4");
            return problems;
        }
        JsonNode minor = tree.get("nbformat_minor");
        if (minor == null || !minor.isIntegralNumber()) {
            problems.add("'nbformat_minor' is missing or not a whole number");
            return problems;
        }
        if (!tree.path("metadata").isObject()) {
            problems.add("'metadata' must be an object, found " + kind(tree.get("metadata")));
        }
        JsonNode cells = tree.get("cells");
        if (cells == null || !cells.isArray()) {
            problems.add("'cells' must be a list, found " + kind(cells));
            return problems;
        }
        boolean ids = minor.intValue() >= 5;
        Map<String, Integer> seenIds = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            checkCell(cells.get(i), i, ids, seenIds, problems);
        }
        return problems;
    }

    private static void checkCell(JsonNode cell, int index, boolean ids, Map<String, Integer> seenIds,
            List<String> problems) {
        String at = "cell " + index + ": ";
        if (!cell.isObject()) {
            problems.add(at + "expected an object, found " + kind(cell));
            return;
        }
        JsonNode typeNode = cell.get("cell_type");
        if (typeNode == null) {
            problems.add(at + "missing 'cell_type' (code, markdown or raw)");
            return;
        }
        CellType type = typeNode.isTextual() ? CellType.fromJson(typeNode.textValue()) : null;
        if (type == null) {
            problems.add(at + "'cell_type' must be code, markdown or raw, found " + kind(typeNode));
            return;
        }
        checkMultiline(cell.get("source"), at, "source", problems);
        JsonNode metadata = cell.get("metadata");
        if (metadata != null && !metadata.isObject()) {
            problems.add(at + "'metadata' must be an object, found " + kind(metadata));
        } else if (metadata != null && metadata.has("tags")) {
            JsonNode tags = metadata.get("tags");
            if (!tags.isArray() || !allText(tags)) {
                problems.add(at + "'metadata.tags' must be a list of strings, found " + kind(tags));
            }
        }
        JsonNode id = cell.get("id");
        if (id != null) {
            if (!ids) {
                // nbformat < 4.5 has no ids; Jupyter keeps them, so do we
            } else if (!id.isTextual() || !CELL_ID.matcher(id.textValue()).matches()) {
                problems.add(at + "invalid 'id' " + kind(id)
                        + " (1 to 64 letters, digits, '-' or '_')");
            } else if (seenIds.containsKey(id.textValue())) {
                problems.add(at + "duplicate 'id' \"" + id.textValue() + "\" (also cell " + seenIds.get(id.textValue())
                        + ")");
            } else {
                seenIds.put(id.textValue(), index);
            }
        }
        if (type == CellType.CODE) {
            JsonNode count = cell.get("execution_count");
            if (count != null && !count.isNull() && !count.isIntegralNumber()) {
                problems.add(at + "'execution_count' must be a whole number or null, found " + kind(count));
            }
            JsonNode outputs = cell.get("outputs");
            if (outputs != null && !outputs.isArray()) {
                problems.add(at + "'outputs' must be a list, found " + kind(outputs));
            } else if (outputs != null) {
                for (int o = 0; o < outputs.size(); o++) {
                    checkOutput(outputs.get(o), at + "output " + o + ": ", problems);
                }
            }
        }
    }

    private static void checkOutput(JsonNode output, String at, List<String> problems) {
        if (!output.isObject()) {
            problems.add(at + "expected an object, found " + kind(output));
            return;
        }
        String type = output.path("output_type").asText(null);
        if (type == null) {
            problems.add(at + "missing 'output_type'");
            return;
        }
        switch (type) {
            case "stream":
                if (!output.path("name").isTextual()) {
                    problems.add(at + "stream output needs 'name' (stdout or stderr)");
                }
                checkMultiline(output.get("text"), at, "text", problems);
                break;
            case "display_data":
            case "execute_result":
                if (output.has("data") && !output.get("data").isObject()) {
                    problems.add(at + "'data' must be an object, found " + kind(output.get("data")));
                }
                break;
            case "error":
                if (!output.path("ename").isTextual() || !output.path("evalue").isTextual()) {
                    problems.add(at + "error output needs 'ename' and 'evalue' strings");
                }
                if (!output.path("traceback").isArray()) {
                    problems.add(at + "error output needs a 'traceback' list");
                }
                break;
            default:
                problems.add(at + "unknown 'output_type' \"" + type
                        + "\" (stream, display_data, execute_result or error)");
        }
    }

    private static void checkMultiline(JsonNode node, String at, String field, List<String> problems) {
        if (node == null) {
            problems.add(at + "missing '" + field + "'");
            return;
        }
        if (node.isTextual() || (node.isArray() && allText(node))) {
            return;
        }
        problems.add(at + "'" + field + "' must be a string or a list of strings, found " + kind(node));
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isTextual()) {
            String text = node.textValue();
            return "\"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
        }
        if (node.isNull()) {
            return "null";
        }
        return (node.isNumber() ? "number " : "") + node.toString();
    }
}
