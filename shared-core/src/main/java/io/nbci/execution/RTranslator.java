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
 * R literals (IRkernel): {@code NULL}, {@code TRUE}/{@code FALSE}, numbers, {@code NaN},
 * {@code Inf}, {@code -Inf}, double-quoted strings with escapes, {@code list(...)} for lists
 * and named {@code list(name = ...)} for maps. Shown as the second default translator and
 * as the example of a language other than Python.
 */
public final class RTranslator implements ParameterTranslator {
    private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Za-z.][A-Za-z0-9._]*)\\s*(=|<-)");

    @Override
    public Set<String> languages() {
        return Set.of("r");
    }

    @Override
    public String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? "TRUE" : "FALSE";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger
                || value instanceof Short || value instanceof Byte) {
            return value.toString();
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d)) {
                return "NaN";
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? "Inf" : "-Inf";
            }
            return NotebookJson.pythonRepr(d);
        }
        if (value instanceof String) {
            return string((String) value);
        }
        if (value instanceof Map) {
            List<String> items = new ArrayList<>();
            ((Map<?, ?>) value).forEach((k, v) -> items.add(string(String.valueOf(k)) + " = " + literal(v)));
            return "list(" + String.join(", ", items) + ")";
        }
        if (value instanceof List) {
            List<String> items = new ArrayList<>();
            ((List<?>) value).forEach(v -> items.add(literal(v)));
            return "list(" + String.join(", ", items) + ")";
        }
        throw ParameterTranslator.unsupported(value, "R");
    }

    private static String string(String text) {
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
                    if (cp < 0x20 || cp == 0x7f) {
                        out.append(String.format("\\x%02x", cp));
                    } else {
                        out.appendCodePoint(cp);
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
