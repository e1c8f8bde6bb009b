package io.nbci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbci.status.DocumentedShapes;
import io.nbci.status.LoopbackApi;
import io.nbci.status.LoopbackApi.Reply;
import io.nbci.status.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@code nbci status} as a real process against a loopback server speaking each vendor's documented shape. */
public class StatusCommandIT {
    static final String SHA = "9fceb02d0ae598e95dc970b74767f19372d61af8";
    static final String OTHER_SHA = "0123456789abcdef0123456789abcdef01234567";

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private LoopbackApi api;

    @After
    public void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    public void shouldPostToGitHubEnterpriseUsingJenkinsVariables() {
        api = LoopbackApi.start(DocumentedShapes.github(TestTokens.GITHUB, "/api/v3"));
        CliProcess.Result result = CliProcess.run(temp.getRoot().toPath(), Map.of(
                "GITHUB_TOKEN", TestTokens.GITHUB,
                "GIT_COMMIT", SHA,
                "GIT_URL", "https://github.example.com/acme/etl.git",
                "BUILD_URL", "https://jenkins.example.com/job/etl/7/",
                "BRANCH_NAME", "feature/etl"),
                "status", "--provider", "github", "--state", "success", "--context", "nbci/notebooks",
                "--description", "12 passed", "--base-url", api.baseUrl() + "/api/v3");
        assertThat(result.exitCode()).as(result.all()).isZero();
        LoopbackApi.Recorded request = api.last();
        assertThat(request.rawPath()).isEqualTo("/api/v3/repos/acme/etl/statuses/" + SHA);
        JsonNode body = request.json();
        assertThat(body.path("state").asText()).isEqualTo("success");
        assertThat(body.path("context").asText()).isEqualTo("nbci/notebooks");
        assertThat(body.path("target_url").asText()).isEqualTo("https://jenkins.example.com/job/etl/7/");
        assertThat(body.path("description").asText()).isEqualTo("12 passed");
        assertThat(result.stdout()).contains("acme/etl (from GIT_URL)").contains("(from GIT_COMMIT)");
        assertThat(api.violations()).isEmpty();
    }

    @Test
    public void shouldPostToBitbucketDataCenterUsingBambooVariables() {
        api = LoopbackApi.start(DocumentedShapes.bitbucketServer(TestTokens.BITBUCKET_SERVER, "", false));
        CliProcess.Result result = CliProcess.run(temp.getRoot().toPath(), Map.of(
                "BITBUCKET_TOKEN", TestTokens.BITBUCKET_SERVER,
                "bamboo_planRepository_revision", SHA,
                "bamboo_planRepository_repositoryUrl", "ssh://git@bitbucket.example.com:7999/data/etl.git",
                "bamboo_planRepository_branchName", "feature/etl",
                "bamboo_resultsUrl", "https://bamboo.example.com/browse/DATA-ETL-12",
                "bamboo_buildNumber", "12"),
                "status", "--provider", "bitbucket-server", "--state", "pending", "--context", "nbci",
                "--base-url", api.baseUrl().toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        LoopbackApi.Recorded request = api.last();
        assertThat(request.rawPath()).isEqualTo("/rest/api/latest/projects/data/repos/etl/commits/" + SHA + "/builds");
        JsonNode body = request.json();
        assertThat(body.path("state").asText()).isEqualTo("INPROGRESS");
        assertThat(body.path("url").asText()).isEqualTo("https://bamboo.example.com/browse/DATA-ETL-12");
        assertThat(body.path("buildNumber").asText()).isEqualTo("12");
        assertThat(body.path("ref").asText()).isEqualTo("refs/heads/feature/etl");
        assertThat(api.violations()).isEmpty();
    }

    @Test
    public void shouldLetExplicitFlagsWinOverCiVariablesAndReadTheTokenFromAFile() throws Exception {
        api = LoopbackApi.start(DocumentedShapes.gitlab(TestTokens.GITLAB, ""));
        Path tokenFile = temp.newFile("gitlab-token").toPath();
        Files.writeString(tokenFile, TestTokens.GITLAB + "\n");
        CliProcess.Result result = CliProcess.run(temp.getRoot().toPath(), Map.of(
                "GIT_COMMIT", OTHER_SHA,
                "GIT_URL", "https://gitlab.example.com/other/project.git"),
                "status", "--provider", "gitlab", "--state", "failure", "--context", "nbci",
                "--sha", SHA, "--repo", "data/platform/etl", "--token-file", tokenFile.toString(),
                "--base-url", api.baseUrl().toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(api.last().rawPath()).isEqualTo("/api/v4/projects/data%2Fplatform%2Fetl/statuses/" + SHA);
        assertThat(api.last().json().path("state").asText()).isEqualTo("failed");
        assertThat(result.stdout()).contains("(from --repo)").contains("(from --sha)").contains("token from file");
    }

    @Test
    public void shouldRefuseATokenOnTheCommandLineWithoutEchoingIt() {
        CliProcess.Result result = CliProcess.run(temp.getRoot().toPath(), Map.of(),
                "status", "--provider", "github", "--state", "success", "--context", "nbci", "--sha", SHA,
                "--repo", "acme/etl", "--token", TestTokens.GITHUB);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("--token-env").contains("--token-file");
        assertThat(result.all()).doesNotContain(TestTokens.GITHUB);
    }

    @Test
    public void shouldExitWith2NamingTheVariableWhenNoTokenIsSet() {
        CliProcess.Result result = CliProcess.run(temp.getRoot().toPath(), Map.of(),
                "status", "--provider", "bitbucket-cloud", "--state", "success", "--context", "nbci", "--sha", SHA,
                "--repo", "acme/etl", "--url", "https://ci.example.com/1");
        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
        assertThat(result.stderr()).contains("BITBUCKET_TOKEN").contains("--token-file");
    }

    @Test
    public void shouldExitWith3AndBlameTheTokenOn401() {
        api = LoopbackApi.start(DocumentedShapes.github(TestTokens.GITHUB, ""));
        api.script(Reply.of(401, "{\"message\":\"Bad credentials\"}"));
        CliProcess.Result result = CliProcess.run(temp.getRoot().toPath(), Map.of("CI_TOKEN", TestTokens.GITHUB),
                "status", "--provider", "github", "--state", "success", "--context", "nbci", "--sha", SHA,
                "--repo", "acme/etl", "--token-env", "CI_TOKEN", "--base-url", api.baseUrl().toString());
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr()).contains("NOT posted").contains("TOKEN").contains("CI_TOKEN")
                .contains("Bad credentials");
        assertThat(api.requests()).hasSize(1);
    }

    @Test
    public void shouldExitWith3AndBlameTheRepositoryOn404() {
        api = LoopbackApi.start(DocumentedShapes.github(TestTokens.GITHUB, ""));
        api.script(Reply.of(404, "{\"message\":\"Not Found\"}"));
        CliProcess.Result result = CliProcess.run(temp.getRoot().toPath(), Map.of("GITHUB_TOKEN", TestTokens.GITHUB),
                "status", "--provider", "github", "--state", "success", "--context", "nbci", "--sha", SHA,
                "--repo", "acme/typo", "--base-url", api.baseUrl().toString());
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr()).contains("REPOSITORY").contains("acme/typo").contains(SHA);
    }
}
