package io.nbci.execution;

import io.nbci.config.ConfigNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parameter values for one run, in the order papermill merges them: YAML files
 * ({@code -f}) first, then typed values ({@code -p}), then raw strings ({@code -r}); a
 * later value for a name replaces an earlier one but keeps its position.
 */
public final class ParameterValues {
    private static final Pattern INT = Pattern.compile("[+-]?\\d+(?:_\\d+)*");
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(?:(?:\\d+(?:_\\d+)*)?\\.\\d+(?:_\\d+)*|\\d+(?:_\\d+)*\\.?)(?:[eE][+-]?\\d+(?:_\\d+)*)?");
    private static final Pattern SPECIAL = Pattern.compile("[+-]?(?:nan|inf|infinity)");

    private final Map<String, Object> values = new LinkedHashMap<>();

    /** Adds every top-level key of a YAML mapping file. */
    public ParameterValues addFile(Path file) {
        ConfigNode root = ConfigNode.parse(file);
        if (root.isAbsent()) {
            return this;
        }
        if (!root.isMap()) {
            throw root.error("expected a mapping of parameter names to values");
        }
        root.fields().forEach((name, node) -> values.put(name, node.toPlain()));
        return this;
    }

    /** Adds a value typed as papermill's {@code -p} types it: True/False/None, int, float, else string. */
    public ParameterValues addTyped(String name, String value) {
        values.put(name, typed(value));
        return this;
    }

    /** Adds a value as a string, unchanged ({@code -r}). */
    public ParameterValues addRaw(String name, String value) {
        values.put(name, value);
        return this;
    }

    public ParameterValues add(String name, Object value) {
        values.put(name, value);
        return this;
    }

    /** The values in injection order. */
    public Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * Types a command-line value as papermill does: {@code True}, {@code False}, {@code None};
     * what Python's {@code int()} accepts; what {@code float()} accepts (incl. nan, inf); else the string.
     */
    public static Object typed(String value) {
        switch (value) {
            case "True": return Boolean.TRUE;
            case "False": return Boolean.FALSE;
            case "None": return null;
            default: break;
        }
        String text = value.strip();
        if (INT.matcher(text).matches()) {
            BigInteger big = new BigInteger(text.replace("_", ""));
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        if (FLOAT.matcher(text).matches() && !text.replace("+", "").replace("-", "").equals(".")) {
            return Double.parseDouble(text.replace("_", ""));
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (SPECIAL.matcher(lower).matches()) {
            boolean negative = lower.startsWith("-");
            return lower.contains("nan") ? Double.NaN
                    : negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return value;
    }
}
