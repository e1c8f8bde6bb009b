package io.nbci.execution;

import io.nbci.notebook.NotebookJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the built-in translators share: the walk over a parameter value (null, booleans,
 * integers, floats, strings, maps, lists), {@code # } comments, {@code name = literal}
 * assignments and finding assigned names with a per-language pattern. Each language supplies
 * its words for the leaves and how a map or list is written.
 */
abstract class LiteralTranslator implements ParameterTranslator {
    private final Pattern assignment;
    private final String language;

    /** {@code assignment} must capture the assigned name in group 1; {@code language} is for messages. */
    LiteralTranslator(Pattern assignment, String language) {
        this.assignment = assignment;
        this.language = language;
    }

    @Override
    public final String literal(Object value) {
        if (value == null) {
            return nullLiteral();
        }
        if (value instanceof Boolean) {
            return booleanLiteral((Boolean) value);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger
                || value instanceof Short || value instanceof Byte) {
            return value.toString();
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d)) {
                return nanLiteral();
            }
            if (Double.isInfinite(d)) {
                return infinityLiteral(d > 0);
            }
            return NotebookJson.pythonRepr(d);
        }
        if (value instanceof String) {
            return stringLiteral((String) value);
        }
        if (value instanceof Map) {
            List<String> items = new ArrayList<>();
            ((Map<?, ?>) value).forEach((k, v) -> items.add(entry(stringLiteral(String.valueOf(k)), literal(v))));
            return mapLiteral(items);
        }
        if (value instanceof List) {
            List<String> items = new ArrayList<>();
            ((List<?>) value).forEach(v -> items.add(literal(v)));
            return listLiteral(items);
        }
        throw ParameterTranslator.unsupported(value, language);
    }

    abstract String nullLiteral();

    abstract String booleanLiteral(boolean value);

    abstract String nanLiteral();

    abstract String infinityLiteral(boolean positive);

    abstract String stringLiteral(String text);

    /** One map entry from the key's string literal and the value's literal. */
    abstract String entry(String key, String value);

    abstract String mapLiteral(List<String> entries);

    abstract String listLiteral(List<String> items);

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
            Matcher m = assignment.matcher(line);
            if (m.find() && !names.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
