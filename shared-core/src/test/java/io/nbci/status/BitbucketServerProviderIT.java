package io.nbci.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbci.status.LoopbackApi.Shape;
import java.util.List;
import org.junit.Test;

/** Bitbucket Data Center: the 7.4+ builds API, and the legacy build-status API for older servers. */
public class BitbucketServerProviderIT extends AbstractStatusProviderIT {
    private final BitbucketServerProvider provider = new BitbucketServerProvider();

    @Override
    protected StatusProvider provider() {
        return provider;
    }

    @Override
    protected String repository() {
        return "DATA/etl";
    }

    @Override
    protected String token() {
        return TestTokens.BITBUCKET_SERVER;
    }

    @Override
    protected Shape shape(String prefix) {
        return DocumentedShapes.bitbucketServer(token(), prefix, false);
    }

    @Override
    protected String expectedPath(String prefix) {
        return prefix + "/rest/api/latest/projects/DATA/repos/etl/commits/" + SHA + "/builds";
    }

    @Override
    protected String enterprisePrefix() {
        return "/bitbucket";
    }

    @Override
    protected List<String> expectedStates() {
        return List.of("INPROGRESS", "SUCCESSFUL", "FAILED", "FAILED");
    }

    @Override
    protected String contextField() {
        return "key";
    }

    @Override
    protected String urlField() {
        return "url";
    }

    @Override
    protected String notFoundBody() {
        return "{\"errors\":[{\"context\":null,\"message\":\"Repository DATA/etl does not exist.\","
                + "\"exceptionName\":\"com.atlassian.bitbucket.repository.NoSuchRepositoryException\"}]}";
    }

    @Override
    protected List<String[]> remotes() {
        return List.of(
                new String[] {"https://bitbucket.example.com/scm/data/etl.git", "data/etl", "https://bitbucket.example.com"},
                new String[] {"https://jdoe:secret@bitbucket.example.com:8443/bitbucket/scm/DATA/etl.git", "DATA/etl",
                    "https://bitbucket.example.com:8443/bitbucket"},
                new String[] {"ssh://git@bitbucket.example.com:7999/data/etl.git", "data/etl",
                    "https://bitbucket.example.com"},
                new String[] {"https://bitbucket.example.com/projects/DATA/repos/etl/browse", "DATA/etl",
                    "https://bitbucket.example.com"},
                new String[] {"ssh://git@bitbucket.example.com:7999/~jdoe/etl.git", "~jdoe/etl",
                    "https://bitbucket.example.com"});
    }

    @Test
    public void shouldFallBackToTheLegacyBuildStatusApiOnServersOlderThan74AndRememberIt() {
        LoopbackApi api = LoopbackApi.start(DocumentedShapes.bitbucketServer(token(), "", true));
        try {
            StatusPublisher publisher = publisher(api.baseUrl());
            publisher.publish(status(StatusState.PENDING));
            publisher.publish(status(StatusState.SUCCESS));
            List<LoopbackApi.Recorded> requests = api.requests();
            assertThat(requests).extracting(LoopbackApi.Recorded::rawPath).containsExactly(
                    "/rest/api/latest/projects/DATA/repos/etl/commits/" + SHA + "/builds",
                    "/rest/build-status/1.0/commits/" + SHA,
                    "/rest/build-status/1.0/commits/" + SHA);
            JsonNode legacy = requests.get(2).json();
            assertThat(legacy.path("state").asText()).isEqualTo("SUCCESSFUL");
            assertThat(legacy.path("key").asText()).isEqualTo("nbci/notebooks");
            assertThat(legacy.path("url").asText()).isEqualTo(BUILD_URL);
            assertThat(api.violations()).isEmpty();
            assertThat(logLines).anyMatch(line -> line.contains("legacy"));
        } finally {
            api.close();
        }
    }

    @Test
    public void shouldSendTestResultsDurationRefAndBuildNumber() {
        LoopbackApi api = server("");
        publisher(api.baseUrl()).publish(new CommitStatus("DATA/etl", SHA, StatusState.FAILURE, "nbci/notebooks",
                BUILD_URL, "failed", "feature/etl", "42", 61_000L, new TestCounts(10, 2, 1)));
        JsonNode body = api.last().json();
        assertThat(body.path("ref").asText()).isEqualTo("refs/heads/feature/etl");
        assertThat(body.path("buildNumber").asText()).isEqualTo("42");
        assertThat(body.path("duration").asLong()).isEqualTo(61_000L);
        assertThat(body.path("testResults").path("successful").asLong()).isEqualTo(10);
        assertThat(body.path("testResults").path("failed").asLong()).isEqualTo(2);
        assertThat(body.path("testResults").path("skipped").asLong()).isEqualTo(1);
        assertThat(api.violations()).isEmpty();
    }

    @Test
    public void shouldRequireTheBuildUrlBecauseBitbucketDoes() {
        LoopbackApi api = server("");
        Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> publisher(api.baseUrl()).publish(
                CommitStatus.builder().repository("DATA/etl").sha(SHA).state(StatusState.PENDING).context("c").build()));
        assertThat(e).isInstanceOf(StatusException.class).hasMessageContaining("--url");
        assertThat(api.requests()).isEmpty();
    }
}
