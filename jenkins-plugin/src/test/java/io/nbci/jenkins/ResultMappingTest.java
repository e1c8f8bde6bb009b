package io.nbci.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.model.Job;
import hudson.model.Result;
import hudson.model.Run;
import io.nbci.launch.Outcome;
import io.nbci.launch.OutcomePolicy;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.junit.Test;

/** Exit code -> core outcome -> Jenkins result, and the block's Jenkins result -> commit state input. */
public class ResultMappingTest {

    static final class FakeJob extends Job<FakeJob, FakeRun> {
    }

    static final class FakeRun extends Run<FakeJob, FakeRun> {
        Result result;

        @Override
        public Result getResult() {
            return result;
        }

        @Override
        public void setResult(Result r) {
            result = r;
        }
    }

    @Test
    public void shouldMapEveryOutcomeToAJenkinsResult() {
        assertThat(BuildResults.toJenkins(Outcome.Result.SUCCESS)).isSameAs(Result.SUCCESS);
        assertThat(BuildResults.toJenkins(Outcome.Result.UNSTABLE)).isSameAs(Result.UNSTABLE);
        assertThat(BuildResults.toJenkins(Outcome.Result.FAILURE)).isSameAs(Result.FAILURE);
        assertThat(BuildResults.toJenkins(Outcome.Result.INFRASTRUCTURE)).isSameAs(Result.FAILURE);
        assertThat(BuildResults.toJenkins(Outcome.Result.TIMEOUT)).isSameAs(Result.FAILURE);
        assertThat(BuildResults.toJenkins(Outcome.Result.ABORTED)).isSameAs(Result.ABORTED);
    }

    @Test
    public void shouldMapJenkinsResultsBack() {
        assertThat(BuildResults.fromJenkins(null)).isEqualTo(Outcome.Result.SUCCESS);
        assertThat(BuildResults.fromJenkins(Result.SUCCESS)).isEqualTo(Outcome.Result.SUCCESS);
        assertThat(BuildResults.fromJenkins(Result.UNSTABLE)).isEqualTo(Outcome.Result.UNSTABLE);
        assertThat(BuildResults.fromJenkins(Result.FAILURE)).isEqualTo(Outcome.Result.FAILURE);
        assertThat(BuildResults.fromJenkins(Result.ABORTED)).isEqualTo(Outcome.Result.ABORTED);
        assertThat(BuildResults.fromJenkins(Result.NOT_BUILT)).isEqualTo(Outcome.Result.ABORTED);
    }

    @Test
    public void shouldTellAnAbortedBlockFromAFailedOne() {
        assertThat(GateStep.resultOf(new FlowInterruptedException(Result.ABORTED, true)))
                .isEqualTo(Outcome.Result.ABORTED);
        assertThat(GateStep.resultOf(new AbortException("script returned exit code 1")))
                .isEqualTo(Outcome.Result.FAILURE);
    }

    @Test
    public void shouldMarkUnstableInPlaceAndStopOnWorse() throws Exception {
        FakeRun run = new FakeRun();
        NbciProcess.apply(Outcome.of("run", 0, OutcomePolicy.UNSTABLE), run, null);
        assertThat(run.result).isNull();

        NbciProcess.apply(Outcome.of("run", 1, OutcomePolicy.UNSTABLE), run, null);
        assertThat(run.result).isSameAs(Result.UNSTABLE);

        assertThatThrownBy(() -> NbciProcess.apply(Outcome.of("run", 1, OutcomePolicy.FAIL), new FakeRun(), null))
                .isInstanceOf(AbortException.class).hasMessageStartingWith("nbci run: the work ran and failed");
        assertThatThrownBy(() -> NbciProcess.apply(Outcome.of("test", 3, OutcomePolicy.UNSTABLE), new FakeRun(),
                null)).isInstanceOf(AbortException.class).hasMessageStartingWith("nbci test: infrastructure error");
        assertThatThrownBy(() -> NbciProcess.apply(Outcome.of("test", 4, OutcomePolicy.UNSTABLE), new FakeRun(),
                null)).isInstanceOf(AbortException.class).hasMessageStartingWith("nbci test: timeout");
    }
}
