package io.nbci.report;

import io.nbci.common.AtomicFiles;
import io.nbci.common.ExitCode;
import io.nbci.notebook.Notebook;
import io.nbci.notebook.NotebookException;
import io.nbci.results.Artifact;
import io.nbci.results.CaseResult;
import io.nbci.results.Failure;
import io.nbci.results.Fixture;
import io.nbci.results.MetricSample;
import io.nbci.results.RowDiff;
import io.nbci.results.RunResults;
import io.nbci.results.Status;
import io.nbci.results.SuiteResult;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders {@link RunResults} as one self-contained HTML page for reviewers: a summary
 * with counts and links to what failed, where the time went (inline SVG charts), every
 * executed notebook with its cells and outputs (the failing cell highlighted), every
 * scenario with its fixtures, assertions (expected vs actual, row diffs) and metrics.
 *
 * <p>The page needs nothing else: no script, no external style, font or image (images are
 * data: URIs), and it declares a strict Content-Security-Policy ({@link #CSP}), so it
 * works as a Jenkins or Bamboo artifact, offline, under a CSP that allows no script.
 * Notebook HTML outputs are untrusted: they are cleaned and shown only in iframes with
 * {@code sandbox=""} and {@code srcdoc}; all other text is escaped. Outputs are cut to
 * {@link ReportLimits}.
 *
 * <pre>{@code
 * RunResults results = ResultsFile.read(Path.of("out/results.json"));
 * HtmlReport.withDefaults().write(results, Path.of("out"), Path.of("out/report.html"));
 * }</pre>
 */
public final class HtmlReport {

    /** The Content-Security-Policy the page declares: no script, no fetch, inline styles and data: images only. */
    public static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "frame-src 'self' data: about:; base-uri 'none'; form-action 'none'";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final ReportLimits limits;
    private final boolean cleanHtml;

    private HtmlReport(ReportLimits limits, boolean cleanHtml) {
        this.limits = limits;
        this.cleanHtml = cleanHtml;
    }

    public static HtmlReport withDefaults() {
        return new HtmlReport(ReportLimits.defaults(), true);
    }

    public static HtmlReport withLimits(ReportLimits limits) {
        return new HtmlReport(limits, true);
    }

    /** Tests only: HTML outputs go into the sandbox uncleaned, to prove that the sandbox alone holds. */
    HtmlReport withoutCleaning() {
        return new HtmlReport(limits, false);
    }

    /**
     * Writes the page atomically.
     *
     * @param artifactBase folder that relative artifact paths are relative to (the results file's folder)
     */
    public void write(RunResults results, Path artifactBase, Path file) {
        AtomicFiles.write(file, render(results, artifactBase));
        try {
            // the temporary file behind the atomic write is private; a report is for sharing (as umask 022 gives)
            java.nio.file.Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException | java.io.IOException e) {
            // not a POSIX file system, or not ours to change: the report is written all the same
        }
    }

    /** The page as a string; executed notebooks are read from the results' notebook artifacts. */
    public String render(RunResults results, Path artifactBase) {
        return new Page(results, artifactBase).render();
    }

    /** One rendering: collects anchors while rendering the suites, then the summary that links to them. */
    private final class Page {
        private final RunResults results;
        private final Path artifactBase;
        private final OutputBudget budget = new OutputBudget(limits);
        private final Set<String> anchors = new HashSet<>();

        Page(RunResults results, Path artifactBase) {
            this.results = results;
            this.artifactBase = artifactBase;
        }

        String render() {
            StringBuilder suites = new StringBuilder();
            for (int i = 0; i < results.suites().size(); i++) {
                renderSuite(suites, results.suites().get(i), "s" + i);
            }
            StringBuilder page = new StringBuilder(suites.length() + 16_384);
            boolean ok = results.count(Status.FAILED) == 0 && results.count(Status.ERROR) == 0
                    && results.exitCode() == ExitCode.OK;
            String outcome = ok ? "passed" : results.exitCode() == ExitCode.OK
                    || results.exitCode() == ExitCode.FAILED ? "failed" : results.exitCode().meaning();
            page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                    .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
                    .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                    .append("<link rel=\"icon\" href=\"data:,\">\n")
                    .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                    .append("<title>nbci ").append(Html.text(results.command())).append(": ")
                    .append(Html.text(outcome)).append(" \u2014 ").append(Html.text(results.summary()))
                    .append("</title>\n<style>").append(ReportStyle.CSS).append("</style>\n</head>\n<body>\n");
            renderSummary(page, ok, outcome);
            page.append("<main>\n").append(suites).append("</main>\n");
            page.append("<footer>Generated by nbci").append(" at ").append(TIME.format(Instant.now().truncatedTo(
                    ChronoUnit.SECONDS))).append(". Self-contained: no script, no external resources.</footer>\n")
                    .append("</body>\n</html>\n");
            return page.toString();
        }

        private void renderSummary(StringBuilder out, boolean ok, String outcome) {
            out.append("<header id=\"summary\" class=\"summary ").append(ok ? "passed" : "failed").append("\">\n")
                    .append("<h1>nbci ").append(Html.text(results.command()))
                    .append(" <span class=\"badge ").append(ok ? "passed" : "failed").append("\">")
                    .append(Html.text(outcome)).append("</span></h1>\n<p class=\"meta\">");
            if (results.started() != null) {
                out.append("started ").append(TIME.format(results.started().truncatedTo(ChronoUnit.SECONDS)))
                        .append(" \u00b7 ");
            }
            out.append("exit code ").append(results.exitCode().code()).append(" (")
                    .append(Html.text(results.exitCode().meaning())).append(") \u00b7 ")
                    .append(results.suites().size()).append(results.suites().size() == 1 ? " suite" : " suites")
                    .append("</p>\n<div class=\"counts\">");
            count(out, "passed", results.count(Status.PASSED));
            count(out, "failed", results.count(Status.FAILED));
            count(out, "errors", results.count(Status.ERROR));
            count(out, "skipped", results.count(Status.SKIPPED));
            out.append("<div class=\"count duration\" id=\"count-duration\"><span class=\"n\">")
                    .append(Durations.format(results.durationMillis()))
                    .append("</span> <span class=\"label\">duration</span></div></div>\n");
            renderProblems(out);
            renderSuiteTable(out);
            out.append("</header>\n");
        }

        private void count(StringBuilder out, String label, long value) {
            out.append("<div class=\"count ").append(label).append(value > 0 ? " nonzero" : "")
                    .append("\" id=\"count-").append(label).append("\"><span class=\"n\">").append(value)
                    .append("</span> <span class=\"label\">").append(label).append("</span></div>");
        }

        private void renderProblems(StringBuilder out) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < results.suites().size(); i++) {
                SuiteResult suite = results.suites().get(i);
                for (int j = 0; j < suite.cases().size(); j++) {
                    CaseResult testCase = suite.cases().get(j);
                    if (testCase.status() != Status.FAILED && testCase.status() != Status.ERROR) {
                        continue;
                    }
                    String anchor = "s" + i + "-case-" + j;
                    Integer cell = cellIndex(testCase);
                    if (cell != null && anchors.contains("s" + i + "-cell-" + cell)) {
                        anchor = "s" + i + "-cell-" + cell;
                    }
                    StringBuilder item = new StringBuilder("<li class=\"problem ")
                            .append(NotebookView.cssStatus(testCase.status())).append("\"><a class=\"problem-link\" href=\"#")
                            .append(anchor).append("\"><span class=\"status ")
                            .append(NotebookView.cssStatus(testCase.status())).append("\">")
                            .append(NotebookView.cssStatus(testCase.status())).append("</span> <b>")
                            .append(Html.text(suite.name())).append("</b> \u203a ").append(Html.text(testCase.name()))
                            .append("</a>");
                    Failure failure = testCase.failure();
                    if (failure != null) {
                        item.append("<div class=\"problem-message\">");
                        if (failure.type() != null) {
                            item.append("<code>").append(Html.text(failure.type())).append("</code> ");
                        }
                        item.append(Html.text(firstLine(failure.message()))).append("</div>");
                    }
                    items.add(item.append("</li>").toString());
                }
            }
            if (items.isEmpty()) {
                return;
            }
            out.append("<section id=\"problems\"><h2>What failed</h2><ol class=\"problems\">\n");
            items.forEach(item -> out.append(item).append('\n'));
            out.append("</ol></section>\n");
        }

        private void renderSuiteTable(StringBuilder out) {
            if (results.suites().isEmpty()) {
                out.append("<p class=\"muted\">No suites ran.</p>\n");
                return;
            }
            out.append("<details class=\"suites-overview\"").append(results.suites().size() <= 12 ? " open" : "")
                    .append("><summary>Suites and where the time went</summary>\n<table class=\"suites\"><thead><tr>")
                    .append("<th>suite</th><th>kind</th><th>status</th><th>cases</th><th>duration</th></tr></thead><tbody>\n");
            List<DurationChart.Bar> bars = new ArrayList<>();
            for (int i = 0; i < results.suites().size(); i++) {
                SuiteResult suite = results.suites().get(i);
                String status = suiteStatus(suite);
                out.append("<tr class=\"").append(status).append("\"><td><a href=\"#s").append(i).append("\">")
                        .append(Html.text(suite.name())).append("</a></td><td>").append(kind(suite)).append("</td>")
                        .append("<td><span class=\"status ").append(status).append("\">").append(status)
                        .append("</span></td><td>").append(Html.text(counts(suite))).append("</td><td class=\"num\">")
                        .append(Durations.format(suite.durationMillis())).append("</td></tr>\n");
                bars.add(new DurationChart.Bar(suite.name(), suite.durationMillis(),
                        suite.successful() ? Status.PASSED : Status.FAILED, "s" + i));
            }
            out.append("</tbody></table>\n");
            if (bars.size() > 1) {
                DurationChart.render(out, "Duration per suite", bars, limits.maxChartBars());
            }
            out.append("</details>\n");
        }

        private void renderSuite(StringBuilder out, SuiteResult suite, String anchor) {
            String status = suiteStatus(suite);
            anchors.add(anchor);
            out.append("<section class=\"suite ").append(kind(suite)).append(' ').append(status).append("\" id=\"")
                    .append(anchor).append("\">\n<h2><span class=\"status ").append(status).append("\">")
                    .append(status).append("</span> ").append(Html.text(suite.name()))
                    .append(" <span class=\"muted\">").append(kind(suite)).append(" \u00b7 ")
                    .append(Html.text(counts(suite))).append(" \u00b7 ").append(Durations.format(suite.durationMillis()))
                    .append("</span></h2>\n");
            if (suite.source() != null && !suite.source().equals(suite.name())) {
                out.append("<p class=\"meta\">source <code>").append(Html.text(suite.source())).append("</code></p>\n");
            }
            renderProperties(out, suite);
            renderCaseChart(out, suite, anchor);

            List<Artifact> notebooks = suite.artifacts().stream().filter(a -> "notebook".equals(a.kind())).toList();
            Set<Integer> cellsShown = new HashSet<>();
            boolean notebookSuite = suite.kind() == SuiteResult.Kind.NOTEBOOK;
            for (int a = 0; a < notebooks.size(); a++) {
                String notebookAnchor = a == 0 ? anchor : anchor + "-nb" + a;
                Map<Integer, CaseResult> byCell = a == 0 ? casesByCell(suite) : Map.of();
                boolean open = notebookSuite || !suite.successful();
                Set<Integer> shown = renderNotebook(out, notebooks.get(a), notebookAnchor, byCell, open);
                if (a == 0) {
                    cellsShown.addAll(shown);
                }
            }
            List<Integer> rest = new ArrayList<>();
            for (int j = 0; j < suite.cases().size(); j++) {
                Integer cell = cellIndex(suite.cases().get(j));
                if (cell == null || !cellsShown.contains(cell)) {
                    rest.add(j);
                }
            }
            if (!rest.isEmpty()) {
                boolean scenarioLike = suite.kind() == SuiteResult.Kind.SCENARIO;
                out.append("<div class=\"cases\">\n");
                if (!scenarioLike && notebookSuite && !notebooks.isEmpty()) {
                    out.append("<h3>Cases not matched to a cell of the notebook</h3>\n");
                }
                for (int j : rest) {
                    renderCase(out, suite.cases().get(j), anchor, j);
                }
                out.append("</div>\n");
            }
            if (!suite.metrics().isEmpty()) {
                out.append("<h3>Metrics the job sent</h3>\n");
                renderMetrics(out, suite.metrics());
            }
            renderOtherArtifacts(out, suite);
            out.append("</section>\n");
        }

        private void renderProperties(StringBuilder out, SuiteResult suite) {
            if (suite.properties().isEmpty()) {
                return;
            }
            out.append("<details class=\"properties\"").append(suite.kind() == SuiteResult.Kind.DEPLOY ? " open" : "")
                    .append("><summary>properties (").append(suite.properties().size()).append(")</summary><table class=\"kv\">");
            suite.properties().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(p ->
                    out.append("<tr><th>").append(Html.text(p.getKey())).append("</th><td><code>")
                            .append(Html.text(p.getValue())).append("</code></td></tr>"));
            out.append("</table></details>\n");
        }

        private void renderCaseChart(StringBuilder out, SuiteResult suite, String anchor) {
            if (suite.cases().size() < 2) {
                return;
            }
            List<DurationChart.Bar> bars = new ArrayList<>();
            for (int j = 0; j < suite.cases().size(); j++) {
                CaseResult testCase = suite.cases().get(j);
                Integer cell = cellIndex(testCase);
                // a case with a cell index is shown as its cell, or (notebook missing) as a case with the cell's id
                String target = cell != null ? anchor + "-cell-" + cell : anchor + "-case-" + j;
                bars.add(new DurationChart.Bar(testCase.name(), testCase.durationMillis(), testCase.status(), target));
            }
            String title = switch (suite.kind()) {
                case NOTEBOOK -> "Duration per cell";
                case SCENARIO -> "Duration per scenario";
                default -> "Duration per case";
            };
            DurationChart.render(out, title, bars, limits.maxChartBars());
        }

        /** Renders a notebook artifact; returns the indexes of the cells it showed. */
        private Set<Integer> renderNotebook(StringBuilder out, Artifact artifact, String anchor,
                Map<Integer, CaseResult> byCell, boolean open) {
            Path path = resolve(artifact.path());
            out.append("<details class=\"executed-notebook\"").append(open ? " open" : "").append("><summary>executed notebook <code>")
                    .append(Html.text(artifact.path())).append("</code>");
            if (artifact.description() != null) {
                out.append(" <span class=\"muted\">").append(Html.text(artifact.description())).append("</span>");
            }
            out.append("</summary>\n");
            Set<Integer> shown = new HashSet<>();
            try {
                Notebook notebook = Notebook.read(path);
                new NotebookView(budget, cleanHtml).render(out, notebook, anchor, byCell, artifact.path());
                for (int k = 0; k < notebook.size(); k++) {
                    shown.add(k);
                    anchors.add(anchor + "-cell-" + k);
                }
            } catch (NotebookException e) {
                OutputBudget.note(out, "the executed notebook cannot be shown: " + e.getMessage());
            }
            out.append("</details>\n");
            return shown;
        }

        private void renderCase(StringBuilder out, CaseResult testCase, String suiteAnchor, int j) {
            String status = NotebookView.cssStatus(testCase.status());
            Integer cell = cellIndex(testCase);
            String id = cell != null && !anchors.contains(suiteAnchor + "-cell-" + cell)
                    ? suiteAnchor + "-cell-" + cell : suiteAnchor + "-case-" + j;
            anchors.add(id);
            boolean rich = testCase.failure() != null || !testCase.checks().isEmpty() || !testCase.fixtures().isEmpty()
                    || !testCase.metrics().isEmpty() || testCase.output() != null;
            out.append("<div class=\"case ").append(status).append(rich ? "" : " compact").append("\" id=\"")
                    .append(id).append("\">\n<div class=\"case-head\"><span class=\"status ").append(status).append("\">")
                    .append(status.replace('-', ' ')).append("</span> <span class=\"case-name\">")
                    .append(Html.text(testCase.name())).append("</span> <span class=\"duration\">")
                    .append(Durations.format(testCase.durationMillis())).append("</span></div>\n");
            if (testCase.failure() != null) {
                renderFailure(out, testCase.failure(), testCase.status());
            }
            if (!testCase.fixtures().isEmpty()) {
                renderFixtures(out, testCase.fixtures());
            }
            if (!testCase.checks().isEmpty()) {
                renderChecks(out, testCase.checks());
            }
            if (!testCase.metrics().isEmpty()) {
                out.append("<h4>Metrics the job sent</h4>\n");
                renderMetrics(out, testCase.metrics());
            }
            if (testCase.output() != null && !testCase.output().isEmpty()) {
                out.append("<details class=\"case-output\"").append(testCase.status() == Status.PASSED ? "" : " open")
                        .append("><summary>output</summary>\n");
                budget.appendText(out, "stream stdout", JUnitXmlWriter.stripAnsi(testCase.output()), null);
                out.append("</details>\n");
            }
            out.append("</div>\n");
        }

        private void renderFailure(StringBuilder out, Failure failure, Status status) {
            out.append("<div class=\"failure ").append(NotebookView.cssStatus(status)).append("\">");
            if (failure.type() != null) {
                out.append("<code class=\"failure-type\">").append(Html.text(failure.type())).append("</code> ");
            }
            out.append("<span class=\"failure-message\">").append(Html.text(failure.message())).append("</span>\n");
            if (failure.expected() != null || failure.actual() != null) {
                expectedActual(out, failure.expected(), failure.actual());
            }
            if (failure.detail() != null && !failure.detail().isEmpty()) {
                budget.appendText(out, "traceback", JUnitXmlWriter.stripAnsi(failure.detail()), null);
            }
            out.append("</div>\n");
        }

        private void expectedActual(StringBuilder out, String expected, String actual) {
            out.append("<div class=\"expected-actual\"><div class=\"expected\"><span class=\"label\">expected</span>");
            budget.appendText(out, "value", expected == null ? "" : expected, null);
            out.append("</div><div class=\"actual\"><span class=\"label\">actual</span>");
            budget.appendText(out, "value", actual == null ? "" : actual, null);
            out.append("</div></div>\n");
        }

        private void renderFixtures(StringBuilder out, List<Fixture> fixtures) {
            out.append("<details class=\"fixtures\" open><summary>Fixtures (").append(fixtures.size())
                    .append(")</summary>\n<ul class=\"fixture-list\">\n");
            for (Fixture fixture : fixtures) {
                out.append("<li class=\"fixture\"><span class=\"kind\">").append(Html.text(fixture.kind()))
                        .append("</span> <code>").append(Html.text(fixture.target())).append("</code>");
                if (fixture.description() != null) {
                    out.append(" <span class=\"muted\">").append(Html.text(fixture.description())).append("</span>");
                }
                if (!fixture.rows().isEmpty() || !fixture.columns().isEmpty()) {
                    table(out, "fixture-rows", fixture.columns(), fixture.rows(), null);
                }
                out.append("</li>\n");
            }
            out.append("</ul></details>\n");
        }

        private void renderChecks(StringBuilder out, List<CaseResult.Check> checks) {
            out.append("<h4>Assertions</h4>\n<table class=\"checks\"><thead><tr><th></th><th>assertion</th><th>expected</th><th>actual</th></tr>")
                    .append("</thead><tbody>\n");
            for (CaseResult.Check check : checks) {
                String status = check.passed() ? "passed" : "failed";
                out.append("<tr class=\"check ").append(status).append("\"><td><span class=\"status ").append(status)
                        .append("\">").append(check.passed() ? "\u2713" : "\u2717").append("</span></td><td><span class=\"kind\">")
                        .append(Html.text(check.kind())).append("</span> ");
                if (check.target() != null) {
                    out.append("<code class=\"target\">").append(Html.text(shortText(check.target(), 300))).append("</code>");
                }
                if (!check.passed() && check.message() != null) {
                    out.append("<div class=\"check-message\">").append(Html.text(check.message())).append("</div>");
                }
                out.append("</td><td class=\"expected\">");
                budget.appendText(out, "value", check.expected() == null ? "" : check.expected(), null);
                out.append("</td><td class=\"actual\">");
                budget.appendText(out, "value", check.actual() == null ? "" : check.actual(), null);
                out.append("</td></tr>\n");
                if (check.rows() != null && !check.rows().rows().isEmpty()) {
                    out.append("<tr class=\"row-diff-row\"><td></td><td colspan=\"3\">");
                    renderRowDiff(out, check.rows());
                    out.append("</td></tr>\n");
                }
            }
            out.append("</tbody></table>\n");
        }

        private void renderRowDiff(StringBuilder out, RowDiff diff) {
            out.append("<div class=\"row-diff-caption\">rows: ").append(diff.count(RowDiff.Change.SAME))
                    .append(" matching, <span class=\"missing\">").append(diff.count(RowDiff.Change.MISSING))
                    .append(" missing</span> (expected, not returned), <span class=\"unexpected\">")
                    .append(diff.count(RowDiff.Change.UNEXPECTED)).append(" unexpected</span> (returned, not expected)</div>");
            List<List<String>> rows = new ArrayList<>();
            List<String> classes = new ArrayList<>();
            int shown = 0;
            for (RowDiff.Row row : diff.rows()) {
                if (shown++ >= 200) {
                    break;
                }
                rows.add(row.values());
                classes.add(row.change().name().toLowerCase(Locale.ROOT));
            }
            table(out, "row-diff", diff.columns(), rows, classes);
            if (diff.rows().size() > 200) {
                OutputBudget.note(out, (diff.rows().size() - 200) + " more rows not shown");
            }
        }

        private void table(StringBuilder out, String cssClass, List<String> columns, List<List<String>> rows,
                List<String> rowClasses) {
            out.append("<table class=\"").append(cssClass).append("\">");
            if (!columns.isEmpty() || rowClasses != null) {
                out.append("<thead><tr>");
                if (rowClasses != null) {
                    out.append("<th></th>");
                }
                for (String column : columns) {
                    out.append("<th>").append(Html.text(column)).append("</th>");
                }
                out.append("</tr></thead>");
            }
            out.append("<tbody>");
            for (int r = 0; r < rows.size(); r++) {
                String rowClass = rowClasses == null ? null : rowClasses.get(r);
                out.append(rowClass == null ? "<tr>" : "<tr class=\"" + rowClass + "\">");
                if (rowClass != null) {
                    out.append("<td class=\"mark\">").append(switch (rowClass) {
                        case "missing" -> "\u2212";
                        case "unexpected" -> "+";
                        default -> "";
                    }).append("</td>");
                }
                for (String value : rows.get(r)) {
                    out.append("<td>").append(Html.text(shortText(value, 500))).append("</td>");
                }
                out.append("</tr>");
            }
            out.append("</tbody></table>\n");
        }

        private void renderMetrics(StringBuilder out, List<MetricSample> metrics) {
            out.append("<table class=\"metrics\"><thead><tr><th>metric</th><th>value</th><th>time</th></tr></thead><tbody>\n");
            int shown = 0;
            for (MetricSample metric : metrics) {
                if (shown++ >= 500) {
                    break;
                }
                out.append("<tr><td><code>").append(Html.text(metric.name())).append("</code></td><td class=\"num\">")
                        .append(Html.text(BuildMetrics.formatValue(metric.value()))).append("</td><td>")
                        .append(metric.timestamp() > 0 ? TIME.format(Instant.ofEpochSecond(metric.timestamp())) : "")
                        .append("</td></tr>\n");
            }
            out.append("</tbody></table>\n");
            if (metrics.size() > 500) {
                OutputBudget.note(out, (metrics.size() - 500) + " more metrics not shown");
            }
        }

        private void renderOtherArtifacts(StringBuilder out, SuiteResult suite) {
            List<Artifact> others = suite.artifacts().stream().filter(a -> !"notebook".equals(a.kind())).toList();
            if (others.isEmpty()) {
                return;
            }
            out.append("<h3>Files</h3><ul class=\"artifacts\">\n");
            for (Artifact artifact : others) {
                out.append("<li><span class=\"kind\">").append(Html.text(artifact.kind())).append("</span> <code>")
                        .append(Html.text(artifact.path())).append("</code>");
                if (artifact.description() != null) {
                    out.append(" <span class=\"muted\">").append(Html.text(artifact.description())).append("</span>");
                }
                out.append("</li>\n");
            }
            out.append("</ul>\n");
        }

        private Path resolve(String path) {
            Path p = Path.of(path);
            return p.isAbsolute() || artifactBase == null ? p : artifactBase.resolve(p);
        }
    }

    private static Map<Integer, CaseResult> casesByCell(SuiteResult suite) {
        Map<Integer, CaseResult> byCell = new HashMap<>();
        for (CaseResult testCase : suite.cases()) {
            Integer cell = cellIndex(testCase);
            if (cell != null) {
                byCell.putIfAbsent(cell, testCase);
            }
        }
        return byCell;
    }

    private static Integer cellIndex(CaseResult testCase) {
        if (testCase.cellIndex() != null) {
            return testCase.cellIndex();
        }
        return testCase.failure() == null ? null : testCase.failure().cellIndex();
    }

    private static String suiteStatus(SuiteResult suite) {
        if (suite.count(Status.ERROR) > 0) {
            return "error";
        }
        if (suite.count(Status.FAILED) > 0) {
            return "failed";
        }
        return suite.cases().isEmpty() || suite.count(Status.PASSED) > 0 ? "passed" : "not-run";
    }

    private static String kind(SuiteResult suite) {
        return suite.kind().name().toLowerCase(Locale.ROOT);
    }

    private static String counts(SuiteResult suite) {
        StringBuilder text = new StringBuilder().append(suite.count(Status.PASSED)).append(" passed");
        if (suite.count(Status.FAILED) > 0) {
            text.append(", ").append(suite.count(Status.FAILED)).append(" failed");
        }
        if (suite.count(Status.ERROR) > 0) {
            text.append(", ").append(suite.count(Status.ERROR)).append(" errors");
        }
        if (suite.count(Status.SKIPPED) > 0) {
            text.append(", ").append(suite.count(Status.SKIPPED)).append(" skipped");
        }
        return text.toString();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return shortText(newline < 0 ? text : text.substring(0, newline), 300);
    }

    private static String shortText(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max) + "\u2026 (" + text.length() + " characters)";
    }
}
