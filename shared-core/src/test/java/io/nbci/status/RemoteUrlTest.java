package io.nbci.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.Test;

public class RemoteUrlTest {

    @Test
    public void shouldParseHttpsSshAndScpLikeForms() {
        assertThat(RemoteUrl.parse("https://github.com/acme/etl.git")).contains(
                new RemoteUrl("https", "github.com", -1, List.of("acme", "etl")));
        assertThat(RemoteUrl.parse("git@github.com:acme/etl.git")).contains(
                new RemoteUrl("ssh", "github.com", -1, List.of("acme", "etl")));
        assertThat(RemoteUrl.parse("ssh://git@bitbucket.example.com:7999/data/etl.git")).contains(
                new RemoteUrl("ssh", "bitbucket.example.com", 7999, List.of("data", "etl")));
        assertThat(RemoteUrl.parse("https://GitLab.Example.com:8443/a/b/c")).contains(
                new RemoteUrl("https", "gitlab.example.com", 8443, List.of("a", "b", "c")));
    }

    @Test
    public void shouldDropCredentialsFromWhatItPrints() {
        RemoteUrl remote = RemoteUrl.parse("https://x-access-token:ghs_abc123@github.com/acme/etl.git").orElseThrow();
        assertThat(remote.toString()).isEqualTo("github.com/acme/etl").doesNotContain("ghs_abc123");
    }

    @Test
    public void shouldRejectLocalPaths() {
        assertThat(RemoteUrl.parse("/srv/git/etl.git")).isEmpty();
        assertThat(RemoteUrl.parse("file:///srv/git/etl.git")).isEmpty();
        assertThat(RemoteUrl.parse("../etl")).isEmpty();
        assertThat(RemoteUrl.parse("")).isEmpty();
    }

    @Test
    public void shouldUseHttpsOnTheSshHostForTheWebRoot() {
        assertThat(RemoteUrl.parse("ssh://git@host:7999/a/b").orElseThrow().webRoot().toString()).isEqualTo("https://host");
        assertThat(RemoteUrl.parse("http://host:7990/scm/a/b").orElseThrow().webRoot().toString())
                .isEqualTo("http://host:7990");
    }
}
