package io.nbci.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes notebook metadata as YAML the way PyYAML's {@code safe_dump(default_flow_style=False)}
 * does (sorted keys, two-space indents, block lists under keys, single quotes for strings that
 * would read as another type), which is the header jupytext puts at the top of a script.
 */
final class HeaderYaml {
    private static final Pattern NEEDS_QUOTES = Pattern.compile(
            "(?i)^(y|yes|n|no|true|false|on|off|null|~)$"
            + "|^[-+]?(0b[0-1_]+|0[0-7_]+|(0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+|[1-9][0-9_]*(:[0-5]?[0-9])+)$"
            + "|^[-+]?([0-9][0-9_]*)?\\.[0-9_]*([eE][-+][0-9]+)?$"
            + "|^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*$|^[-+]?\\.(inf|Inf|INF)$|^\\.(nan|NaN|NAN)$"
            + "|^[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?.*$|^<<$|^=$");

    private HeaderYaml() {
    }

    static List<String> dump(String key, JsonNode value) {
        List<String> lines = new ArrayList<>();
        entry(key, value, 0, lines);
        return lines;
    }

    private static void entry(String key, JsonNode value, int indent, List<String> lines) {
        String prefix = " ".repeat(indent) + scalar(key) + ":";
        if (value.isObject() && !value.isEmpty()) {
            lines.add(prefix);
            mapping(value, indent + 2, lines);
        } else if (value.isArray() && !value.isEmpty()) {
            lines.add(prefix);
            sequence(value, indent, lines);
        } else {
            lines.add(prefix + " " + inline(value));
        }
    }

    private static void mapping(JsonNode map, int indent, List<String> lines) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        map.fields().forEachRemaining(fields::add);
        fields.sort((a, b) -> NotebookJson.compareCodePoints(a.getKey(), b.getKey()));
        for (Map.Entry<String, JsonNode> field : fields) {
            entry(field.getKey(), field.getValue(), indent, lines);
        }
    }

    private static void sequence(JsonNode list, int indent, List<String> lines) {
        String dash = " ".repeat(indent) + "- ";
        for (JsonNode item : list) {
            if ((item.isObject() || item.isArray()) && !item.isEmpty()) {
                List<String> nested = new ArrayList<>();
                if (item.isObject()) {
                    mapping(item, indent + 2, nested);
                } else {
                    sequence(item, indent + 2, nested);
                }
                lines.add(dash + nested.get(0).substring(indent + 2));
                lines.addAll(nested.subList(1, nested.size()));
            } else {
                lines.add(dash + inline(item));
            }
        }
    }

    private static String inline(JsonNode value) {
        if (value.isObject()) {
            return "{}";
        }
        if (value.isArray()) {
            return "[]";
        }
        if (value.isNull()) {
            return "null";
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "true" : "false";
        }
        if (value instanceof PyFloatNode || value.isFloatingPointNumber()) {
            String repr = NotebookJson.pythonRepr(value.doubleValue());
            if (repr.equals("NaN")) {
                return ".nan";
            }
            if (repr.endsWith("Infinity")) {
                return repr.startsWith("-") ? "-.inf" : ".inf";
            }
            if (repr.contains("e") && !repr.contains(".")) {
                repr = repr.replace("e", ".0e");
            }
            return repr;
        }
        if (value.isNumber()) {
            return value.bigIntegerValue().toString();
        }
        return scalar(value.asText());
    }

    /** A string as PyYAML writes it: plain when safe, else single- or double-quoted. */
    static String scalar(String text) {
        if (text.isEmpty()) {
            return "''";
        }
        boolean special = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return doubleQuoted(text);
            }
        }
        char first = text.charAt(0);
        if ("#,[]{}&*!|>'\"%@`".indexOf(first) >= 0) {
            special = true;
        }
        if ((first == '-' || first == '?' || first == ':')
                && (text.length() == 1 || text.charAt(1) == ' ')) {
            special = true;
        }
        if (text.startsWith("---") || text.startsWith("...")) {
            special = true;
        }
        if (text.contains(": ") || text.contains(" #") || text.endsWith(":")) {
            special = true;
        }
        if (text.startsWith(" ") || text.endsWith(" ")) {
            special = true;
        }
        if (special || NEEDS_QUOTES.matcher(text).matches()) {
            return "'" + text.replace("'", "''") + "'";
        }
        return text;
    }

    private static String doubleQuoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\t': out.append("\\t"); break;
                case '\r': out.append("\\r"); break;
                case 0: out.append("\\0"); break;
                default:
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                        out.append(String.format("\\U%08X", text.codePointAt(i)));
                        i++;
                    } else if (c < 0x20 || (c >= 0x7f && c < 0x100)) {
                        out.append(String.format("\\x%02X", (int) c));
                    } else if (c > 0x7e) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.append('"').toString();
    }
}
