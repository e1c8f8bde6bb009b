package io.nbci.report;

/**
 * How much of a run's outputs the HTML report embeds, so that a 10 MB log or a hundred
 * plots do not make a 10 MB page: each text output keeps its head and tail, each HTML
 * output and image has a size cap, and the page as a whole has a budget after which
 * outputs are replaced by a note pointing at the executed notebook.
 *
 * @param maxTextChars    characters kept of one text output (stream, traceback, captured log)
 * @param maxTextLines    lines kept of one text output (the first two fifths and the last three fifths)
 * @param maxHtmlChars    characters of one HTML output rendered; larger ones are left out with a note
 * @param maxImageBytes   decoded bytes of one embedded image; larger ones are left out with a note
 * @param pageBudgetChars characters of outputs embedded in the whole page
 * @param maxChartBars    bars in one duration chart; beyond that the slowest are shown
 */
public record ReportLimits(int maxTextChars, int maxTextLines, int maxHtmlChars, int maxImageBytes, long pageBudgetChars,
        int maxChartBars) {

    public ReportLimits {
        positive(maxTextChars, "maxTextChars");
        positive(maxTextLines, "maxTextLines");
        positive(maxHtmlChars, "maxHtmlChars");
        positive(maxImageBytes, "maxImageBytes");
        positive(pageBudgetChars, "pageBudgetChars");
        positive(maxChartBars, "maxChartBars");
    }

    /**
     * 20 000 characters and 200 lines per text output, 200 000 characters per HTML output,
     * 1.5 MB per image, 6 MB of outputs per page, 40 bars per chart.
     */
    public static ReportLimits defaults() {
        return new ReportLimits(20_000, 200, 200_000, 1_500_000, 6_000_000L, 40);
    }

    private static void positive(long value, String field) {
        if (value <= 0) {
            throw new IllegalArgumentException("ReportLimits." + field + " must be positive, found " + value);
        }
    }
}
