package io.nbci.report;

import io.nbci.results.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Where the time went, as an inline SVG horizontal bar chart (no script, no external
 * font or asset): one bar per cell, scenario or suite, coloured by status, each bar a
 * link to the element it stands for.
 */
final class DurationChart {

    /** One bar: label, duration, outcome (null when unknown) and the anchor it links to (or null). */
    record Bar(String label, long millis, Status status, String anchor) {
    }

    private static final int WIDTH = 760;
    private static final int LABEL_WIDTH = 230;
    private static final int VALUE_WIDTH = 70;
    private static final int ROW = 20;
    private static final int BAR = 14;

    private DurationChart() {
    }

    /**
     * Renders the chart. With more bars than {@code maxBars}, the slowest are kept (in their
     * original order) and a caption says how many were left out.
     */
    static void render(StringBuilder out, String title, List<Bar> all, int maxBars) {
        if (all.isEmpty()) {
            return;
        }
        List<Bar> bars = all;
        int omitted = 0;
        if (all.size() > maxBars) {
            List<Bar> slowest = new ArrayList<>(all);
            slowest.sort(Comparator.comparingLong(Bar::millis).reversed());
            List<Bar> keep = slowest.subList(0, maxBars);
            bars = all.stream().filter(keep::contains).toList();
            omitted = all.size() - bars.size();
        }
        long max = Math.max(1, bars.stream().mapToLong(Bar::millis).max().orElse(1));
        int height = bars.size() * ROW + 8;
        int plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        out.append("<figure class=\"chart\"><figcaption>").append(Html.text(title));
        if (omitted > 0) {
            out.append(" <span class=\"muted\">(the ").append(bars.size()).append(" slowest of ").append(all.size())
                    .append("; ").append(omitted).append(" faster ones not drawn)</span>");
        }
        out.append("</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"duration-chart\" role=\"img\" ")
                .append("width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" aria-label=\"")
                .append(Html.text(title)).append("\">\n");
        int y = 4;
        for (Bar bar : bars) {
            int length = (int) Math.max(1, Math.round((double) bar.millis() * plot / max));
            String status = bar.status() == null ? "unknown" : bar.status().name().toLowerCase(Locale.ROOT);
            if (bar.anchor() != null) {
                out.append("<a href=\"#").append(Html.text(bar.anchor())).append("\">");
            }
            out.append("<g class=\"bar ").append(status).append("\"><title>").append(Html.text(bar.label()))
                    .append(": ").append(Html.text(Durations.format(bar.millis()))).append(" (").append(status)
                    .append(")</title>")
                    .append("<text x=\"").append(LABEL_WIDTH - 6).append("\" y=\"").append(y + BAR - 3)
                    .append("\" text-anchor=\"end\">").append(Html.text(shorten(bar.label(), 34))).append("</text>")
                    .append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y).append("\" width=\"")
                    .append(length).append("\" height=\"").append(BAR).append("\" rx=\"2\" fill=\"").append(fill(status))
                    .append("\"/>")
                    .append("<text class=\"value\" x=\"").append(LABEL_WIDTH + length + 4).append("\" y=\"")
                    .append(y + BAR - 3).append("\">").append(Html.text(Durations.format(bar.millis())))
                    .append("</text></g>");
            if (bar.anchor() != null) {
                out.append("</a>");
            }
            out.append('\n');
            y += ROW;
        }
        out.append("</svg></figure>\n");
    }

    /** Colours as presentation attributes, so bars keep them where a policy forbids the inline style sheet. */
    private static String fill(String status) {
        return switch (status) {
            case "passed" -> "#4ac26b";
            case "failed" -> "#cf222e";
            case "error" -> "#fb8f44";
            case "skipped" -> "#afb8c1";
            default -> "#54aeff";
        };
    }

    private static String shorten(String label, int max) {
        String oneLine = label.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "\u2026";
    }
}
