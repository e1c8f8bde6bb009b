package io.nbci.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbci.status.LoopbackApi.Reply;
import io.nbci.status.LoopbackApi.Shape;
import java.time.Duration;
import java.util.List;
import org.junit.Test;

/** GitHub and GitHub Enterprise Server against the documented commit statuses API. */
public class GitHubProviderIT extends AbstractStatusProviderIT {

    @Override
    protected StatusProvider provider() {
        return new GitHubProvider();
    }

    @Override
    protected String repository() {
        return "acme/etl";
    }

    @Override
    protected String token() {
        return TestTokens.GITHUB;
    }

    @Override
    protected Shape shape(String prefix) {
        return DocumentedShapes.github(token(), prefix);
    }

    @Override
    protected String expectedPath(String prefix) {
        return prefix + "/repos/acme/etl/statuses/" + SHA;
    }

    @Override
    protected String enterprisePrefix() {
        return "/api/v3";
    }

    @Override
    protected List<String> expectedStates() {
        return List.of("pending", "success", "failure", "error");
    }

    @Override
    protected String contextField() {
        return "context";
    }

    @Override
    protected String urlField() {
        return "target_url";
    }

    @Override
    protected List<String[]> remotes() {
        return List.of(
                new String[] {"https://github.com/acme/etl.git", "acme/etl", "https://api.github.com"},
                new String[] {"git@github.com:acme/etl.git", "acme/etl", "https://api.github.com"},
                new String[] {"ssh://git@github.com/acme/etl", "acme/etl", "https://api.github.com"},
                new String[] {"https://x-access-token:secret@github.example.com/acme/etl.git", "acme/etl",
                    "https://github.example.com/api/v3"},
                new String[] {"git@github.example.com:acme/etl.git", "acme/etl", "https://github.example.com/api/v3"});
    }

    @Test
    public void shouldWaitForTheRateLimitResetOn403() {
        long reset = clock.now().getEpochSecond() + 42;
        LoopbackApi api = server("").script(Reply.of(403, "{\"message\":\"API rate limit exceeded\"}")
                .withHeader("x-ratelimit-remaining", "0").withHeader("x-ratelimit-reset", Long.toString(reset)));
        publisher(api.baseUrl()).publish(status(StatusState.SUCCESS));
        assertThat(api.requests()).hasSize(2);
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(42));
    }

    @Test
    public void shouldLeaveOutAbsentOptionalFields() {
        LoopbackApi api = server("");
        publisher(api.baseUrl()).publish(CommitStatus.builder().repository("acme/etl").sha(SHA)
                .state(StatusState.PENDING).context("nbci/notebooks").build());
        assertThat(api.last().json().fieldNames()).toIterable().containsExactlyInAnyOrder("state", "context");
    }

    @Test
    public void shouldWarnWhenAnEnterpriseBaseUrlLacksTheApiPath() {
        LoopbackApi api = server("");
        publisher(api.baseUrl()).publish(status(StatusState.SUCCESS));
        assertThat(logLines).anyMatch(line -> line.startsWith("WARN") && line.contains("/api/v3"));
        logLines.clear();
        LoopbackApi enterprise = server("/api/v3");
        publisher(java.net.URI.create(enterprise.baseUrl() + "/api/v3")).publish(status(StatusState.SUCCESS));
        assertThat(logLines).noneMatch(line -> line.startsWith("WARN"));
    }
}
