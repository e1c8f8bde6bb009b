package io.nbci.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbci.common.ExitCode;
import io.nbci.results.CaseResult;
import io.nbci.results.RunResults;
import io.nbci.results.SuiteResult;
import java.time.Instant;
import java.util.List;
import org.junit.Test;

public class OutcomeTest {

    @Test
    public void shouldMapEveryExitCode() {
        assertThat(Outcome.of("run", 0, OutcomePolicy.FAIL)).isEqualTo(
                new Outcome(Outcome.Result.SUCCESS, 0, "nbci run: success"));
        assertThat(Outcome.of("run", 1, OutcomePolicy.FAIL).result()).isEqualTo(Outcome.Result.FAILURE);
        assertThat(Outcome.of("run", 1, OutcomePolicy.UNSTABLE).result()).isEqualTo(Outcome.Result.UNSTABLE);
        assertThat(Outcome.of("run", 2, OutcomePolicy.UNSTABLE).result()).isEqualTo(Outcome.Result.FAILURE);
        assertThat(Outcome.of("run", 2, OutcomePolicy.FAIL).message()).contains("bad usage or bad input");
        assertThat(Outcome.of("test", 3, OutcomePolicy.UNSTABLE).result()).isEqualTo(Outcome.Result.INFRASTRUCTURE);
        assertThat(Outcome.of("test", 4, OutcomePolicy.UNSTABLE).result()).isEqualTo(Outcome.Result.TIMEOUT);
        assertThat(Outcome.of("test", 4, OutcomePolicy.UNSTABLE).message()).startsWith("nbci test: timeout");
    }

    @Test
    public void shouldTreatForeignExitCodesAsInfrastructure() {
        Outcome killed = Outcome.of("run", 137, OutcomePolicy.UNSTABLE);
        assertThat(killed.result()).isEqualTo(Outcome.Result.INFRASTRUCTURE);
        assertThat(killed.message()).isEqualTo("nbci run: ended with exit code 137, which nbci never uses "
                + "(killed by signal 9? the agent may have run out of memory)");
        assertThat(killed.meaning()).isEqualTo("not an nbci exit code");
        assertThat(Outcome.of("run", -1, OutcomePolicy.FAIL).result()).isEqualTo(Outcome.Result.INFRASTRUCTURE);
        assertThat(Outcome.of("run", 4, OutcomePolicy.FAIL).meaning()).isEqualTo(ExitCode.TIMEOUT.meaning());
    }

    @Test
    public void shouldAddSummaryAndDetail() {
        RunResults results = RunResults.of("run", Instant.EPOCH, 10, ExitCode.FAILED, List.of(new SuiteResult(
                "score.ipynb", SuiteResult.Kind.NOTEBOOK, "score.ipynb", 10, List.of(CaseResult.passed("cell 1",
                "score", 5), CaseResult.passed("cell 2", "score", 5)), null, null, null)));
        Outcome outcome = Outcome.of("run", 1, OutcomePolicy.FAIL).withSummary(results)
                .withDetail("cell 3 raised KeyError\n");

        assertThat(outcome.message()).endsWith("(2 passed, 0 failed, 0 errors, 0 skipped): cell 3 raised KeyError");
        assertThat(Outcome.of("run", 0, OutcomePolicy.FAIL).withSummary(null).withDetail(" ").message())
                .isEqualTo("nbci run: success");
    }

    @Test
    public void shouldReadTheErrorFromTheCommandLinesErrorLinesOnly() {
        assertThat(Outcome.errorDetail("nbci: 401 from GitHub: check the token\n"))
                .isEqualTo("401 from GitHub: check the token");
        assertThat(Outcome.errorDetail("  nbci: indented")).isEqualTo("indented");
        assertThat(Outcome.errorDetail("[nbci] java -jar nbci.jar run a.ipynb")).isNull();
        assertThat(Outcome.errorDetail("cell 3: nbci: not at the start")).isNull();
    }

    @Test
    public void shouldDescribeLaunchFailureAndAbort() {
        assertThat(Outcome.launchFailed("deploy", "java not found on the agent")).isEqualTo(new Outcome(
                Outcome.Result.INFRASTRUCTURE, -1, "nbci deploy could not be started: java not found on the agent"));
        assertThat(Outcome.aborted("test").result()).isEqualTo(Outcome.Result.ABORTED);
        assertThat(Outcome.Result.UNSTABLE.isUsable()).isTrue();
        assertThat(Outcome.Result.TIMEOUT.isUsable()).isFalse();
    }
}
