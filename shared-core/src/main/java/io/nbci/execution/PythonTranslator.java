package io.nbci.execution;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Python literals as papermill writes them: {@code None}, {@code True}/{@code False},
 * integers, floats in {@code repr} form with {@code float('nan')}, {@code float('inf')},
 * {@code float('-inf')}, strings double-quoted with {@code unicode_escape} escaping,
 * lists and dicts.
 */
public final class PythonTranslator extends LiteralTranslator {
    private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\s*(?::[^=]*)?=(?!=)");

    public PythonTranslator() {
        super(ASSIGNMENT, "Python");
    }

    @Override
    public Set<String> languages() {
        return Set.of("python");
    }

    @Override
    String nullLiteral() {
        return "None";
    }

    @Override
    String booleanLiteral(boolean value) {
        return value ? "True" : "False";
    }

    @Override
    String nanLiteral() {
        return "float('nan')";
    }

    @Override
    String infinityLiteral(boolean positive) {
        return positive ? "float('inf')" : "float('-inf')";
    }

    @Override
    String stringLiteral(String text) {
        return string(text);
    }

    @Override
    String entry(String key, String value) {
        return key + ": " + value;
    }

    @Override
    String mapLiteral(List<String> entries) {
        return "{" + String.join(", ", entries) + "}";
    }

    @Override
    String listLiteral(List<String> items) {
        return "[" + String.join(", ", items) + "]";
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
