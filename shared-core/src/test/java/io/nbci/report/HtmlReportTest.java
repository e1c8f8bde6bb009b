package io.nbci.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbci.common.ExitCode;
import io.nbci.results.Artifact;
import io.nbci.results.RunResults;
import io.nbci.results.SuiteResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class HtmlReportTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private String render(RunResults results) throws Exception {
        return HtmlReport.withDefaults().render(results, temp.getRoot().toPath());
    }

    @Test
    public void shouldDeclareStrictCspAndContainNoScriptOrExternalReference() throws Exception {
        String html = render(ReportSamples.richOutputs(temp.getRoot().toPath(), ReportSamples.HOSTILE_HTML));

        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"" + HtmlReport.CSP + "\">");
        String outsideFrames = html.replaceAll("(?s)srcdoc=\"[^\"]*\"", "srcdoc=\"\"");
        assertThat(outsideFrames).doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("onerror=")
                .doesNotContainIgnoringCase("javascript:")
                .doesNotContain("src=\"http").doesNotContain("href=\"http");
    }

    @Test
    public void shouldPutHtmlOutputsOnlyIntoSandboxedFramesAndCleanThem() throws Exception {
        String html = render(ReportSamples.richOutputs(temp.getRoot().toPath(), ReportSamples.HOSTILE_HTML));

        Matcher frames = Pattern.compile("<iframe [^>]*>").matcher(html);
        int count = 0;
        while (frames.find()) {
            count++;
            assertThat(frames.group()).contains(" sandbox=\"\"").contains(" srcdoc=\"");
        }
        assertThat(count).isEqualTo(2);
        assertThat(html).contains("&lt;b&gt;hostile output&lt;/b&gt;").contains("blocked-http")
                .doesNotContain("PWNED");
    }

    @Test
    public void shouldEscapeTextFromResults() throws Exception {
        String html = render(ReportSamples.failingAssertion(temp.getRoot().toPath()));

        assertThat(html).contains("&lt;/pre&gt;&lt;script&gt;document.title=&#39;PWNED-TEXT&#39;&lt;/script&gt;")
                .doesNotContain("<script");
    }

    @Test
    public void shouldLinkTheFailingCellFromTheSummaryAndMarkIt() throws Exception {
        String html = render(ReportSamples.failingCell(temp.getRoot().toPath()));

        assertThat(html).contains("href=\"#s0-cell-1\"")
                .containsPattern("<div class=\"cell code failed\" id=\"s0-cell-1\">")
                .contains("<code>ZeroDivisionError</code> division by zero")
                .containsPattern("id=\"count-failed\"><span class=\"n\">1<");
        assertThat(html).doesNotContain("\u001b[");
    }

    @Test
    public void shouldShowFixturesExpectedActualAndRowDiffOfAScenario() throws Exception {
        String html = render(ReportSamples.failingAssertion(temp.getRoot().toPath()));

        assertThat(html).contains("dwh.events").contains("/data/solr/scores.json")
                .contains("<td>NULL</td>")
                .contains("<tr class=\"missing\"><td class=\"mark\">\u2212</td><td>101</td>")
                .contains("<tr class=\"unexpected\"><td class=\"mark\">+</td><td>102</td>")
                .contains("1 missing</span>").contains("stats.offer.imagescore.verifier.missing")
                .contains("href=\"#s0-case-0\"").contains("id=\"s0-case-0\"")
                .contains("<svg");
    }

    @Test
    public void shouldEmbedImagesAsDataUris() throws Exception {
        String html = render(ReportSamples.richOutputs(temp.getRoot().toPath(), "<b>x</b>"));

        assertThat(html).contains("src=\"data:image/png;base64," + ReportSamples.png().substring(0, 40));
    }

    @Test
    public void shouldKeepTheReportSmallWhenAnOutputIsTenMegabytes() throws Exception {
        RunResults results = ReportSamples.richOutputs(temp.getRoot().toPath(), "<b>x</b>");
        long notebookSize = Files.size(temp.getRoot().toPath().resolve("rich.out.ipynb"));

        String html = render(results);

        assertThat(notebookSize).isGreaterThan(10_000_000);
        assertThat(html.length()).isLessThan(200_000);
        assertThat(html.split("\n").length).as("lines of the page").isLessThan(600);
        assertThat(html).contains("lines) cut from the middle of this output (10.8 MB in all")
                .contains("the full output is in rich.out.ipynb");
    }

    @Test
    public void shouldStopEmbeddingOutputsWhenThePageBudgetIsUsedUp() throws Exception {
        ReportLimits tight = new ReportLimits(20_000, 200, 200_000, 1_500_000, 1_000, 40);

        String html = HtmlReport.withLimits(tight).render(
                ReportSamples.richOutputs(temp.getRoot().toPath(), "<b>x</b>"), temp.getRoot().toPath());

        assertThat(html).contains("image of").contains("not embedded").contains("size budget is used up");
    }

    @Test
    public void shouldRenderCasesWhenTheExecutedNotebookIsMissing() throws Exception {
        RunResults results = ReportSamples.failingCell(temp.getRoot().toPath());
        Files.delete(temp.getRoot().toPath().resolve("failing.out.ipynb"));

        String html = render(results);

        assertThat(html).contains("the executed notebook cannot be shown").contains("file not found")
                .contains("id=\"s0-cell-1\"").contains("href=\"#s0-cell-1\"")
                .contains("ZeroDivisionError: division by zero");
    }

    @Test
    public void shouldDrawOneBarPerCellLinkedToTheCell() throws Exception {
        String html = render(ReportSamples.passingRun(temp.getRoot().toPath()));

        assertThat(html).contains("Duration per cell");
        assertThat(Pattern.compile("<a href=\"#s0-cell-\\d\"><g class=\"bar passed\">").matcher(html).results().count())
                .isEqualTo(3);
    }

    @Test
    public void shouldPointEveryLinkAtAnElementOfThePage() throws Exception {
        Path dir = temp.getRoot().toPath();
        RunResults cell = ReportSamples.failingCell(dir);
        SuiteResult notebookSuite = cell.suites().get(0);
        // a scenario that ran a notebook: its cells' cases and the scenario's own case in one suite
        SuiteResult scenarioWithNotebook = new SuiteResult("scenario running a notebook", SuiteResult.Kind.SCENARIO,
                null, 900, java.util.stream.Stream.concat(notebookSuite.cases().stream(),
                        ReportSamples.failingAssertion(dir).suites().get(0).cases().stream()).toList(),
                notebookSuite.artifacts(), List.of(), Map.of());
        RunResults all = ReportSamples.passingRun(dir).merge(cell).merge(ReportSamples.failingAssertion(dir))
                .merge(RunResults.of("test", null, 1, ExitCode.FAILED, List.of(scenarioWithNotebook)))
                .merge(RunResults.of("run", null, 1, ExitCode.FAILED, List.of(new SuiteResult("gone.ipynb",
                        SuiteResult.Kind.NOTEBOOK, null, 1, notebookSuite.cases(),
                        List.of(new Artifact("notebook", "gone.out.ipynb", null)), List.of(), Map.of()))));

        String html = render(all);

        Set<String> ids = Pattern.compile(" id=\"([^\"]+)\"").matcher(html).results().map(m -> m.group(1))
                .collect(Collectors.toSet());
        List<String> links = Pattern.compile("href=\"#([^\"]+)\"").matcher(html).results().map(m -> m.group(1))
                .toList();
        assertThat(links).hasSizeGreaterThan(20);
        assertThat(links).allSatisfy(link -> assertThat(ids).contains(link));
        assertThat(html).contains("href=\"#s3-cell-1\"").contains("href=\"#s4-cell-1\"");
    }

    @Test
    public void shouldWriteAtomically() throws Exception {
        Path out = temp.getRoot().toPath().resolve("sub/report.html");

        HtmlReport.withDefaults().write(ReportSamples.passingRun(temp.getRoot().toPath()), temp.getRoot().toPath(), out);

        assertThat(Files.readString(out)).startsWith("<!DOCTYPE html>").contains("nbci run");
        assertThat(Files.list(out.getParent())).hasSize(1);
    }
}
