package io.nbci.report;

import io.nbci.common.ExitCode;
import io.nbci.notebook.Cell;
import io.nbci.notebook.CellType;
import io.nbci.notebook.Notebook;
import io.nbci.results.Artifact;
import io.nbci.results.CaseResult;
import io.nbci.results.Failure;
import io.nbci.results.Fixture;
import io.nbci.results.MetricSample;
import io.nbci.results.RowDiff;
import io.nbci.results.RunResults;
import io.nbci.results.Status;
import io.nbci.results.SuiteResult;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Results and executed notebooks as the run and test commands produce them, for the report
 * tests: a passing run, a failing cell, a failing scenario assertion, a notebook with an
 * image and HTML output, and a notebook whose HTML output is hostile.
 */
final class ReportSamples {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    static final Instant STARTED = Instant.parse("2026-11-23T21:00:00Z");

    /** Markup that tries to run script in every way a notebook output could. */
    static final String HOSTILE_HTML = "<b id=\"hostile\">hostile output</b>"
            + "<script>document.title='PWNED'; window.name='PWNED'; parent.document.title='PWNED';</script>"
            + "<img src=\"x\" onerror=\"parent.document.title='PWNED-ONERROR'; window.name='PWNED-ONERROR'\">"
            + "<svg onload=\"parent.document.title='PWNED-SVG'\"></svg>"
            + "<a href=\"javascript:parent.document.title='PWNED-LINK'\">click</a>"
            + "<iframe srcdoc=\"&lt;script&gt;top.document.title='PWNED-NESTED'&lt;/script&gt;\"></iframe>"
            + "<meta http-equiv=\"refresh\" content=\"0;url=javascript:parent.document.title='PWNED-META'\">"
            + "<div style=\"background:url(http://127.0.0.1:9/steal)\">styled</div>"
            + "<form action=\"http://127.0.0.1:9/\"><input name=\"q\"></form>";

    /** Text that is hostile when not escaped: it must appear as text in the report. */
    static final String HOSTILE_TEXT = "</pre><script>document.title='PWNED-TEXT'</script><img src=x onerror=alert(1)>";

    private ReportSamples() {
    }

    static RunResults passingRun(Path dir) {
        Notebook notebook = Notebook.create("passing");
        notebook.addCell(Cell.text(CellType.MARKDOWN, "# Daily scores\nChecks the score table."));
        notebook.addCell(code(1, "import math\nrows = 3", List.of()).setTags(List.of("parameters")));
        notebook.addCell(code(2, "print('rows:', rows)", List.of(stream("stdout", "rows: 3\n"))));
        notebook.addCell(code(3, "math.sqrt(16)", List.of(result(3, Map.of("text/plain", "4.0")))));
        Path file = dir.resolve("passing.out.ipynb");
        notebook.write(file);
        SuiteResult suite = new SuiteResult("jobs/passing.ipynb", SuiteResult.Kind.NOTEBOOK, "jobs/passing.ipynb", 900,
                List.of(cellCase(1, "import math", Status.PASSED, 120, null),
                        cellCase(2, "print('rows:', rows)", Status.PASSED, 300, null),
                        cellCase(3, "math.sqrt(16)", Status.PASSED, 80, null)),
                List.of(new Artifact("notebook", "passing.out.ipynb", "executed")), List.of(),
                Map.of("kernel", "python3", "parameters", "rows=3"));
        return RunResults.of("run", STARTED, 1200, ExitCode.OK, List.of(suite));
    }

    static RunResults failingCell(Path dir) {
        Notebook notebook = Notebook.create("failing");
        notebook.addCell(code(1, "total = 10", List.of()));
        notebook.addCell(code(2, "print('dividing')\nratio = total / 0", List.of(stream("stdout", "dividing\n"),
                error("ZeroDivisionError", "division by zero", List.of(
                        "\u001b[0;31m---------------------------------------------------------------------------\u001b[0m",
                        "\u001b[0;31mZeroDivisionError\u001b[0m                         Traceback (most recent call last)",
                        "Cell \u001b[0;32mIn[2], line 2\u001b[0m\n----> 2 ratio = total / 0",
                        "\u001b[0;31mZeroDivisionError\u001b[0m: division by zero")))));
        notebook.addCell(Cell.code("print(ratio)"));
        Path file = dir.resolve("failing.out.ipynb");
        notebook.write(file);
        Failure failure = new Failure("ZeroDivisionError", "division by zero",
                "ZeroDivisionError Traceback (most recent call last)\n----> 2 ratio = total / 0\nZeroDivisionError: division by zero",
                1, null, null);
        SuiteResult suite = new SuiteResult("jobs/failing.ipynb", SuiteResult.Kind.NOTEBOOK, "jobs/failing.ipynb", 700,
                List.of(cellCase(0, "total = 10", Status.PASSED, 50, null),
                        cellCase(1, "print('dividing')", Status.FAILED, 250, failure),
                        cellCase(2, "print(ratio)", Status.SKIPPED, 0, null)),
                List.of(new Artifact("notebook", "failing.out.ipynb", "executed, failing cell marked")), List.of(),
                Map.of("kernel", "python3"));
        return RunResults.of("run", STARTED, 1000, ExitCode.FAILED, List.of(suite));
    }

    static RunResults failingAssertion(Path dir) {
        RowDiff diff = RowDiff.compare(List.of("offer_id", "day", "category"),
                List.of(List.of("100", "2016-10-10", "Moda i uroda > Bi\u017cuteria i Zegarki"),
                        List.of("101", "2016-10-10", "Dom")),
                List.of(List.of("100", "2016-10-10", "Moda i uroda > Bi\u017cuteria i Zegarki"),
                        List.of("102", "2016-10-11", "Ogr\u00f3d")));
        CaseResult.Check query = new CaseResult.Check("hive-query", "SELECT offer_id, day, category FROM reports.missing_score",
                false, "2 rows", "2 rows (1 missing, 1 unexpected)", "rows differ", diff);
        CaseResult.Check exit = new CaseResult.Check("exit-code", "job", true, "0", "0", null);
        CaseResult.Check metric = new CaseResult.Check("metric", "stats.offer.imagescore.verifier.missing", false,
                "1", "2", "value differs");
        Fixture events = new Fixture("hive-table", "dwh.events", "2 rows inline", List.of("offer_id", "score", "day"),
                List.of(List.of("100", "19866", "2016-10-10"), java.util.Arrays.asList("101", null, "2016-10-10")));
        Fixture solr = Fixture.of("hdfs-file", "/data/solr/scores.json", "empty file from fixtures/empty.json");
        List<MetricSample> sent = List.of(new MetricSample("stats.offer.imagescore.verifier.missing", 2, 1795467600L),
                new MetricSample("stats.offer.imagescore.verifier.existing", 0, 1795467600L));
        CaseResult failing = new CaseResult("should report missing score", "imagescore", Status.FAILED, 4200,
                Failure.assertion("hive-query", "SELECT offer_id, day, category FROM reports.missing_score: rows differ",
                        "2 rows", "2 rows (1 missing, 1 unexpected)"),
                "INFO verifier: 2 offers\nWARN corrupted record at line 3\n" + HOSTILE_TEXT + "\n", null,
                List.of(exit, query, metric), List.of(events, solr), sent);
        CaseResult passing = new CaseResult("should pass when all scores present", "imagescore", Status.PASSED, 2100,
                null, null, null, List.of(new CaseResult.Check("exit-code", "job", true, "0", "0", null)),
                List.of(Fixture.of("hive-table", "dwh.events", "3 rows from fixtures/all.csv")), List.of());
        SuiteResult suite = new SuiteResult("examples/imagescore/scenarios.yaml", SuiteResult.Kind.SCENARIO,
                "examples/imagescore/scenarios.yaml", 6500, List.of(failing, passing), List.of(), sent,
                Map.of("backend", "embedded"));
        return RunResults.of("test", STARTED, 9000, ExitCode.FAILED, List.of(suite));
    }

    static RunResults richOutputs(Path dir, String html) {
        Notebook notebook = Notebook.create("rich");
        notebook.addCell(code(1, "df.head()", List.of(result(1, Map.of(
                "text/html", "<div><style scoped>.dataframe td{color:#333}</style><table border=\"1\" class=\"dataframe\">"
                        + "<thead><tr><th></th><th>offer</th><th>score</th></tr></thead><tbody>"
                        + "<tr><th>0</th><td>100</td><td>0.93</td></tr><tr><th>1</th><td>101</td><td>0.41</td></tr>"
                        + "</tbody></table></div>",
                "text/plain", "   offer  score\n0    100   0.93\n1    101   0.41")))));
        notebook.addCell(code(2, "plt.plot(scores)", List.of(display(Map.of("image/png", png(), "text/plain",
                "<Figure size 640x480 with 1 Axes>")))));
        notebook.addCell(code(3, "HTML(untrusted)", List.of(display(Map.of("text/html", html, "text/plain",
                "<IPython.core.display.HTML object>")))));
        notebook.addCell(code(4, "print(" + "'x' * 10_000_000" + ")", List.of(stream("stdout",
                "log line\n".repeat(1_200_000)))));
        Path file = dir.resolve("rich.out.ipynb");
        notebook.write(file);
        SuiteResult suite = new SuiteResult("jobs/rich.ipynb", SuiteResult.Kind.NOTEBOOK, "jobs/rich.ipynb", 3100,
                List.of(cellCase(0, "df.head()", Status.PASSED, 400, null),
                        cellCase(1, "plt.plot(scores)", Status.PASSED, 1500, null),
                        cellCase(2, "HTML(untrusted)", Status.PASSED, 20, null),
                        cellCase(3, "print('x' * 10_000_000)", Status.PASSED, 900, null)),
                List.of(new Artifact("notebook", "rich.out.ipynb", null)), List.of(), Map.of());
        return RunResults.of("run", STARTED, 3500, ExitCode.OK, List.of(suite));
    }

    static CaseResult cellCase(int index, String firstLine, Status status, long millis, Failure failure) {
        return new CaseResult("cell " + index + ": " + firstLine, "notebook", status, millis, failure, null, index,
                List.of());
    }

    static Cell code(int count, String source, List<Map<String, Object>> outputs) {
        Cell cell = Cell.code(source).setExecutionCount(count);
        for (Map<String, Object> output : outputs) {
            cell.outputs().add(JSON.valueToTree(output));
        }
        return cell;
    }

    static Map<String, Object> stream(String name, String text) {
        return Map.of("output_type", "stream", "name", name, "text", text);
    }

    static Map<String, Object> result(int count, Map<String, String> data) {
        return Map.of("output_type", "execute_result", "execution_count", count, "data", data, "metadata", Map.of());
    }

    static Map<String, Object> display(Map<String, String> data) {
        return Map.of("output_type", "display_data", "data", data, "metadata", Map.of());
    }

    static Map<String, Object> error(String name, String value, List<String> traceback) {
        return Map.of("output_type", "error", "ename", name, "evalue", value, "traceback", traceback);
    }

    /** A real 160x90 PNG chart, base64, as matplotlib would put it in a notebook. */
    static String png() {
        BufferedImage image = new BufferedImage(160, 90, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 160, 90);
        g.setColor(new Color(31, 119, 180));
        int[] heights = {30, 55, 42, 70, 20};
        for (int i = 0; i < heights.length; i++) {
            g.fillRect(10 + i * 30, 85 - heights[i], 20, heights[i]);
        }
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
