package io.nbci.junit4;

import static io.nbci.scenario.ScenarioBuilder.command;
import static io.nbci.scenario.ScenarioBuilder.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbci.common.ExitCode;
import io.nbci.results.Artifact;
import io.nbci.results.CaseResult;
import io.nbci.results.CaseResult.Check;
import io.nbci.results.Failure;
import io.nbci.results.Status;
import io.nbci.results.SuiteResult;
import io.nbci.scenario.Scenario;
import io.nbci.scenario.ScenarioRunner.ScenarioOutcome;
import java.util.List;
import org.junit.ComparisonFailure;
import org.junit.Test;

public class NbciClusterTest {

    private final Scenario scenario = scenario("reports a missing score").whenRunning(command("/bin/true"))
            .then().build();

    private static ScenarioOutcome outcome(Status status, Failure failure, Check... checks) {
        CaseResult result = new CaseResult("reports a missing score", "scenarios", status, 10, failure, "", null,
                List.of(checks));
        SuiteResult suite = new SuiteResult("reports a missing score", SuiteResult.Kind.SCENARIO, null, 10,
                List.of(result), List.of(new Artifact("notebook", "/out/s/verifier.ipynb", "executed notebook"),
                        new Artifact("log", "/out/s/job.log", "the job's output")), List.of(), null);
        return new ScenarioOutcome(status == Status.PASSED ? ExitCode.OK : ExitCode.FAILED, List.of(suite));
    }

    @Test
    public void shouldThrowAComparisonFailureForOneFailedCheck() {
        AssertionError error = NbciCluster.failureOf(scenario, outcome(Status.FAILED, null,
                new Check("exit-code", "exit code", true, "0", "0", null),
                new Check("metric", "stats.missing", false, "2", "1", "the last sample differs")));

        assertThat(error).isInstanceOf(ComparisonFailure.class);
        ComparisonFailure failure = (ComparisonFailure) error;
        assertThat(failure.getExpected()).isEqualTo("2");
        assertThat(failure.getActual()).isEqualTo("1");
        assertThat(failure.getMessage())
                .startsWith("scenario \"reports a missing score\" failed: 1 of 2 checks failed\n"
                        + "[metric] stats.missing\n  expected: 2\n  actual:   1\n  the last sample differs\n"
                        + "executed notebook: /out/s/verifier.ipynb\njob log: /out/s/job.log")
                .endsWith("expected:<[2]> but was:<[1]>");
    }

    @Test
    public void shouldListEveryFailedCheckInOneAssertionError() {
        AssertionError error = NbciCluster.failureOf(scenario, outcome(Status.FAILED, null,
                new Check("metric", "stats.missing", false, "2", "1", null),
                new Check("hdfs", "/data/out", false, "1 line", "absent", "no such path")));

        assertThat(error).isNotInstanceOf(ComparisonFailure.class);
        assertThat(error.getMessage()).contains("2 of 2 checks failed",
                "[metric] stats.missing\n  expected: 2\n  actual:   1\n",
                "[hdfs] /data/out\n  expected: 1 line\n  actual:   absent\n  no such path\n",
                "job log: /out/s/job.log");
    }

    @Test
    public void shouldReportAnErrorWithoutChecksByItsFailure() {
        AssertionError error = NbciCluster.failureOf(scenario, outcome(Status.ERROR,
                new Failure("timeout", "the job did not finish in 120 s", "last lines", null, null, null)));

        assertThat(error.getMessage()).startsWith("scenario \"reports a missing score\" error: the job did not"
                + " finish in 120 s\nlast lines\nexecuted notebook: ");
    }

    @Test
    public void shouldResetTheClusterBeforeTheTestBody() {
        boolean[] ran = {false};
        org.junit.runners.model.Statement body = new org.junit.runners.model.Statement() {
            @Override
            public void evaluate() {
                ran[0] = true;
            }
        };

        assertThatThrownBy(() -> new NbciCluster().resetBeforeEachTest()
                .apply(body, org.junit.runner.Description.EMPTY).evaluate())
                .hasMessageContaining("local cluster not started");
        assertThat(ran[0]).isFalse();
    }

    @Test
    public void shouldRefuseToRunBeforeTheRuleStartedTheCluster() {
        assertThatThrownBy(() -> new NbciCluster().run(scenario))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@ClassRule");
    }
}
