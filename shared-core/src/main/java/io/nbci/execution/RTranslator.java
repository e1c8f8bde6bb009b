package io.nbci.execution;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * R literals (IRkernel): {@code NULL}, {@code TRUE}/{@code FALSE}, numbers, {@code NaN},
 * {@code Inf}, {@code -Inf}, double-quoted strings with escapes, {@code list(...)} for lists
 * and named {@code list(name = ...)} for maps. Shown as the second default translator and
 * as the example of a language other than Python.
 */
public final class RTranslator extends LiteralTranslator {
    private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Za-z.][A-Za-z0-9._]*)\\s*(=|<-)");

    public RTranslator() {
        super(ASSIGNMENT, "R");
    }

    @Override
    public Set<String> languages() {
        return Set.of("r");
    }

    @Override
    String nullLiteral() {
        return "NULL";
    }

    @Override
    String booleanLiteral(boolean value) {
        return value ? "TRUE" : "FALSE";
    }

    @Override
    String nanLiteral() {
        return "NaN";
    }

    @Override
    String infinityLiteral(boolean positive) {
        return positive ? "Inf" : "-Inf";
    }

    @Override
    String stringLiteral(String text) {
        return string(text);
    }

    @Override
    String entry(String key, String value) {
        return key + " = " + value;
    }

    @Override
    String mapLiteral(List<String> entries) {
        return "list(" + String.join(", ", entries) + ")";
    }

    @Override
    String listLiteral(List<String> items) {
        return "list(" + String.join(", ", items) + ")";
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
}
