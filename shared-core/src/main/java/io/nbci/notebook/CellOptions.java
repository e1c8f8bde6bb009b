package io.nbci.notebook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The options after {@code # %%} on a py:percent cell marker, as jupytext writes and reads
 * them: an optional title, the cell type in brackets ({@code [markdown]}, {@code [raw]}),
 * then metadata as {@code key=JSON} pairs ({@code tags=["parameters"]}), or one JSON object
 * when the notebook asks for {@code cell_metadata_json}.
 */
final class CellOptions {
    private static final Pattern IDENTIFIER = Pattern.compile("^[a-zA-Z_.]+[a-zA-Z0-9_.]*$");
    private static final Pattern VALID_KEY = Pattern.compile("^[a-zA-Z0-9_.-]+$");
    private static final String BAD = "incorrectly_encoded_metadata";
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private CellOptions() {
    }

    static boolean isValidKey(String key) {
        return VALID_KEY.matcher(key).matches();
    }

    /** The result of parsing: the metadata (with title, cell_type, cell_depth when present) and the JSON flag. */
    record Parsed(ObjectNode metadata, boolean json) {
    }

    /** Parses the text after {@code %%} on a marker line. */
    static Parsed parse(String options) {
        String text = options.strip();
        int curly = text.indexOf('{');
        int equal = text.indexOf('=');
        String title;
        ObjectNode metadata;
        boolean json = false;
        if (curly < 0 || (equal >= 0 && equal < curly)) {
            List<String> words;
            if (equal >= 0) {
                words = new ArrayList<>(List.of(text.substring(0, equal).split(" ", -1)));
                while (!words.isEmpty() && words.get(words.size() - 1).isEmpty()) {
                    words.remove(words.size() - 1);
                }
                if (!words.isEmpty()) {
                    words.remove(words.size() - 1);
                }
            } else {
                words = new ArrayList<>(List.of(text.split(" ", -1)));
            }
            while (!words.isEmpty() && (words.get(words.size() - 1).strip().isEmpty()
                    || words.get(words.size() - 1).startsWith("."))) {
                words.remove(words.size() - 1);
            }
            title = String.join(" ", words);
            metadata = parseKeyEqualValue(text.substring(title.length()));
        } else {
            json = true;
            title = text.substring(0, curly).strip();
            JsonNode value = relaxedJson(text.substring(curly));
            if (value != null && value.isObject()) {
                metadata = (ObjectNode) value;
            } else {
                metadata = NotebookJson.NODES.objectNode();
                metadata.put(BAD, text.substring(curly));
            }
        }
        for (String type : new String[] {"markdown", "raw", "md"}) {
            String code = "[" + type + "]";
            if (title.contains(code)) {
                title = title.replace(code, "").strip();
                if (type.equals("md")) {
                    metadata.put("region_name", "md");
                    metadata.put("cell_type", "markdown");
                } else {
                    metadata.put("cell_type", type);
                }
                break;
            }
        }
        int depth = 0;
        while (title.startsWith("%")) {
            depth++;
            title = title.substring(1);
        }
        if (depth > 0) {
            metadata.put("cell_depth", depth);
            title = title.strip();
        }
        if (!title.isEmpty()) {
            metadata.put("title", title);
        }
        return new Parsed(metadata, json);
    }

    private static ObjectNode parseKeyEqualValue(String input) {
        String text = input.strip();
        ObjectNode result = NotebookJson.NODES.objectNode();
        if (text.isEmpty()) {
            return result;
        }
        int lastSpace = text.lastIndexOf(' ');
        String lastWord = text.substring(lastSpace + 1);
        if (!text.startsWith("--") && IDENTIFIER.matcher(lastWord).matches()) {
            result.putNull(lastWord);
            if (lastSpace > 0) {
                parseKeyEqualValue(text.substring(0, lastSpace)).fields()
                        .forEachRemaining(e -> result.set(e.getKey(), e.getValue()));
            }
            return result;
        }
        int equal = text.length();
        while (true) {
            equal = text.lastIndexOf('=', equal - 1);
            if (equal < 0) {
                result.put(BAD, text);
                return result;
            }
            int previousSpace = text.substring(0, equal).stripTrailing().lastIndexOf(' ');
            String key = text.substring(previousSpace + 1, equal).strip();
            if (!isValidKey(key)) {
                continue;
            }
            JsonNode value = relaxedJson(text.substring(equal + 1));
            if (value == null) {
                continue;
            }
            ObjectNode metadata = previousSpace > 0 ? parseKeyEqualValue(text.substring(0, previousSpace))
                    : NotebookJson.NODES.objectNode();
            metadata.set(key, value);
            return metadata;
        }
    }

    /** JSON, or failing that a Python literal (single quotes, True/False/None); null when neither. */
    static JsonNode relaxedJson(String input) {
        String text = input.strip();
        JsonNode value = strictJson(text);
        if (value != null) {
            return value;
        }
        String converted = pythonLiteralToJson(text);
        return converted == null ? null : strictJson(converted);
    }

    private static JsonNode strictJson(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() == null) {
                return null;
            }
            JsonNode node = read(parser);
            return parser.nextToken() == null ? node : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static JsonNode read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NotebookJson.NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, read(parser));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NotebookJson.NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser));
                }
                return array;
            }
            case VALUE_STRING:
                return NotebookJson.NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return NotebookJson.NODES.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT:
                return new PyFloatNode(parser.getDoubleValue(), parser.getText());
            case VALUE_TRUE:
                return NotebookJson.NODES.booleanNode(true);
            case VALUE_FALSE:
                return NotebookJson.NODES.booleanNode(false);
            case VALUE_NULL:
                return NotebookJson.NODES.nullNode();
            default:
                throw new IOException("unexpected " + token);
        }
    }

    /** Converts a simple Python literal (strings in either quote, True/False/None, tuples as lists) to JSON. */
    private static String pythonLiteralToJson(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                StringBuilder value = new StringBuilder();
                int j = i + 1;
                boolean closed = false;
                while (j < text.length()) {
                    char d = text.charAt(j);
                    if (d == '\\' && j + 1 < text.length()) {
                        value.append(d).append(text.charAt(j + 1));
                        j += 2;
                        continue;
                    }
                    if (d == c) {
                        closed = true;
                        break;
                    }
                    if (d == '"') {
                        value.append("\\\"");
                    } else {
                        value.append(d);
                    }
                    j++;
                }
                if (!closed) {
                    return null;
                }
                out.append('"').append(value.toString().replace("\\'", "'")).append('"');
                i = j + 1;
            } else if (Character.isLetter(c)) {
                int j = i;
                while (j < text.length() && Character.isLetterOrDigit(text.charAt(j))) {
                    j++;
                }
                String word = text.substring(i, j);
                switch (word) {
                    case "True": out.append("true"); break;
                    case "False": out.append("false"); break;
                    case "None": out.append("null"); break;
                    default: return null;
                }
                i = j;
            } else if (c == '(') {
                out.append('[');
                i++;
            } else if (c == ')') {
                out.append(']');
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * The marker options for a cell's metadata, in the order jupytext writes them: title,
     * {@code [cell_type]}, then each key as {@code key=JSON} (or one JSON object).
     */
    static String write(ObjectNode metadata, boolean plainJson) {
        ObjectNode rest = metadata.deepCopy();
        List<String> head = new ArrayList<>();
        if (rest.has("title")) {
            head.add(rest.remove("title").asText());
        }
        if (rest.has("cell_depth")) {
            head.add(0, "%".repeat(rest.remove("cell_depth").asInt()));
        }
        if (rest.has("cell_type")) {
            JsonNode type = rest.remove("cell_type");
            JsonNode region = rest.remove("region_name");
            head.add("[" + (region != null ? region.asText() : type.asText()) + "]");
        }
        List<String> text = new ArrayList<>();
        String first = String.join(" ", head);
        if (!first.isEmpty()) {
            text.add(first);
        }
        if (plainJson) {
            if (!rest.isEmpty()) {
                text.add(dumps(rest));
            }
        } else {
            Iterator<Map.Entry<String, JsonNode>> fields = rest.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals(BAD)) {
                    text.add(field.getValue().asText());
                } else if (field.getValue().isNull()) {
                    text.add(field.getKey());
                } else {
                    text.add(field.getKey() + "=" + dumps(field.getValue()));
                }
            }
        }
        return String.join(" ", text);
    }

    /** Python's {@code json.dumps(value)}: ASCII only, {@code ", "} and {@code ": "} separators, keys in order. */
    static String dumps(JsonNode node) {
        StringBuilder out = new StringBuilder();
        dumps(node, out);
        return out.toString();
    }

    private static void dumps(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            out.append('{');
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            boolean first = true;
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!first) {
                    out.append(", ");
                }
                first = false;
                NotebookJson.string(field.getKey(), true, out);
                out.append(": ");
                dumps(field.getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                dumps(node.get(i), out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            NotebookJson.string(node.textValue(), true, out);
        } else if (node instanceof PyFloatNode) {
            out.append(((PyFloatNode) node).literal());
        } else if (node.isFloatingPointNumber()) {
            out.append(NotebookJson.pythonRepr(node.doubleValue()));
        } else if (node.isNumber()) {
            out.append(node.bigIntegerValue());
        } else if (node.isBoolean()) {
            out.append(node.booleanValue() ? "true" : "false");
        } else {
            out.append("null");
        }
    }
}
