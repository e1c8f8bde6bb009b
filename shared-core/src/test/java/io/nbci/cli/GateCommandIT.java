package io.nbci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbci.status.DocumentedShapes;
import io.nbci.status.LoopbackApi;
import io.nbci.status.LoopbackApi.Reply;
import io.nbci.status.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@code nbci gate} as a real process wrapping real commands, against loopback status APIs. */
public class GateCommandIT {
    static final String SHA = StatusCommandIT.SHA;
    static final String PASSING = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuite name=\"etl\" tests=\"4\" failures=\"0\" errors=\"0\" skipped=\"1\">\n"
            + "  <testcase name=\"loads\" classname=\"EtlTest\"/>\n"
            + "  <testcase name=\"joins\" classname=\"EtlTest\"/>\n"
            + "  <testcase name=\"writes\" classname=\"EtlTest\"/>\n"
            + "  <testcase name=\"slow\" classname=\"EtlTest\"><skipped/></testcase>\n"
            + "</testsuite>\n";
    static final String FAILING = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuite name=\"etl\" tests=\"2\" failures=\"1\">\n"
            + "  <testcase name=\"loads\" classname=\"EtlTest\"/>\n"
            + "  <testcase name=\"joins\" classname=\"EtlTest\"><failure message=\"3 != 2\"/></testcase>\n"
            + "</testsuite>\n";

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private LoopbackApi api;
    private Path workspace;

    @Before
    public void workspace() throws Exception {
        workspace = temp.newFolder("workspace").toPath();
        Files.writeString(workspace.resolve("passing.xml.txt"), PASSING);
        Files.writeString(workspace.resolve("failing.xml.txt"), FAILING);
        // a report left over from an earlier build: must not be counted
        Path stale = workspace.resolve("old/surefire-reports/TEST-stale.xml");
        Files.createDirectories(stale.getParent());
        Files.writeString(stale, FAILING);
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(3600)));
    }

    @After
    public void stop() {
        if (api != null) {
            api.close();
        }
    }

    private static String copyReportAndExit(String fixture, int exit) {
        return "mkdir -p target/surefire-reports && cp " + fixture + " target/surefire-reports/TEST-etl.xml"
                + " && echo wrapped command ran && exit " + exit;
    }

    @Test
    public void shouldPostPendingThenSuccessWithTheTestSummaryAndExit0() {
        api = LoopbackApi.start(DocumentedShapes.bitbucketServer(TestTokens.BITBUCKET_SERVER, "", false));
        CliProcess.Result result = CliProcess.run(workspace, Map.of(
                "BITBUCKET_TOKEN", TestTokens.BITBUCKET_SERVER, "GIT_COMMIT", SHA,
                "GIT_URL", "https://bitbucket.example.com/scm/DATA/etl.git",
                "BUILD_URL", "https://jenkins.example.com/job/etl/7/"),
                "gate", "--provider", "bitbucket-server", "--context", "nbci/notebooks",
                "--base-url", api.baseUrl().toString(), "--", "sh", "-c", copyReportAndExit("passing.xml.txt", 0));
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.stdout()).contains("wrapped command ran");
        List<LoopbackApi.Recorded> requests = api.requests();
        assertThat(requests).hasSize(2);
        JsonNode pending = requests.get(0).json();
        assertThat(pending.path("state").asText()).isEqualTo("INPROGRESS");
        assertThat(pending.path("description").asText()).isEqualTo("running sh");
        JsonNode done = requests.get(1).json();
        assertThat(done.path("state").asText()).isEqualTo("SUCCESSFUL");
        assertThat(done.path("description").asText()).startsWith("passed in ")
                .endsWith(": 3 passed, 0 failed, 0 errors, 1 skipped");
        assertThat(done.path("testResults").path("successful").asInt()).isEqualTo(3);
        assertThat(done.path("testResults").path("skipped").asInt()).isEqualTo(1);
        assertThat(done.path("testResults").path("failed").asInt()).isZero();
        assertThat(done.has("duration")).isTrue();
        assertThat(api.violations()).isEmpty();
    }

    @Test
    public void shouldPostFailureAndExitWithTheCommandsOwnCode() {
        api = LoopbackApi.start(DocumentedShapes.github(TestTokens.GITHUB, ""));
        CliProcess.Result result = CliProcess.run(workspace, Map.of("GITHUB_TOKEN", TestTokens.GITHUB),
                "gate", "--provider", "github", "--context", "nbci/notebooks", "--sha", SHA, "--repo", "acme/etl",
                "--base-url", api.baseUrl().toString(), "--", "sh", "-c", copyReportAndExit("failing.xml.txt", 7));
        assertThat(result.exitCode()).as(result.all()).isEqualTo(7);
        List<LoopbackApi.Recorded> requests = api.requests();
        assertThat(requests).extracting(r -> r.json().path("state").asText()).containsExactly("pending", "failure");
        assertThat(requests.get(1).json().path("description").asText()).startsWith("failed (exit 7) in ")
                .contains("1 passed, 1 failed, 0 errors, 0 skipped; first failure: EtlTest.joins");
        assertThat(api.violations()).isEmpty();
    }

    @Test
    public void shouldExitWith3WhenTheOutcomeCannotBePosted() {
        api = LoopbackApi.start(DocumentedShapes.github(TestTokens.GITHUB, ""));
        api.script(Reply.of(201, "{}"), Reply.of(401, "{\"message\":\"Bad credentials\"}"));
        CliProcess.Result result = CliProcess.run(workspace, Map.of("GITHUB_TOKEN", TestTokens.GITHUB),
                "gate", "--provider", "github", "--context", "nbci", "--sha", SHA, "--repo", "acme/etl",
                "--base-url", api.baseUrl().toString(), "--", "sh", "-c", "exit 0");
        assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
        assertThat(result.stderr()).contains("NOT posted").contains("HTTP 401");
    }

    @Test
    public void shouldNotRunTheCommandWhenPendingCannotBePosted() {
        api = LoopbackApi.start(DocumentedShapes.github(TestTokens.GITHUB, ""));
        api.script(Reply.of(404, "{\"message\":\"Not Found\"}"));
        CliProcess.Result result = CliProcess.run(workspace, Map.of("GITHUB_TOKEN", TestTokens.GITHUB),
                "gate", "--provider", "github", "--context", "nbci", "--sha", SHA, "--repo", "acme/etl",
                "--base-url", api.baseUrl().toString(), "--", "touch", "ran");
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(workspace.resolve("ran")).doesNotExist();
        assertThat(api.requests()).hasSize(1);
    }

    @Test
    public void shouldReportErrorWhenTheBuildIsAbortedWhileTheCommandRuns() throws Exception {
        api = LoopbackApi.start(DocumentedShapes.github(TestTokens.GITHUB, ""));
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "gate", "--provider", "github",
                "--context", "nbci", "--sha", SHA, "--repo", "acme/etl", "--base-url", api.baseUrl().toString(),
                "--", "sleep", "60"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workspace.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().put("GITHUB_TOKEN", TestTokens.GITHUB);
        Process gate = builder.start();
        try {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            // wait until the wrapped command runs
            while (gate.descendants().noneMatch(GateCommandIT::isSleep) && gate.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(api.requests()).as("pending posted").hasSize(1);
            List<ProcessHandle> children = gate.descendants().filter(GateCommandIT::isSleep).toList();
            assertThat(children).isNotEmpty();
            gate.destroy(); // SIGTERM, as a CI server aborting the build
            assertThat(gate.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            for (ProcessHandle child : children) {
                child.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(child.isAlive()).as("the wrapped command is stopped with the gate").isFalse();
            }
        } finally {
            gate.descendants().forEach(ProcessHandle::destroyForcibly);
            gate.destroyForcibly();
        }
        assertThat(api.requests()).extracting(r -> r.json().path("state").asText()).containsExactly("pending", "error");
        assertThat(api.last().json().path("description").asText()).isEqualTo("aborted while running");
    }

    private static boolean isSleep(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("/sleep")).orElse(false);
    }

    @Test
    public void shouldPostErrorAndExit2WhenTheCommandCannotStart() {
        api = LoopbackApi.start(DocumentedShapes.gitlab(TestTokens.GITLAB, ""));
        CliProcess.Result result = CliProcess.run(workspace, Map.of("GITLAB_TOKEN", TestTokens.GITLAB),
                "gate", "--provider", "gitlab", "--context", "nbci", "--sha", SHA, "--repo", "data/etl",
                "--base-url", api.baseUrl().toString(), "--", "./no-such-command");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(api.requests()).extracting(r -> r.json().path("state").asText()).containsExactly("running", "failed");
        assertThat(api.last().json().path("description").asText()).contains("could not start ./no-such-command");
    }
}
