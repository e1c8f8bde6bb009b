package io.nbci.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.model.Result;
import io.nbci.launch.Outcome;
import io.nbci.launch.OutcomePolicy;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.junit.Test;

/** Exit code -> core outcome -> Jenkins result, and the block's Jenkins result -> commit state input. */
public class ResultMappingTest {

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
        List<Result> marked = new ArrayList<>();
        NbciProcess.apply(Outcome.of("run", 0, OutcomePolicy.UNSTABLE), marked::add);
        assertThat(marked).isEmpty();

        NbciProcess.apply(Outcome.of("run", 1, OutcomePolicy.UNSTABLE), marked::add);
        assertThat(marked).containsExactly(Result.UNSTABLE);

        assertThatThrownBy(() -> NbciProcess.apply(Outcome.of("run", 1, OutcomePolicy.FAIL), marked::add))
                .isInstanceOf(AbortException.class).hasMessageStartingWith("nbci run: the work ran and failed");
        assertThatThrownBy(() -> NbciProcess.apply(Outcome.of("test", 3, OutcomePolicy.UNSTABLE), marked::add))
                .isInstanceOf(AbortException.class).hasMessageStartingWith("nbci test: infrastructure error");
        assertThatThrownBy(() -> NbciProcess.apply(Outcome.of("test", 4, OutcomePolicy.UNSTABLE), marked::add))
                .isInstanceOf(AbortException.class).hasMessageStartingWith("nbci test: timeout");
        assertThat(marked).as("worse outcomes stop the step instead of marking").hasSize(1);
    }
}
