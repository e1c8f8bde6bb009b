package io.nbci.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbci.notebook.Cell;
import io.nbci.notebook.Notebook;
import io.nbci.notebook.NotebookJson;
import io.nbci.results.CaseResult;
import io.nbci.results.Status;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders an executed notebook's cells: source, outputs (text, embedded images, HTML in
 * sandboxed iframes, tracebacks) and each cell's status and duration, with an anchor per
 * cell ({@code <suite anchor>-cell-<index>}) that the summary links to.
 *
 * <p>A cell's status comes from the case whose {@code cellIndex} is the cell's index in
 * the executed notebook; without one, from the cell's {@code papermill} or {@code nbci}
 * metadata ({@code status}, {@code duration} in seconds), else from an error output.
 */
final class NotebookView {

    /** Output MIME types in the order a rich output is rendered by, as Jupyter picks them. */
    private static final List<String> MIME_ORDER = List.of("text/html", "image/svg+xml", "image/png", "image/jpeg",
            "image/gif", "text/markdown", "text/latex", "application/json", "text/plain");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=]*");

    private final OutputBudget budget;
    private final boolean cleanHtml;

    NotebookView(OutputBudget budget, boolean cleanHtml) {
        this.budget = budget;
        this.cleanHtml = cleanHtml;
    }

    void render(StringBuilder out, Notebook notebook, String anchor, Map<Integer, CaseResult> casesByCell,
            String notebookPath) {
        List<Cell> cells = notebook.cells();
        out.append("<div class=\"notebook\">\n");
        for (int index = 0; index < cells.size(); index++) {
            renderCell(out, cells.get(index), index, anchor, casesByCell.get(index), notebookPath);
        }
        out.append("</div>\n");
    }

    private void renderCell(StringBuilder out, Cell cell, int index, String anchor, CaseResult testCase,
            String notebookPath) {
        String id = anchor + "-cell-" + index;
        if (!cell.isCode()) {
            out.append("<div class=\"cell text\" id=\"").append(id).append("\">")
                    .append("<div class=\"cell-head\"><span class=\"cell-no\">cell ").append(index)
                    .append("</span> <span class=\"muted\">").append(Html.text(cell.json().path("cell_type").asText()))
                    .append("</span></div><pre class=\"markdown\">");
            Html.append(out, cell.source());
            out.append("</pre></div>\n");
            return;
        }
        String status = status(cell, testCase);
        Long millis = testCase != null ? Long.valueOf(testCase.durationMillis()) : metadataMillis(cell);
        Integer count = cell.executionCount();
        out.append("<div class=\"cell code ").append(status).append("\" id=\"").append(id).append("\">")
                .append("<div class=\"cell-head\"><span class=\"prompt\">[").append(count == null ? " " : count)
                .append("]</span> <span class=\"cell-no\">cell ").append(index).append("</span> ")
                .append("<span class=\"status ").append(status).append("\">").append(status.replace('-', ' '))
                .append("</span>");
        if (millis != null) {
            out.append(" <span class=\"duration\">").append(Durations.format(millis)).append("</span>");
        }
        if (!cell.tags().isEmpty()) {
            out.append(" <span class=\"tags\">");
            for (String tag : cell.tags()) {
                out.append("<span class=\"tag\">").append(Html.text(tag)).append("</span>");
            }
            out.append("</span>");
        }
        out.append("</div>\n");
        if (testCase != null && testCase.failure() != null) {
            out.append("<div class=\"failure-banner\">");
            if (testCase.failure().type() != null) {
                out.append("<code>").append(Html.text(testCase.failure().type())).append("</code> ");
            }
            out.append(Html.text(testCase.failure().message())).append("</div>\n");
        }
        out.append("<pre class=\"source\">");
        Html.append(out, cell.source());
        out.append("</pre>\n");
        JsonNode outputs = cell.json().path("outputs");
        if (outputs.isArray() && outputs.size() > 0) {
            out.append("<div class=\"outputs\">\n");
            for (JsonNode output : outputs) {
                renderOutput(out, output, index, notebookPath);
            }
            out.append("</div>\n");
        }
        out.append("</div>\n");
    }

    private static String status(Cell cell, CaseResult testCase) {
        if (testCase != null) {
            return cssStatus(testCase.status());
        }
        for (String key : List.of("nbci", "papermill")) {
            String recorded = cell.metadata().path(key).path("status").asText("");
            switch (recorded) {
                case "completed": case "passed": return "passed";
                case "failed": return "failed";
                case "error": return "error";
                case "skipped": case "pending": return "not-run";
                default: break;
            }
        }
        for (JsonNode output : cell.json().path("outputs")) {
            if ("error".equals(output.path("output_type").asText())) {
                return "failed";
            }
        }
        return cell.executionCount() == null ? "not-run" : "passed";
    }

    static String cssStatus(Status status) {
        return status == Status.SKIPPED ? "not-run" : status.name().toLowerCase(Locale.ROOT);
    }

    private static Long metadataMillis(Cell cell) {
        for (String key : List.of("nbci", "papermill")) {
            JsonNode duration = cell.metadata().path(key).path("duration");
            if (duration.isNumber()) {
                return Math.round(duration.doubleValue() * 1000);
            }
        }
        return null;
    }

    private void renderOutput(StringBuilder out, JsonNode output, int index, String notebookPath) {
        String type = output.path("output_type").asText();
        switch (type) {
            case "stream":
                budget.appendText(out, "stream " + ("stderr".equals(output.path("name").asText()) ? "stderr" : "stdout"),
                        NotebookJson.joined(output.get("text")), notebookPath);
                break;
            case "error":
                String traceback = joinTraceback(output);
                budget.appendText(out, "traceback", traceback, notebookPath);
                break;
            case "execute_result":
            case "display_data":
                renderRich(out, output.path("data"), index, notebookPath);
                break;
            default:
                OutputBudget.note(out, "output of type '" + type + "' not shown");
        }
    }

    private static String joinTraceback(JsonNode output) {
        StringBuilder text = new StringBuilder();
        JsonNode lines = output.path("traceback");
        if (lines.isArray() && lines.size() > 0) {
            for (JsonNode line : lines) {
                text.append(line.asText()).append('\n');
            }
        } else {
            text.append(output.path("ename").asText()).append(": ").append(output.path("evalue").asText());
        }
        return JUnitXmlWriter.stripAnsi(text.toString());
    }

    private void renderRich(StringBuilder out, JsonNode data, int index, String notebookPath) {
        for (String mime : MIME_ORDER) {
            JsonNode value = data.get(mime);
            if (value == null) {
                continue;
            }
            switch (mime) {
                case "text/html":
                    renderHtml(out, NotebookJson.joined(value), index, notebookPath);
                    return;
                case "image/svg+xml":
                    renderImage(out, mime, Base64.getEncoder().encodeToString(
                            NotebookJson.joined(value).getBytes(java.nio.charset.StandardCharsets.UTF_8)), index,
                            notebookPath);
                    return;
                case "image/png":
                case "image/jpeg":
                case "image/gif":
                    renderImage(out, mime, NotebookJson.joined(value).replaceAll("\\s", ""), index, notebookPath);
                    return;
                case "application/json":
                    budget.appendText(out, "result", value.toPrettyString(), notebookPath);
                    return;
                default:
                    budget.appendText(out, "result", NotebookJson.joined(value), notebookPath);
                    return;
            }
        }
        if (data.size() > 0) {
            OutputBudget.note(out, "output of type " + data.fieldNames().next() + " not shown");
        }
    }

    private void renderImage(StringBuilder out, String mime, String base64, int index, String notebookPath) {
        long bytes = base64.length() * 3L / 4;
        if (!BASE64.matcher(base64).matches()) {
            OutputBudget.note(out, mime + " output not shown: it is not valid base64");
            return;
        }
        if (bytes > budget.limits().maxImageBytes() || !budget.allows(base64.length())) {
            OutputBudget.note(out, String.format(Locale.ROOT, "%s image of %,d bytes not embedded (limit %,d bytes"
                    + " per image, or the report's size budget is used up); it is in %s", mime, bytes,
                    budget.limits().maxImageBytes(), notebookPath == null ? "the executed notebook" : notebookPath));
            return;
        }
        out.append("<img class=\"output-image\" alt=\"").append(Html.text(mime)).append(" output of cell ").append(index)
                .append("\" src=\"data:").append(mime).append(";base64,").append(base64).append("\">\n");
        budget.spend(base64.length());
    }

    private void renderHtml(StringBuilder out, String html, int index, String notebookPath) {
        if (html.length() > budget.limits().maxHtmlChars() || !budget.allows(html.length())) {
            OutputBudget.note(out, "HTML output of " + OutputBudget.size(html.length()) + " not shown (limit "
                    + OutputBudget.size(budget.limits().maxHtmlChars()) + " per output, or the report's size budget"
                    + " is used up); it is in " + (notebookPath == null ? "the executed notebook" : notebookPath));
            return;
        }
        String body = cleanHtml ? UntrustedHtml.clean(html) : html;
        String document = UntrustedHtml.frameDocument(body);
        out.append("<iframe class=\"html-output\" sandbox=\"\" referrerpolicy=\"no-referrer\" title=\"HTML output of cell ")
                .append(index).append("\" style=\"height:").append(frameHeight(body)).append("px\" srcdoc=\"");
        Html.append(out, document);
        out.append("\"></iframe>\n");
        budget.spend(document.length());
    }

    private static final Pattern BLOCK = Pattern.compile("(?i)<(tr|br|p|li|div|h[1-6]|pre)[\\s>/]");

    /** A height that shows a typical table without scrolling; the frame scrolls beyond it (and can be resized). */
    private static int frameHeight(String body) {
        long blocks = BLOCK.matcher(body).results().count();
        long lines = blocks > 0 ? blocks : body.chars().filter(c -> c == '\n').count();
        return (int) Math.max(48, Math.min(480, 28 + 24 * Math.max(1, lines)));
    }
}
