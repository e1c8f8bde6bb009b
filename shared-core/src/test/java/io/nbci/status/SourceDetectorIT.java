package io.nbci.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbci.common.LogSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Detection of repository, commit and branch from a real git clone and from CI variables. */
public class SourceDetectorIT {
    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path clone;
    private String head;

    @Before
    public void cloneWithOneCommit() throws Exception {
        clone = temp.newFolder("etl").toPath();
        git("init", "-q", "-b", "feature/etl");
        git("config", "user.email", "ci@example.com");
        git("config", "user.name", "CI");
        Files.writeString(clone.resolve("etl.py"), "print('etl')\n");
        git("add", "etl.py");
        git("commit", "-q", "-m", "etl");
        git("remote", "add", "origin", "git@github.example.com:acme/etl.git");
        head = git("rev-parse", "HEAD");
    }

    private String git(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(clone.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }

    private SourceDetector detector(Map<String, String> env) {
        return new SourceDetector(env, clone, LogSink.silent());
    }

    @Test
    public void shouldReadRepositoryShaAndBranchFromGit() {
        BuildSource source = detector(Map.of()).detect(new GitHubProvider(), null, null, null, null);
        assertThat(source.repository()).isEqualTo("acme/etl");
        assertThat(source.repositoryOrigin()).isEqualTo("git remote origin");
        assertThat(source.sha()).isEqualTo(head).hasSize(40);
        assertThat(source.shaOrigin()).isEqualTo("git HEAD");
        assertThat(source.ref()).isEqualTo("feature/etl");
        assertThat(new GitHubProvider().baseUrlFromRemote(source.remote()).orElseThrow().toString())
                .isEqualTo("https://github.example.com/api/v3");
    }

    @Test
    public void shouldPreferJenkinsVariablesOverGit() {
        String sha = "a".repeat(40);
        BuildSource source = detector(Map.of("GIT_COMMIT", sha, "GIT_URL", "https://github.com/acme/other.git",
                "GIT_BRANCH", "origin/main", "BUILD_URL", "https://jenkins/job/1/", "BUILD_NUMBER", "1"))
                .detect(new GitHubProvider(), null, null, null, null);
        assertThat(source.sha()).isEqualTo(sha);
        assertThat(source.shaOrigin()).isEqualTo("GIT_COMMIT");
        assertThat(source.repository()).isEqualTo("acme/other");
        assertThat(source.repositoryOrigin()).isEqualTo("GIT_URL");
        assertThat(source.ref()).isEqualTo("main");
        assertThat(source.buildUrl()).isEqualTo("https://jenkins/job/1/");
        assertThat(source.buildNumber()).isEqualTo("1");
    }

    @Test
    public void shouldUseThePullRequestSourceBranchInJenkinsMultibranch() {
        BuildSource source = detector(Map.of("CHANGE_ID", "17", "CHANGE_BRANCH", "feature/pr", "BRANCH_NAME", "PR-17"))
                .detect(new GitLabProvider(), null, null, null, null);
        assertThat(source.ref()).isEqualTo("feature/pr");
    }

    @Test
    public void shouldTakeTheRepositoryFromThePullRequestPageWhenJenkinsHasNoGitUrl() {
        assertThat(detector(Map.of("CHANGE_URL", "https://github.example.com/acme/etl/pull/17"))
                .detect(new GitHubProvider(), null, null, null, null).repository()).isEqualTo("acme/etl");
        assertThat(detector(Map.of("CHANGE_URL",
                "https://bitbucket.example.com/projects/DATA/repos/etl/pull-requests/17/overview"))
                .detect(new BitbucketServerProvider(), null, null, null, null).repository()).isEqualTo("DATA/etl");
        assertThat(detector(Map.of("CHANGE_URL", "https://bitbucket.org/acme/etl/pull-requests/17"))
                .detect(new BitbucketCloudProvider(), null, null, null, null).repository()).isEqualTo("acme/etl");
        BuildSource gitlab = detector(Map.of("CHANGE_URL", "https://gitlab.example.com/data/platform/etl/-/merge_requests/17"))
                .detect(new GitLabProvider(), null, null, null, null);
        assertThat(gitlab.repository()).isEqualTo("data/platform/etl");
        assertThat(gitlab.repositoryOrigin()).isEqualTo("CHANGE_URL");
    }

    @Test
    public void shouldUseBambooVariables() {
        String sha = "b".repeat(40);
        BuildSource source = detector(Map.of("bamboo_planRepository_revision", sha,
                "bamboo_planRepository_repositoryUrl", "https://bitbucket.example.com/scm/DATA/etl.git",
                "bamboo_planRepository_branchName", "release", "bamboo_resultsUrl", "https://bamboo/browse/D-E-3",
                "bamboo_buildNumber", "3"))
                .detect(new BitbucketServerProvider(), null, null, null, null);
        assertThat(source.sha()).isEqualTo(sha);
        assertThat(source.shaOrigin()).isEqualTo("bamboo_planRepository_revision");
        assertThat(source.repository()).isEqualTo("DATA/etl");
        assertThat(source.ref()).isEqualTo("release");
        assertThat(source.buildUrl()).isEqualTo("https://bamboo/browse/D-E-3");
        assertThat(source.buildNumber()).isEqualTo("3");
    }

    @Test
    public void shouldLetExplicitValuesWin() {
        String sha = "c".repeat(40);
        BuildSource source = detector(Map.of("GIT_COMMIT", "a".repeat(40), "BUILD_URL", "https://jenkins/1/"))
                .detect(new GitHubProvider(), "acme/explicit", sha, "main", "https://ci/2/");
        assertThat(source.repository()).isEqualTo("acme/explicit");
        assertThat(source.repositoryOrigin()).isEqualTo("--repo");
        assertThat(source.sha()).isEqualTo(sha);
        assertThat(source.shaOrigin()).isEqualTo("--sha");
        assertThat(source.ref()).isEqualTo("main");
        assertThat(source.buildUrl()).isEqualTo("https://ci/2/");
    }

    @Test
    public void shouldFindNothingOutsideAClone() throws Exception {
        // outside the build folder: the ITs' java.io.tmpdir is target/, inside this repository's own clone
        Path empty = java.nio.file.Files.createTempDirectory(Path.of("/tmp"), "nbci-not-a-clone");
        BuildSource source = new SourceDetector(Map.of(), empty,
                LogSink.silent()).detect(new GitHubProvider(), null, null, null, null);
        try {
            assertThat(source.sha()).isNull();
            assertThat(source.repository()).isNull();
        } finally {
            java.nio.file.Files.delete(empty);
        }
    }
}
