package io.nbci.execution;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Python literals as papermill writes them: {@code None}, {@code True}/{@code False},
 * integers, floats in {@code repr} form with {@code float('nan')}, {@code float('inf')},
 * {@code float('-inf')}, strings double-quoted with {@code unicode_escape} escaping,
 * lists and dicts.
 */
public final class PythonTranslator extends LiteralTranslator {
    private static final Syntax SYNTAX = new Syntax("None", "True", "False", "float('nan')", "float('inf')",
            "float('-inf')", ": ", "{", "}", "[", "]");
    private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\s*(?::[^=]*)?=(?!=)");

    public PythonTranslator() {
        super(ASSIGNMENT, "Python", SYNTAX);
    }

    @Override
    public Set<String> languages() {
        return Set.of("python");
    }

    @Override
    String stringLiteral(String text) {
        return string(text);
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
}
