package io.nbci.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbci.status.LoopbackApi.Shape;
import java.util.List;
import org.junit.Test;

/** GitLab against the documented commit status API. */
public class GitLabProviderIT extends AbstractStatusProviderIT {

    @Override
    protected StatusProvider provider() {
        return new GitLabProvider();
    }

    @Override
    protected String repository() {
        return "data/platform/etl";
    }

    @Override
    protected String token() {
        return TestTokens.GITLAB;
    }

    @Override
    protected Shape shape(String prefix) {
        return DocumentedShapes.gitlab(token(), prefix);
    }

    @Override
    protected String expectedPath(String prefix) {
        return prefix + "/api/v4/projects/data%2Fplatform%2Fetl/statuses/" + SHA;
    }

    @Override
    protected String enterprisePrefix() {
        return "/gitlab";
    }

    @Override
    protected List<String> expectedStates() {
        return List.of("running", "success", "failed", "failed");
    }

    @Override
    protected String contextField() {
        return "name";
    }

    @Override
    protected String urlField() {
        return "target_url";
    }

    @Override
    protected String notFoundBody() {
        return "{\"message\":\"404 Project Not Found\"}";
    }

    @Override
    protected List<String[]> remotes() {
        return List.of(
                new String[] {"https://gitlab.com/data/platform/etl.git", "data/platform/etl", "https://gitlab.com"},
                new String[] {"git@gitlab.example.com:data/etl.git", "data/etl", "https://gitlab.example.com"},
                new String[] {"ssh://git@gitlab.example.com:2222/data/etl.git", "data/etl", "https://gitlab.example.com"},
                new String[] {"https://oauth2:secret@gitlab.example.com:8443/data/etl.git", "data/etl",
                    "https://gitlab.example.com:8443"});
    }

    @Test
    public void shouldTreatPostingTheSameRunningStateAgainAsPosted() {
        LoopbackApi api = server("");
        StatusPublisher publisher = publisher(api.baseUrl());
        publisher.publish(status(StatusState.PENDING));
        publisher.publish(status(StatusState.PENDING));
        assertThat(api.requests()).hasSize(2);
        assertThat(logLines).anyMatch(line -> line.contains("already has"));
    }

    @Test
    public void shouldAcceptANumericProjectId() {
        LoopbackApi api = server("");
        publisher(api.baseUrl()).publish(status(StatusState.SUCCESS).withDescription("ok"));
        publisher(api.baseUrl()).publish(new CommitStatus("4711", SHA, StatusState.SUCCESS, "nbci", null, null, null,
                null, null, null));
        assertThat(api.last().rawPath()).isEqualTo("/api/v4/projects/4711/statuses/" + SHA);
        assertThat(api.violations()).isEmpty();
    }
}
