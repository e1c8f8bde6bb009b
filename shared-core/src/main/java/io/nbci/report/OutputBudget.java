package io.nbci.report;

import java.util.Locale;

/**
 * Cuts outputs to the {@link ReportLimits}: keeps the head and the tail of long text
 * (the end of a log is where the error is) and counts what the page has embedded so far.
 */
final class OutputBudget {

    private final ReportLimits limits;
    private long used;

    OutputBudget(ReportLimits limits) {
        this.limits = limits;
    }

    ReportLimits limits() {
        return limits;
    }

    /** True while the page may still embed {@code chars} more characters of outputs. */
    boolean allows(long chars) {
        return used + chars <= limits.pageBudgetChars();
    }

    void spend(long chars) {
        used += chars;
    }

    /**
     * Appends {@code <pre class=cssClass>} with the text, or with its first and last parts and
     * a note in between when it is longer than the limit or the page budget left.
     */
    void appendText(StringBuilder out, String cssClass, String text, String whereFull) {
        int max = (int) Math.min(limits.maxTextChars(), Math.max(0, limits.pageBudgetChars() - used));
        int lines = limits.maxTextLines();
        int headEnd = afterLines(text, lines * 2 / 5, max * 2 / 5);
        int tailStart = beforeLines(text, lines - lines * 2 / 5, text.length() - (max - headEnd));
        if (headEnd >= tailStart) {
            out.append("<pre class=\"").append(cssClass).append("\">");
            Html.append(out, text);
            out.append("</pre>\n");
            spend(text.length());
            return;
        }
        if (max < 200) {
            note(out, "output of " + size(text.length()) + " not shown: the report's size budget is used up"
                    + where(whereFull));
            return;
        }
        out.append("<pre class=\"").append(cssClass).append(" head\">");
        Html.append(out, text.substring(0, headEnd));
        out.append("</pre>\n");
        long cutLines = text.substring(headEnd, tailStart).chars().filter(c -> c == '\n').count();
        note(out, String.format(Locale.ROOT, "%,d characters (%,d lines) cut from the middle of this output (%s in all;"
                + " first %,d and last %,d characters shown)", tailStart - headEnd, cutLines, size(text.length()),
                headEnd, text.length() - tailStart) + where(whereFull));
        out.append("<pre class=\"").append(cssClass).append(" tail\">");
        Html.append(out, text.substring(tailStart));
        out.append("</pre>\n");
        spend(headEnd + text.length() - tailStart);
    }

    /** End of the first {@code lines} lines, but at most {@code maxChars}. */
    private static int afterLines(String text, int lines, int maxChars) {
        int end = 0;
        for (int n = 0; n < lines && end < text.length(); n++) {
            int newline = text.indexOf('\n', end);
            end = newline < 0 ? text.length() : newline + 1;
        }
        return safeCut(text, Math.min(end, Math.max(0, maxChars)));
    }

    /** Start of the last {@code lines} lines, but not before {@code minStart}. */
    private static int beforeLines(String text, int lines, int minStart) {
        int start = text.length();
        int searchFrom = text.endsWith("\n") ? text.length() - 2 : text.length() - 1;
        for (int n = 0; n < lines && start > 0; n++) {
            int newline = searchFrom < 0 ? -1 : text.lastIndexOf('\n', searchFrom);
            start = newline + 1;
            searchFrom = newline - 1;
        }
        return safeCut(text, Math.max(start, Math.min(text.length(), Math.max(0, minStart))));
    }

    static void note(StringBuilder out, String message) {
        out.append("<p class=\"truncated\">");
        Html.append(out, message);
        out.append("</p>\n");
    }

    private static String where(String whereFull) {
        return whereFull == null ? "" : "; the full output is in " + whereFull;
    }

    /** Characters, as a size a person reads: 10.0 MB, 35.2 kB, 900 characters. */
    static String size(long chars) {
        if (chars >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", chars / 1_000_000.0);
        }
        if (chars >= 10_000) {
            return String.format(Locale.ROOT, "%.1f kB", chars / 1000.0);
        }
        return chars + " characters";
    }

    private static int safeCut(String text, int index) {
        if (index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index))) {
            return index - 1;
        }
        return index;
    }
}
