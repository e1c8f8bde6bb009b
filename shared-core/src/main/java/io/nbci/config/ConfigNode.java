package io.nbci.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A YAML (or JSON) document as a tree whose every node knows its file, line, column and
 * key path, so that configuration errors can say exactly where they are. Used for
 * {@code nbci.yaml}, scenario files and deploy target files.
 *
 * <pre>{@code
 * ConfigNode root = ConfigNode.parse(Path.of("nbci-deploy.yaml"));
 * root.allowOnlyKeys("targets");
 * for (Map.Entry<String, ConfigNode> target : root.required("targets").fields().entrySet()) {
 *     int keep = target.getValue().get("retention").asInt(5);   // names file:line and key if bad
 * }
 * }</pre>
 */
public final class ConfigNode {

    /** What a node holds. MISSING is a key that is absent; it carries its parent's location. */
    public enum Kind { MAP, LIST, SCALAR, NULL, MISSING }

    private static final YAMLFactory YAML = new YAMLFactory();

    private final Kind kind;
    private final String file;
    private final String path;
    private final int line;
    private final int column;
    private int keyLine;
    private int keyColumn;
    private final String scalar;
    private final boolean quoted;
    private final Map<String, ConfigNode> fields;
    private final List<ConfigNode> items;

    private ConfigNode(Kind kind, String file, String path, int line, int column, String scalar, boolean quoted,
            Map<String, ConfigNode> fields, List<ConfigNode> items) {
        this.kind = kind;
        this.file = file;
        this.path = path;
        this.line = line;
        this.column = column;
        this.scalar = scalar;
        this.quoted = quoted;
        this.fields = fields;
        this.items = items;
    }

    /** Parses a YAML or JSON file. A missing file or a syntax error is a {@link ConfigException}. */
    public static ConfigNode parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), 0, 0, null, "file not found");
        } catch (IOException e) {
            throw new ConfigException(file.toString(), 0, 0, null, "cannot read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Parses YAML (JSON is YAML) text; {@code fileName} is used in error messages only. */
    public static ConfigNode parse(String text, String fileName) {
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return new ConfigNode(Kind.NULL, fileName, "", 1, 1, null, false, Map.of(), List.of());
            }
            return read(parser, fileName, "");
        } catch (ConfigException e) {
            throw e;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String detail = e.getOriginalMessage();
            throw new ConfigException(fileName, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    null, "not valid YAML: " + firstLine(detail));
        } catch (IOException e) {
            throw new ConfigException(fileName, 0, 0, null, "cannot read: " + e.getMessage());
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "syntax error";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static ConfigNode read(JsonParser parser, String file, String path) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, ConfigNode> fields = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonLocation keyAt = parser.currentTokenLocation();
                    String childPath = path.isEmpty() ? name : path + "." + name;
                    if (fields.containsKey(name)) {
                        throw new ConfigException(file, keyAt.getLineNr(), keyAt.getColumnNr(), childPath,
                                "duplicate key (first at line " + fields.get(name).line + ")");
                    }
                    parser.nextToken();
                    ConfigNode child = read(parser, file, childPath);
                    child.keyLine = keyAt.getLineNr();
                    child.keyColumn = keyAt.getColumnNr();
                    fields.put(name, child);
                }
                return new ConfigNode(Kind.MAP, file, path, line, column, null, false,
                        Collections.unmodifiableMap(fields), List.of());
            }
            case START_ARRAY: {
                List<ConfigNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser, file, path + "[" + items.size() + "]"));
                }
                return new ConfigNode(Kind.LIST, file, path, line, column, null, false, Map.of(),
                        List.copyOf(items));
            }
            case VALUE_NULL:
                return new ConfigNode(Kind.NULL, file, path, line, column, null, false, Map.of(), List.of());
            case VALUE_STRING:
                return new ConfigNode(Kind.SCALAR, file, path, line, column, parser.getText(), true, Map.of(),
                        List.of());
            default:
                return new ConfigNode(Kind.SCALAR, file, path, line, column, parser.getText(), false, Map.of(),
                        List.of());
        }
    }

    public Kind kind() {
        return kind;
    }

    /** True for a missing key or an explicit null. */
    public boolean isAbsent() {
        return kind == Kind.MISSING || kind == Kind.NULL;
    }

    public String file() {
        return file;
    }

    /** The key path from the document root, e.g. {@code targets.prod.retention} or {@code fixtures[2].rows}. */
    public String path() {
        return path;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public boolean has(String key) {
        return fields.containsKey(key);
    }

    /** The child at {@code key}, or a MISSING node located at this map when absent. */
    public ConfigNode get(String key) {
        requireKind(Kind.MAP, "a mapping");
        ConfigNode child = fields.get(key);
        if (child != null) {
            return child;
        }
        return new ConfigNode(Kind.MISSING, file, path.isEmpty() ? key : path + "." + key, line, column, null, false,
                Map.of(), List.of());
    }

    /** The child at {@code key}; an error naming the key when it is absent or null. */
    public ConfigNode required(String key) {
        ConfigNode child = get(key);
        if (child.isAbsent()) {
            throw child.error("is required");
        }
        return child;
    }

    /** The entries of a mapping in document order (empty for an absent node). */
    public Map<String, ConfigNode> fields() {
        if (isAbsent()) {
            return Map.of();
        }
        requireKind(Kind.MAP, "a mapping");
        return fields;
    }

    /** The items of a list (empty for an absent node; a single scalar or map is not a list). */
    public List<ConfigNode> items() {
        if (isAbsent()) {
            return List.of();
        }
        requireKind(Kind.LIST, "a list");
        return items;
    }

    /** Rejects keys other than {@code allowed}, naming the unknown key and the allowed ones. */
    public ConfigNode allowOnlyKeys(String... allowed) {
        if (isAbsent()) {
            return this;
        }
        requireKind(Kind.MAP, "a mapping");
        Set<String> known = new TreeSet<>(List.of(allowed));
        for (ConfigNode child : fields.values()) {
            String name = child.path.substring(child.path.lastIndexOf('.') + 1);
            if (!known.contains(name)) {
                throw new ConfigException(file, child.keyLine, child.keyColumn, child.path,
                        "unknown key; expected one of " + String.join(", ", known));
            }
        }
        return this;
    }

    public boolean isScalar() {
        return kind == Kind.SCALAR;
    }

    public boolean isMap() {
        return kind == Kind.MAP;
    }

    public boolean isList() {
        return kind == Kind.LIST;
    }

    /** The scalar as text (numbers and booleans in their written form). */
    public String asString() {
        requireKind(Kind.SCALAR, "a text value");
        return scalar;
    }

    public String asString(String defaultValue) {
        return isAbsent() ? defaultValue : asString();
    }

    public long asLong() {
        String text = asString();
        try {
            return Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw error("expected a whole number, found \"" + text + "\"");
        }
    }

    public long asLong(long defaultValue) {
        return isAbsent() ? defaultValue : asLong();
    }

    public int asInt() {
        long value = asLong();
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw error("number out of range: " + value);
        }
        return (int) value;
    }

    public int asInt(int defaultValue) {
        return isAbsent() ? defaultValue : asInt();
    }

    public double asDouble() {
        String text = asString();
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw error("expected a number, found \"" + text + "\"");
        }
    }

    public double asDouble(double defaultValue) {
        return isAbsent() ? defaultValue : asDouble();
    }

    public boolean asBoolean() {
        String text = asString();
        switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true": case "yes": case "on":
                return true;
            case "false": case "no": case "off":
                return false;
            default:
                throw error("expected true or false, found \"" + text + "\"");
        }
    }

    public boolean asBoolean(boolean defaultValue) {
        return isAbsent() ? defaultValue : asBoolean();
    }

    /** A list of text values; a single scalar is accepted as a list of one. */
    public List<String> asStringList() {
        if (isAbsent()) {
            return List.of();
        }
        if (kind == Kind.SCALAR) {
            return List.of(scalar);
        }
        List<String> values = new ArrayList<>();
        for (ConfigNode item : items()) {
            values.add(item.asString());
        }
        return List.copyOf(values);
    }

    /** The scalar, which must be one of {@code choices} (case-sensitive). */
    public String asChoice(String... choices) {
        String text = asString();
        for (String choice : choices) {
            if (choice.equals(text)) {
                return text;
            }
        }
        throw error("expected one of " + String.join(", ", choices) + ", found \"" + text + "\"");
    }

    /** The node as plain Java values (Map, List, String, null) for free-form sections such as parameters. */
    public Object toPlain() {
        switch (kind) {
            case MAP: {
                Map<String, Object> map = new LinkedHashMap<>();
                fields.forEach((key, value) -> map.put(key, value.toPlain()));
                return map;
            }
            case LIST: {
                List<Object> list = new ArrayList<>();
                items.forEach(item -> list.add(item.toPlain()));
                return list;
            }
            case SCALAR:
                if (quoted) {
                    return scalar;
                }
                return typedScalar();
            default:
                return null;
        }
    }

    private Object typedScalar() {
        String text = scalar;
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException notLong) {
            try {
                if (text.matches("[-+]?(\\d+\\.?\\d*([eE][-+]?\\d+)?|\\.inf|\\.nan)")) {
                    return text.endsWith("inf") ? (text.startsWith("-") ? Double.NEGATIVE_INFINITY
                            : Double.POSITIVE_INFINITY) : text.endsWith("nan") ? Double.NaN : Double.valueOf(text);
                }
                return new java.math.BigInteger(text);
            } catch (NumberFormatException notNumber) {
                return text;
            }
        }
    }

    /** An error located at this node: {@code file:line:column: path: message}. */
    public ConfigException error(String message) {
        return new ConfigException(file, line, column, path, message);
    }

    private void requireKind(Kind expected, String description) {
        if (kind != expected) {
            throw error("expected " + description + ", found " + describe());
        }
    }

    private String describe() {
        switch (kind) {
            case MAP: return "a mapping";
            case LIST: return "a list";
            case NULL: return "nothing (null)";
            case MISSING: return "nothing (key absent)";
            default: return "\"" + scalar + "\"";
        }
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + " " + path + " (" + kind + ")";
    }
}
