package io.nbci.notebook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON exactly as Jupyter reads and writes it: {@code json.dumps(nb, sort_keys=True,
 * indent=1, ensure_ascii=False)} plus a trailing newline. Parsing keeps every field and
 * the written form of floats, so reading and writing a notebook Jupyter saved gives the
 * same bytes.
 */
public final class NotebookJson {

    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private NotebookJson() {
    }

    /**
     * Parses JSON text into a tree. Malformed JSON is a {@link NotebookException} that
     * names {@code where} with line and column.
     */
    public static JsonNode parse(String text, String where) {
        try {
            return parse(JSON.createParser(text), where, false);
        } catch (IOException e) {
            throw new NotebookException(where + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Parses UTF-8 notebook bytes but leaves every code cell's {@code outputs} empty without
     * building them: for comparisons, which never look at outputs and are mostly made of them.
     */
    static JsonNode parseWithoutOutputs(byte[] bytes, String where) {
        try {
            return parse(JSON.createParser(bytes), where, true);
        } catch (IOException e) {
            throw new NotebookException(where + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static JsonNode parse(JsonParser created, String where, boolean skipOutputs) {
        try (JsonParser parser = created) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new NotebookException(where + ": empty file, expected a JSON notebook");
            }
            JsonNode node = skipOutputs ? readSkippingOutputs(parser, 0, false) : read(parser);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new NotebookException(where + ":" + at.getLineNr() + ":" + at.getColumnNr()
                        + ": unexpected content after the end of the JSON document");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String line = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            String detail = e.getOriginalMessage();
            if (detail != null) {
                detail = detail.replaceAll("\\[Source: [^;]*; line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
            }
            int newline = detail == null ? -1 : detail.indexOf('\n');
            throw new NotebookException(where + line + ": malformed JSON: "
                    + (newline < 0 ? detail : detail.substring(0, newline)), e);
        } catch (IOException e) {
            throw new NotebookException(where + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Like {@link #read}, but the value of "outputs" in a cell (depth 2: root, cells, cell) is skipped. */
    private static JsonNode readSkippingOutputs(JsonParser parser, int depth, boolean inCells) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            ObjectNode object = NODES.objectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (depth == 2 && inCells && name.equals("outputs") && value == JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    object.set(name, NODES.arrayNode());
                } else if (depth == 0 && name.equals("cells") && value == JsonToken.START_ARRAY) {
                    ArrayNode cells = NODES.arrayNode();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        cells.add(readSkippingOutputs(parser, 2, true));
                    }
                    object.set(name, cells);
                } else {
                    object.set(name, read(parser));
                }
            }
            return object;
        }
        return read(parser);
    }

    private static JsonNode read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, read(parser));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser));
                }
                return array;
            }
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return NODES.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT:
                return new PyFloatNode(parser.getDoubleValue(), parser.getText());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new NotebookException("unexpected JSON token " + token);
        }
    }

    /** Writes a tree in Jupyter's layout, with the trailing newline Jupyter adds. */
    public static String write(JsonNode node) {
        StringBuilder out = new StringBuilder(4096);
        write(node, out, 0);
        return out.append('\n').toString();
    }

    private static void write(JsonNode node, StringBuilder out, int depth) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                out.append("{}");
                return;
            }
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            node.fields().forEachRemaining(fields::add);
            fields.sort((a, b) -> compareCodePoints(a.getKey(), b.getKey()));
            out.append('{');
            for (int i = 0; i < fields.size(); i++) {
                out.append(i == 0 ? "\n" : ",\n");
                indent(out, depth + 1);
                string(fields.get(i).getKey(), out);
                out.append(": ");
                write(fields.get(i).getValue(), out, depth + 1);
            }
            out.append('\n');
            indent(out, depth);
            out.append('}');
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            Iterator<JsonNode> items = node.elements();
            boolean first = true;
            while (items.hasNext()) {
                out.append(first ? "\n" : ",\n");
                first = false;
                indent(out, depth + 1);
                write(items.next(), out, depth + 1);
            }
            out.append('\n');
            indent(out, depth);
            out.append(']');
        } else if (node.isTextual()) {
            string(node.textValue(), out);
        } else if (node instanceof PyFloatNode) {
            out.append(((PyFloatNode) node).literal());
        } else if (node.isFloatingPointNumber()) {
            out.append(pythonRepr(node.doubleValue()));
        } else if (node.isNumber()) {
            out.append(node.bigIntegerValue());
        } else if (node.isBoolean()) {
            out.append(node.booleanValue() ? "true" : "false");
        } else if (node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else {
            string(node.asText(), out);
        }
    }

    private static void indent(StringBuilder out, int depth) {
        for (int i = 0; i < depth; i++) {
            out.append(' ');
        }
    }

    /** Python's str ordering: by code point, not by UTF-16 unit. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** A JSON string as Python's json module writes it with ensure_ascii=False. */
    static void string(String value, StringBuilder out) {
        string(value, false, out);
    }

    /**
     * A JSON string as Python's json module writes it: with {@code ensureAscii} (the default of
     * {@code json.dumps}) every character outside printable ASCII is escaped as four hex digits,
     * else only control characters are.
     */
    static void string(String value, boolean ensureAscii, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                default:
                    if (c < 0x20 || (ensureAscii && c > 0x7e)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }

    /** Python's {@code repr(float)}: shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
    public static String pythonRepr(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        String digits = decimal.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - decimal.scale();
        String sign = value < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        if (exponent < 0) {
            return sign + "0." + "0".repeat(-exponent - 1) + digits;
        }
        if (digits.length() <= exponent + 1) {
            return sign + digits + "0".repeat(exponent + 1 - digits.length()) + ".0";
        }
        return sign + digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
    }

    /**
     * Python's {@code str.splitlines(keepends=True)}, which nbformat uses to store
     * multi-line text as a list of lines.
     */
    public static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end = -1;
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                end = i + 2;
            } else if (c == '\n' || c == '\r' || c == '\u000B' || c == '\u000C' || c == '\u001C' || c == '\u001D'
                    || c == '\u001E' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                end = i + 1;
            }
            if (end > 0) {
                lines.add(text.substring(start, end));
                start = end;
                i = end;
            } else {
                i++;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** Text as nbformat stores multi-line fields: a list of lines. */
    public static ArrayNode lines(String text) {
        ArrayNode array = NODES.arrayNode();
        splitLines(text).forEach(array::add);
        return array;
    }

    /** Joins a multi-line field that may be a string or a list of strings. */
    public static String joined(JsonNode field) {
        if (field == null || field.isNull() || field.isMissingNode()) {
            return "";
        }
        if (field.isTextual()) {
            return field.textValue();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode line : field) {
            text.append(line.asText());
        }
        return text.toString();
    }
}
