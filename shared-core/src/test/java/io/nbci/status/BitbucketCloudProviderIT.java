package io.nbci.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbci.status.LoopbackApi.Shape;
import java.util.List;
import org.junit.Test;

/** Bitbucket Cloud against the documented commit statuses API, with an app password (Basic). */
public class BitbucketCloudProviderIT extends AbstractStatusProviderIT {

    @Override
    protected StatusProvider provider() {
        return new BitbucketCloudProvider();
    }

    @Override
    protected String repository() {
        return "acme/etl";
    }

    @Override
    protected String token() {
        return TestTokens.BITBUCKET_CLOUD;
    }

    @Override
    protected Shape shape(String prefix) {
        return DocumentedShapes.bitbucketCloud(token(), prefix);
    }

    @Override
    protected String expectedPath(String prefix) {
        return prefix + "/2.0/repositories/acme/etl/commit/" + SHA + "/statuses/build";
    }

    @Override
    protected String enterprisePrefix() {
        return "/bitbucket-api";
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
        return "{\"type\":\"error\",\"error\":{\"message\":\"Repository acme/etl not found\"}}";
    }

    @Override
    protected List<String[]> remotes() {
        return List.of(
                new String[] {"https://jdoe@bitbucket.org/acme/etl.git", "acme/etl", "https://api.bitbucket.org"},
                new String[] {"git@bitbucket.org:acme/etl.git", "acme/etl", "https://api.bitbucket.org"},
                new String[] {"https://x-token-auth:secret@bitbucket.org/acme/etl.git", "acme/etl",
                    "https://api.bitbucket.org"},
                new String[] {"ssh://git@bitbucket.org/acme/etl.git", "acme/etl", "https://api.bitbucket.org"});
    }

    @Test
    public void shouldSetRefnameSoTheStatusShowsOnThePullRequest() {
        LoopbackApi api = server("");
        publisher(api.baseUrl()).publish(status(StatusState.SUCCESS));
        assertThat(api.last().json().path("refname").asText()).isEqualTo("feature/etl");
        assertThat(api.last().header("Authorization")).startsWith("Basic ");
        assertThat(api.violations()).isEmpty();
    }
}
