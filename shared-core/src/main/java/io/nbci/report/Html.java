package io.nbci.report;

/** Escaping for the HTML report: every piece of text that is not markup nbci wrote goes through here. */
final class Html {

    private Html() {
    }

    /** Text content: escapes {@code & < >} and the quotes, drops characters HTML forbids (NUL, stray controls). */
    static String text(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length() + 16);
        append(out, raw);
        return out.toString();
    }

    /** Appends escaped text; safe in element content and in double- or single-quoted attribute values. */
    static void append(StringBuilder out, String raw) {
        if (raw == null) {
            return;
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '&': out.append("&amp;"); break;
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '"': out.append("&quot;"); break;
                case '\'': out.append("&#39;"); break;
                case '\n':
                case '\t':
                    out.append(c);
                    break;
                case '\r':
                    break;
                default:
                    if (c < 0x20 || c == 0x7F || c == 0xFFFE || c == 0xFFFF) {
                        out.append('\uFFFD');
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                            out.append(c).append(raw.charAt(++i));
                        } else {
                            out.append('\uFFFD');
                        }
                    } else if (Character.isLowSurrogate(c)) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
            }
        }
    }

    /** An id fragment made only of {@code [A-Za-z0-9_-]}, for anchors built from names. */
    static String id(String raw) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < raw.length() && out.length() < 60; i++) {
            char c = raw.charAt(i);
            out.append(Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' ? c : '-');
        }
        return out.toString();
    }
}
