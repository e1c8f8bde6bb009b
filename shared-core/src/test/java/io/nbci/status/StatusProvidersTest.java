package io.nbci.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nbci.common.ExitCode;
import org.junit.Test;

public class StatusProvidersTest {

    @Test
    public void shouldBeSeededWithTheFourBuiltInProviders() {
        assertThat(new StatusProviders().names())
                .containsExactly("github", "bitbucket-server", "bitbucket-cloud", "gitlab");
    }

    @Test
    public void shouldAddProvidersFoundThroughServiceLoader() {
        StatusProviders providers = StatusProviders.withServiceLoader(getClass().getClassLoader());
        assertThat(providers.get("example-team")).isInstanceOf(ExampleTeamProvider.class);
        assertThat(providers.get("GitHub")).isInstanceOf(GitHubProvider.class);
        assertThat(new StatusProviders().names()).doesNotContain("example-team");
    }

    @Test
    public void shouldNameTheKnownProvidersWhenTheNameIsUnknown() {
        StatusException e = catchThrowableOfType(StatusException.class, () -> new StatusProviders().get("gitea"));
        assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(e.getMessage()).contains("'gitea'").contains("github, bitbucket-server, bitbucket-cloud, gitlab");
    }

    @Test
    public void shouldBeImmutable() {
        StatusProviders base = new StatusProviders();
        StatusProviders more = base.plus(new ExampleTeamProvider());
        assertThat(more.names()).contains("example-team");
        assertThat(base.names()).doesNotContain("example-team");
    }
}
