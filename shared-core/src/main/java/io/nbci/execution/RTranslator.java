package io.nbci.execution;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * R literals (IRkernel): {@code NULL}, {@code TRUE}/{@code FALSE}, numbers, {@code NaN},
 * {@code Inf}, {@code -Inf}, double-quoted strings with escapes, {@code list(...)} for lists
 * and named {@code list(name = ...)} for maps. Shown as the second default translator and
 * as the example of a language other than Python.
 */
public final class RTranslator extends LiteralTranslator {
    private static final Syntax SYNTAX = new Syntax("NULL", "TRUE", "FALSE", "NaN", "Inf", "-Inf", " = ", "list(", ")",
            "list(", ")");
    private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Za-z.][A-Za-z0-9._]*)\\s*(=|<-)");

    public RTranslator() {
        super(ASSIGNMENT, "R", SYNTAX);
    }

    @Override
    public Set<String> languages() {
        return Set.of("r");
    }

    @Override
    String stringLiteral(String text) {
        return string(text);
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
