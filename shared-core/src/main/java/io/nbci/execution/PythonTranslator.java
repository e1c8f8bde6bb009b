package io.nbci.execution;

import io.nbci.notebook.NotebookJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python literals as papermill writes them: {@code None}, {@code True}/{@code False},
 * integers, floats in {@code repr} form with {@code float('nan')}, {@code float('inf')},
 * {@code float('-inf')}, strings double-quoted with {@code unicode_escape} escaping,
 * lists and dicts.
 */
public final class PythonTranslator implements ParameterTranslator {
    private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\s*(?::[^=]*)?=(?!=)");

    @Override
    public Set<String> languages() {
        return Set.of("python");
    }

    @Override
    public String literal(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? "True" : "False";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger
                || value instanceof Short || value instanceof Byte) {
            return value.toString();
        }
        if (value instanceof Double || value instanceof Float) {
            return floatLiteral(((Number) value).doubleValue());
        }
        if (value instanceof BigDecimal) {
            return floatLiteral(((BigDecimal) value).doubleValue());
        }
        if (value instanceof String) {
            return string((String) value);
        }
        if (value instanceof Map) {
            List<String> items = new ArrayList<>();
            ((Map<?, ?>) value).forEach((k, v) -> items.add(string(String.valueOf(k)) + ": " + literal(v)));
            return "{" + String.join(", ", items) + "}";
        }
        if (value instanceof List) {
            List<String> items = new ArrayList<>();
            ((List<?>) value).forEach(v -> items.add(literal(v)));
            return "[" + String.join(", ", items) + "]";
        }
        throw ParameterTranslator.unsupported(value, "Python");
    }

    private static String floatLiteral(double value) {
        if (Double.isNaN(value)) {
            return "float('nan')";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "float('inf')" : "float('-inf')";
        }
        return NotebookJson.pythonRepr(value);
    }

    /** {@code "..."} with Python's unicode_escape escaping, plus escaped double quotes. */
    static String string(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '\\': out.append("\\\\"); break;
                case '"': out.append("\\\""); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (cp >= 0x20 && cp < 0x7f) {
                        out.append((char) cp);
                    } else if (cp < 0x100) {
                        out.append(String.format("\\x%02x", cp));
                    } else if (cp < 0x10000) {
                        out.append(String.format("\\u%04x", cp));
                    } else {
                        out.append(String.format("\\U%08x", cp));
                    }
            }
        }
        return out.append('"').toString();
    }

    @Override
    public String comment(String text) {
        return "# " + text;
    }

    @Override
    public String assign(String name, String literal) {
        return name + " = " + literal;
    }

    @Override
    public List<String> parameterNames(String source) {
        List<String> names = new ArrayList<>();
        for (String line : source.split("\n")) {
            Matcher m = ASSIGNMENT.matcher(line);
            if (m.find() && !names.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
