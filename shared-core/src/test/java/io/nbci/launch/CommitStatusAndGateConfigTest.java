package io.nbci.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbci.common.Secret;
import java.util.List;
import org.junit.Test;

public class CommitStatusAndGateConfigTest {
    private static final Secret TOKEN = Secret.of("ghp_s3cr3tTokenValue", "credential gh-token");

    private static GateConfig gate() {
        return GateConfig.builder().provider("github").context("nbci/notebooks").url("https://ci.example.com/job/1/")
                .repository("acme/imagescore").sha("0123abcd").apiUrl("https://ghe.example.com/api/v3").token(TOKEN)
                .build();
    }

    @Test
    public void shouldPassTheTokenOnlyThroughTheEnvironment() {
        NbciInvocation invocation = CommitStatusConfig.builder().provider("gitlab").state("success")
                .context("nbci/scenarios").description("12 passed").token(TOKEN).build().toInvocation();

        assertThat(invocation.arguments()).containsExactly("status", "--state", "success", "--provider", "gitlab",
                "--context", "nbci/scenarios", "--token-env", "NBCI_STATUS_TOKEN", "--description", "12 passed");
        assertThat(invocation.arguments()).noneMatch(a -> a.contains(TOKEN.reveal()));
        assertThat(invocation.environment()).isEmpty();
        assertThat(invocation.environmentForProcess()).containsEntry("NBCI_STATUS_TOKEN", TOKEN.reveal());
        assertThat(invocation.secrets()).containsExactly(TOKEN);
        assertThat(invocation.toString()).doesNotContain(TOKEN.reveal()).contains("NBCI_STATUS_TOKEN");
        assertThat(invocation.display()).doesNotContain(TOKEN.reveal());
        assertThat(invocation.outcome(3).result()).isEqualTo(Outcome.Result.INFRASTRUCTURE);
    }

    @Test
    public void shouldRefuseATokenInTheArguments() {
        assertThatThrownBy(() -> CommitStatusConfig.builder().provider("github").state("success").context("c")
                .description("leak ghp_s3cr3tTokenValue").token(TOKEN).build())
                .hasMessage("description: the description contains the token");
        assertThatThrownBy(() -> new NbciInvocation("x", List.of("x", TOKEN.reveal()), java.util.Map.of(),
                java.util.Map.of("T", TOKEN), List.of(), List.of(), OutcomePolicy.FAIL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(TOKEN.reveal());
    }

    @Test
    public void shouldNameTheBadStatusField() {
        CommitStatusConfig.Builder ok = CommitStatusConfig.builder().provider("github").state("success")
                .context("nbci").token(TOKEN);
        assertThatThrownBy(() -> ok.provider("gitea").build()).hasMessageStartingWith("provider: expected one of github");
        assertThatThrownBy(() -> ok.provider("github").state("done").build())
                .hasMessage("state: expected one of pending, success, failure, error, found \"done\"");
        assertThatThrownBy(() -> ok.state("success").context(" ").build()).hasMessageStartingWith("context: required");
        assertThatThrownBy(() -> ok.context("nbci").url("ftp://x").build()).hasMessageStartingWith("url: expected a URI");
        assertThatThrownBy(() -> ok.url(null).sha("xyz").build()).hasMessageStartingWith("sha: expected 7 to 40");
        assertThatThrownBy(() -> ok.sha(null).repository("justname").build())
                .hasMessageStartingWith("repository: expected OWNER/NAME");
        assertThatThrownBy(() -> ok.repository(null).token(null).build())
                .hasMessage("token: required: choose the credential holding the github token");
    }

    @Test
    public void shouldPostPendingThenTheFinalStateOfEveryResult() {
        GateConfig gate = gate();
        assertThat(gate.pending().toInvocation().arguments()).containsExactly("status", "--state", "pending",
                "--provider", "github", "--context", "nbci/notebooks", "--url", "https://ci.example.com/job/1/",
                "--sha", "0123abcd", "--repo", "acme/imagescore", "--base-url", "https://ghe.example.com/api/v3",
                "--token-env", "NBCI_STATUS_TOKEN", "--description", "build started");

        assertThat(gate.finish(Outcome.Result.SUCCESS, "3 passed, 0 failed, 0 errors, 0 skipped"))
                .extracting(CommitStatusConfig::state, CommitStatusConfig::description)
                .containsExactly("success", "passed: 3 passed, 0 failed, 0 errors, 0 skipped");
        assertThat(gate.finish(Outcome.Result.UNSTABLE, null)).extracting(CommitStatusConfig::state,
                CommitStatusConfig::description).containsExactly("failure", "unstable: tests failed");
        assertThat(gate.finish(Outcome.Result.FAILURE, "").state()).isEqualTo("failure");
        assertThat(gate.finish(Outcome.Result.TIMEOUT, null).state()).isEqualTo("failure");
        assertThat(gate.finish(Outcome.Result.INFRASTRUCTURE, null).state()).isEqualTo("error");
        assertThat(gate.finish(Outcome.Result.ABORTED, null)).extracting(CommitStatusConfig::state,
                CommitStatusConfig::description).containsExactly("error", "aborted");
    }

    @Test
    public void shouldGiveHostsWithTheirOwnDescriptionTheSameStates() {
        assertThat(GateConfig.state(Outcome.Result.SUCCESS)).isEqualTo("success");
        assertThat(GateConfig.state(Outcome.Result.FAILURE)).isEqualTo("failure");
        for (Outcome.Result result : Outcome.Result.values()) {
            assertThat(GateConfig.state(result)).as(result.name()).isEqualTo(gate().finish(result, null).state());
        }
    }

    @Test
    public void shouldWrapACommandInNbciGate() {
        NbciInvocation invocation = GateConfig.builder().provider("bitbucket-server").context("nbci")
                .apiUrl("https://bitbucket.example.com").token(TOKEN).build()
                .wrap(List.of("./nbci", "run-all", "notebooks"));

        assertThat(invocation.arguments()).containsExactly("gate", "--provider", "bitbucket-server", "--context",
                "nbci", "--base-url", "https://bitbucket.example.com", "--token-env", "NBCI_STATUS_TOKEN",
                "--results-glob", "nbci-output/*-results.json", "--",
                "./nbci", "run-all", "notebooks");
        assertThat(invocation.secretEnvironment()).containsEntry("NBCI_STATUS_TOKEN", TOKEN);
        assertThatThrownBy(() -> gate().wrap(List.of())).hasMessageStartingWith("command: required");
    }

    @Test
    public void shouldValidateTheGateLikeItsFirstStatus() {
        assertThatThrownBy(() -> GateConfig.builder().provider("github").context("nbci").build())
                .hasMessageStartingWith("token: required");
    }
}
