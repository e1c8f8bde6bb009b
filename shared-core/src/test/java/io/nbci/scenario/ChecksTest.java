package io.nbci.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbci.results.CaseResult.Check;
import io.nbci.results.MetricSample;
import java.util.List;
import org.junit.Test;

public class ChecksTest {
    private static final List<MetricSample> SENT = List.of(
            new MetricSample("stats.offer.imagescore.verifier.missing", 1, 1),
            new MetricSample("stats.offer.imagescore.verifier.existing", 0, 1),
            new MetricSample("stats.offer.imagescore.verifier.missing_percent", 100.0, 1),
            new MetricSample("stats.offer.imagescore.verifier.run-time;env=ci;team=offer", 2.5, 1));

    private static Expectation.Metric metric(String name, Double value, Double min, Double max, Integer count) {
        return new Expectation.Metric("s.yaml:1", name, value, min, max, count, 1e-9);
    }

    @Test
    public void shouldMatchGraphiteGlobs() {
        assertThat(MetricGlob.of("stats.offer.*.verifier.missing").matches("stats.offer.imagescore.verifier.missing"))
                .isTrue();
        assertThat(MetricGlob.of("stats.*.missing").matches("stats.offer.imagescore.verifier.missing")).isFalse();
        assertThat(MetricGlob.of("stats.**.missing").matches("stats.offer.imagescore.verifier.missing")).isTrue();
        assertThat(MetricGlob.of("a.{x,y}.b").matches("a.y.b")).isTrue();
        assertThat(MetricGlob.of("a.b").matches("a.bc")).isFalse();
        assertThat(MetricGlob.of("**.run-time;team=offer").matches(SENT.get(3).name())).isTrue();
        assertThat(MetricGlob.of("**.run-time;team=data").matches(SENT.get(3).name())).isFalse();
    }

    @Test
    public void shouldCheckValueRangeAndCountOfMetrics() {
        assertThat(Checks.metric(metric("**.missing", 1.0, null, null, null), SENT).passed()).isTrue();
        Check wrong = Checks.metric(metric("**.existing", 1.0, null, null, null), SENT);
        assertThat(wrong.passed()).isFalse();
        assertThat(wrong.expected()).isEqualTo("1");
        assertThat(wrong.actual()).isEqualTo("0");
        assertThat(Checks.metric(metric("**.missing_percent", null, 99.0, 100.0, null), SENT).passed()).isTrue();
        assertThat(Checks.metric(metric("stats.offer.imagescore.verifier.*", null, null, null, 4), SENT).passed())
                .isTrue();
        assertThat(Checks.metric(metric("stats.offer.imagescore.verifier.*", null, null, null, 3), SENT).passed())
                .isFalse();
    }

    @Test
    public void shouldListWhatWasReceivedWhenNoMetricMatches() {
        Check check = Checks.metric(metric("stats.offer.items", 5.0, null, null, null), SENT);

        assertThat(check.passed()).isFalse();
        assertThat(check.message()).contains("no metric matches stats.offer.items")
                .contains("stats.offer.imagescore.verifier.missing");
    }

    @Test
    public void shouldCheckLogLinesBySubstringOrRegex() {
        String output = "loading\nWARN Corrupted record {'id': 7} in scores\ndone\n";

        assertThat(Checks.log(new Expectation.LogLine("o", "Corrupted record", true), output).passed()).isTrue();
        assertThat(Checks.log(new Expectation.LogLine("o", "/Corrupted record .*7/", true), output).passed()).isTrue();
        Check absent = Checks.log(new Expectation.LogLine("o", "Corrupted", false), output);
        assertThat(absent.passed()).isFalse();
        assertThat(absent.actual()).contains("WARN Corrupted record");
        assertThat(Checks.log(new Expectation.LogLine("o", "Traceback", false), output).passed()).isTrue();
        Check absentRegex = Checks.log(new Expectation.LogLine("o", "/record \\{.*\\}/", false), output);
        assertThat(absentRegex.passed()).isFalse();
        assertThat(absentRegex.actual()).isEqualTo("present: WARN Corrupted record {'id': 7} in scores");
    }

    @Test
    public void shouldCompareExitCodes() {
        assertThat(Checks.exitCode(new Expectation.ExitCodeIs("o", 0), 0).passed()).isTrue();
        assertThat(Checks.exitCode(new Expectation.ExitCodeIs("o", 0), 1).message()).contains("exited with 1");
    }
}
