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
 * its {@link Syntax} (words for the leaves, how a map or list is written) and its string escaping.
 */
abstract class LiteralTranslator implements ParameterTranslator {
    private final Pattern assignment;
    private final String language;
    private final Syntax syntax;

    /**
     * A language's words for the leaves and its map/list syntax: maps are written
     * {@code mapOpen key keyValue value, ... mapClose}, lists {@code listOpen item, ... listClose}.
     */
    record Syntax(String none, String yes, String no, String nan, String infinity, String negativeInfinity,
            String keyValue, String mapOpen, String mapClose, String listOpen, String listClose) {
    }

    /** {@code assignment} must capture the assigned name in group 1; {@code language} is for messages. */
    LiteralTranslator(Pattern assignment, String language, Syntax syntax) {
        this.assignment = assignment;
        this.language = language;
        this.syntax = syntax;
    }

    @Override
    public final String literal(Object value) {
        if (value == null) {
            return syntax.none();
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? syntax.yes() : syntax.no();
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger
                || value instanceof Short || value instanceof Byte) {
            return value.toString();
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d)) {
                return syntax.nan();
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? syntax.infinity() : syntax.negativeInfinity();
            }
            return NotebookJson.pythonRepr(d);
        }
        if (value instanceof String) {
            return stringLiteral((String) value);
        }
        if (value instanceof Map) {
            List<String> items = new ArrayList<>();
            ((Map<?, ?>) value).forEach((k, v) -> items.add(stringLiteral(String.valueOf(k)) + syntax.keyValue() + literal(v)));
            return syntax.mapOpen() + String.join(", ", items) + syntax.mapClose();
        }
        if (value instanceof List) {
            List<String> items = new ArrayList<>();
            ((List<?>) value).forEach(v -> items.add(literal(v)));
            return syntax.listOpen() + String.join(", ", items) + syntax.listClose();
        }
        throw ParameterTranslator.unsupported(value, language);
    }

    /** {@code text} as a string literal of the language. */
    abstract String stringLiteral(String text);

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
