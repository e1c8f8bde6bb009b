package io.nbci.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbci.common.ExitCode;
import io.nbci.common.NbciException;
import io.nbci.results.CaseResult;
import io.nbci.results.MetricSample;
import io.nbci.results.RunResults;
import io.nbci.results.SuiteResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class BuildMetricsTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private static Map<String, Double> byName(List<MetricSample> metrics) {
        return metrics.stream().collect(Collectors.toMap(MetricSample::name, MetricSample::value));
    }

    @Test
    public void shouldDeriveCountsDurationsAndPerNotebookTimes() {
        RunResults results = ReportSamples.failingCell(temp.getRoot().toPath())
                .merge(ReportSamples.passingRun(temp.getRoot().toPath()));

        Map<String, Double> metrics = byName(BuildMetrics.derive(results, "ci.team"));

        assertThat(metrics).containsEntry("ci.team.run.duration_ms", 1200.0)
                .containsEntry("ci.team.run.exit_code", 1.0)
                .containsEntry("ci.team.run.success", 0.0)
                .containsEntry("ci.team.run.cases.total", 6.0)
                .containsEntry("ci.team.run.cases.passed", 4.0)
                .containsEntry("ci.team.run.cases.failed", 1.0)
                .containsEntry("ci.team.run.cases.skipped", 1.0)
                .containsEntry("ci.team.run.suites.failed", 1.0)
                .containsEntry("ci.team.run.notebook.jobs_failing.duration_ms", 700.0)
                .containsEntry("ci.team.run.notebook.jobs_failing.cells_failed", 1.0)
                .containsEntry("ci.team.run.notebook.jobs_passing.duration_ms", 900.0)
                .containsEntry("ci.team.run.notebook.jobs_passing.cells", 3.0);
    }

    @Test
    public void shouldDerivePerScenarioTimes() {
        RunResults results = ReportSamples.failingAssertion(temp.getRoot().toPath());

        Map<String, Double> metrics = byName(BuildMetrics.derive(results, "nbci"));

        assertThat(metrics).containsEntry("nbci.test.scenario.should_report_missing_score.duration_ms", 4200.0)
                .containsEntry("nbci.test.scenario.should_report_missing_score.passed", 0.0)
                .containsEntry("nbci.test.scenario.should_pass_when_all_scores_present.passed", 1.0);
    }

    @Test
    public void shouldDeriveDeploySizesFromSuiteProperties() {
        SuiteResult prod = new SuiteResult("deploy prod", SuiteResult.Kind.DEPLOY, "deploy.yaml", 3000,
                List.of(CaseResult.passed("upload", "deploy.prod", 2500)), List.of(), List.of(),
                Map.of("files", "12", "uploaded", "3", "bytesUploaded", "40960", "bytesReused", "1000", "dryRun", "false"));
        SuiteResult backup = new SuiteResult("deploy backup", SuiteResult.Kind.DEPLOY, "deploy.yaml", 1000,
                List.of(), List.of(), List.of(), Map.of("files", "12", "uploaded", "12", "bytesUploaded", "41960"));
        RunResults results = RunResults.of("deploy", Instant.parse("2026-11-23T21:00:00Z"), 4000, ExitCode.OK,
                List.of(prod, backup));

        Map<String, Double> metrics = byName(BuildMetrics.derive(results, "rel"));

        assertThat(metrics).containsEntry("rel.deploy.deploy.deploy_prod.bytes_uploaded", 40960.0)
                .containsEntry("rel.deploy.deploy.deploy_prod.files_uploaded", 3.0)
                .containsEntry("rel.deploy.deploy.deploy_prod.duration_ms", 3000.0)
                .containsEntry("rel.deploy.deploy.bytes_uploaded", 82920.0)
                .containsEntry("rel.deploy.deploy.files", 24.0)
                .containsEntry("rel.deploy.deploy.bytes_reused", 1000.0)
                .containsEntry("rel.deploy.success", 1.0);
    }

    @Test
    public void shouldStampEveryMetricWithTheEndOfTheRun() {
        RunResults results = ReportSamples.passingRun(temp.getRoot().toPath());

        List<MetricSample> metrics = BuildMetrics.derive(results, "nbci");

        long end = ReportSamples.STARTED.getEpochSecond() + 1;
        assertThat(metrics).isNotEmpty().allSatisfy(m -> assertThat(m.timestamp()).isEqualTo(end));
    }

    @Test
    public void shouldWriteThePlaintextProtocol() {
        String text = BuildMetrics.plaintext(List.of(new MetricSample("a.b", 3, 1700000000L),
                new MetricSample("a.c", 0.25, 1700000000L), new MetricSample("a.d", 1e20, 1L)));

        assertThat(text).isEqualTo("a.b 3 1700000000\na.c 0.25 1700000000\na.d 100000000000000000000 1\n");
    }

    @Test
    public void shouldMakeSafeUniquePathSegments() {
        assertThat(BuildMetrics.segment("jobs/score daily.ipynb")).isEqualTo("jobs_score_daily");
        assertThat(BuildMetrics.segment("should report missing score (100%)")).isEqualTo("should_report_missing_score_100");
        assertThat(BuildMetrics.segment("..")).isEqualTo("unnamed");
        SuiteResult a = new SuiteResult("a/x.ipynb", SuiteResult.Kind.NOTEBOOK, null, 1, null, null, null, null);
        SuiteResult b = new SuiteResult("a x.ipynb", SuiteResult.Kind.NOTEBOOK, null, 2, null, null, null, null);
        Map<String, Double> metrics = byName(BuildMetrics.derive(
                RunResults.of("run", null, 3, ExitCode.OK, List.of(a, b)), "p", 0));
        assertThat(metrics).containsEntry("p.run.notebook.a_x.duration_ms", 1.0)
                .containsEntry("p.run.notebook.a_x_2.duration_ms", 2.0);
    }

    @Test
    public void shouldRejectABadPrefixAsBadInput() {
        assertThatThrownBy(() -> BuildMetrics.derive(ReportSamples.passingRun(temp.getRoot().toPath()), "my team"))
                .isInstanceOf(NbciException.class).hasMessageContaining("metrics prefix 'my team'")
                .satisfies(e -> assertThat(((NbciException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT));
    }

    @Test
    public void shouldParseGraphiteTargets() {
        assertThat(GraphiteTarget.parse("graphite.example.com:2003")).isEqualTo(new GraphiteTarget("graphite.example.com", 2003));
        assertThat(GraphiteTarget.parse("[::1]:2003")).isEqualTo(new GraphiteTarget("::1", 2003));
        assertThat(GraphiteTarget.parse("[::1]:2003").toString()).isEqualTo("[::1]:2003");
        for (String bad : List.of("graphite", ":2003", "host:", "host:0", "host:70000", "::1:2003", "host:20x3")) {
            assertThatThrownBy(() -> GraphiteTarget.parse(bad)).as(bad).isInstanceOf(NbciException.class)
                    .hasMessageContaining("expected HOST:PORT");
        }
    }
}
