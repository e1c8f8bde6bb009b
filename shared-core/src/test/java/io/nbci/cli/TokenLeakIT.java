package io.nbci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbci.common.LogSink;
import io.nbci.common.Secret;
import io.nbci.status.BitbucketCloudProvider;
import io.nbci.status.BitbucketServerProvider;
import io.nbci.status.CommitStatus;
import io.nbci.status.DocumentedShapes;
import io.nbci.status.FakeClock;
import io.nbci.status.GitHubProvider;
import io.nbci.status.GitLabProvider;
import io.nbci.status.JdkHttpTransport;
import io.nbci.status.LoopbackApi;
import io.nbci.status.LoopbackApi.Reply;
import io.nbci.status.LoopbackApi.Shape;
import io.nbci.status.RetryPolicy;
import io.nbci.status.StatusProvider;
import io.nbci.status.StatusPublisher;
import io.nbci.status.StatusState;
import io.nbci.status.TestTokens;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Collects every log line, exception message and stack trace, command-line output and report
 * that posting statuses produces, for every provider and every failure path (including
 * servers that echo the credentials back in their error bodies), and greps all of it, plus
 * the Surefire and Failsafe reports of the tests that ran before, for the tokens. None may appear.
 */
public class TokenLeakIT {
    private static final String SHA = "9fceb02d0ae598e95dc970b74767f19372d61af8";
    private static final String ECHO = "{\"message\":\"denied for " + LoopbackApi.ECHO_CREDENTIALS + "\"}";

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final List<String> evidence = Collections.synchronizedList(new ArrayList<>());
    private final List<LoopbackApi> servers = new ArrayList<>();

    @After
    public void stop() {
        servers.forEach(LoopbackApi::close);
    }

    private LoopbackApi server(Shape shape) {
        LoopbackApi api = LoopbackApi.start(shape);
        servers.add(api);
        return api;
    }

    private LogSink recordingLog() {
        return new LogSink() {
            @Override
            public void info(String message) {
                evidence.add("log: " + message);
            }

            @Override
            public void warn(String message) {
                evidence.add("log: " + message);
            }

            @Override
            public void error(String message) {
                evidence.add("log: " + message);
            }

            @Override
            public void debug(String message) {
                evidence.add("log: " + message);
            }
        };
    }

    private void publishCollecting(StatusProvider provider, String token, URI baseUrl, RetryPolicy policy,
            StatusState state) {
        StatusPublisher publisher = StatusPublisher.builder().provider(provider).baseUrl(baseUrl)
                .token(Secret.of(token, "environment variable LEAK_TEST_TOKEN"))
                .transport(JdkHttpTransport.withDefaults()).retryPolicy(policy).clock(new FakeClock())
                .log(recordingLog()).build();
        evidence.add("publisher: " + publisher + " " + Secret.of(token, "x"));
        CommitStatus status = CommitStatus.builder().repository(provider instanceof GitLabProvider ? "data/etl"
                : provider instanceof BitbucketServerProvider ? "DATA/etl" : "acme/etl").sha(SHA).state(state)
                .context("nbci").targetUrl("https://ci.example.com/1").description("d").build();
        evidence.add("status: " + status);
        try {
            publisher.publish(status);
        } catch (RuntimeException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            evidence.add("exception: " + e.getMessage());
            evidence.add("trace: " + trace);
        }
    }

    @Test
    public void shouldNeverPrintATokenInLogsExceptionsOutputOrReports() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RetryPolicy threeAttempts = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofMinutes(1));
        record Case(StatusProvider provider, String token, Function<String, Shape> shape) {
        }
        List<Case> cases = List.of(
                new Case(new GitHubProvider(), TestTokens.GITHUB, prefix -> DocumentedShapes.github(TestTokens.GITHUB, prefix)),
                new Case(new BitbucketServerProvider(), TestTokens.BITBUCKET_SERVER,
                        prefix -> DocumentedShapes.bitbucketServer(TestTokens.BITBUCKET_SERVER, prefix, false)),
                new Case(new BitbucketCloudProvider(), TestTokens.BITBUCKET_CLOUD,
                        prefix -> DocumentedShapes.bitbucketCloud(TestTokens.BITBUCKET_CLOUD, prefix)),
                new Case(new GitLabProvider(), TestTokens.GITLAB, prefix -> DocumentedShapes.gitlab(TestTokens.GITLAB, prefix)));
        List<LoopbackApi> echoing = new ArrayList<>();
        for (Case c : cases) {
            LoopbackApi api = server(c.shape().apply(""));
            api.script(Reply.of(401, ECHO), Reply.of(403, ECHO), Reply.of(404, ECHO), Reply.of(422, ECHO),
                    Reply.of(400, ECHO), Reply.of(500, ECHO), Reply.of(503, ECHO), Reply.of(500, ECHO),
                    Reply.of(429, ECHO).withHeader("Retry-After", "1"));
            echoing.add(api);
            for (int i = 0; i < 6; i++) {
                publishCollecting(c.provider(), c.token(), api.baseUrl(), threeAttempts, StatusState.FAILURE);
            }
            publishCollecting(c.provider(), c.token(), URI.create("http://127.0.0.1:" + closedPort), threeAttempts,
                    StatusState.ERROR);
        }
        LoopbackApi legacy = server(DocumentedShapes.bitbucketServer(TestTokens.BITBUCKET_SERVER, "", true));
        publishCollecting(new BitbucketServerProvider(), TestTokens.BITBUCKET_SERVER, legacy.baseUrl(), threeAttempts,
                StatusState.PENDING);

        // the command line, as a CI job runs it
        Path workspace = temp.newFolder("workspace").toPath();
        Files.writeString(temp.getRoot().toPath().resolve("passing.xml"), GateCommandIT.PASSING);
        Path tokenFile = temp.newFile("token").toPath();
        Files.writeString(tokenFile, TestTokens.GITLAB + "\n");
        LoopbackApi github = server(DocumentedShapes.github(TestTokens.GITHUB, ""));
        github.script(Reply.of(401, ECHO), Reply.of(500, ECHO));
        LoopbackApi gitlab = server(DocumentedShapes.gitlab(TestTokens.GITLAB, ""));
        LoopbackApi cloud = server(DocumentedShapes.bitbucketCloud(TestTokens.BITBUCKET_CLOUD, ""));
        cloud.script(Reply.of(201, "{}"), Reply.of(404, ECHO));
        Map<String, String> env = Map.of("GITHUB_TOKEN", TestTokens.GITHUB, "BITBUCKET_TOKEN", TestTokens.BITBUCKET_CLOUD,
                "GIT_COMMIT", SHA, "BUILD_URL", "https://jenkins.example.com/job/etl/1/");
        List<CliProcess.Result> runs = new ArrayList<>();
        runs.add(CliProcess.run(workspace, env, "status", "--verbose", "--provider", "github", "--state", "success",
                "--context", "nbci", "--repo", "acme/etl", "--base-url", github.baseUrl().toString()));
        runs.add(CliProcess.run(workspace, env, "status", "--verbose", "--provider", "github", "--state", "success",
                "--context", "nbci", "--repo", "acme/etl", "--retry-for", "0", "--base-url", github.baseUrl().toString()));
        runs.add(CliProcess.run(workspace, env, "status", "--verbose", "--provider", "github", "--state", "success",
                "--context", "nbci", "--repo", "acme/etl", "--base-url", github.baseUrl().toString()));
        runs.add(CliProcess.run(workspace, env, "status", "--provider", "github", "--state", "success", "--context",
                "nbci", "--repo", "acme/etl", "--token", TestTokens.GITHUB));
        runs.add(CliProcess.run(workspace, Map.of("GIT_COMMIT", SHA), "gate", "--verbose", "--provider", "gitlab",
                "--context", "nbci", "--repo", "data/etl", "--token-file", tokenFile.toString(), "--base-url",
                gitlab.baseUrl().toString(), "--", "sh", "-c", "mkdir -p target/surefire-reports && cp "
                        + "../passing.xml target/surefire-reports/TEST-etl.xml"));
        runs.add(CliProcess.run(workspace, env, "gate", "--verbose", "--provider", "bitbucket-cloud", "--context",
                "nbci", "--repo", "acme/etl", "--base-url", cloud.baseUrl().toString(), "--", "sh", "-c", "exit 1"));
        for (CliProcess.Result run : runs) {
            evidence.add("exit " + run.exitCode() + "\nstdout: " + run.stdout() + "\nstderr: " + run.stderr());
        }

        // the reports: everything the runs wrote, and what the tests before this one left in target/
        try (Stream<Path> files = Files.walk(temp.getRoot().toPath())) {
            files.filter(Files::isRegularFile).filter(f -> !f.equals(tokenFile)).forEach(this::collectFile);
        }
        Path target = Path.of(System.getProperty("nbci.repo.root", "."), "shared-core", "target");
        for (String reports : List.of("surefire-reports", "failsafe-reports")) {
            Path dir = target.resolve(reports);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(Files::isRegularFile)
                            .filter(f -> !f.getFileName().toString().contains(TokenLeakIT.class.getSimpleName()))
                            .forEach(this::collectFile);
                }
            }
        }
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("token-leak-evidence.txt"), String.join("\n", evidence));
        }

        // the evidence is real: tokens went over the wire, servers echoed them back, nbci masked them
        assertThat(evidence.size()).isGreaterThan(100);
        assertThat(github.requests()).anyMatch(r -> r.header("Authorization").contains(TestTokens.GITHUB));
        assertThat(gitlab.requests()).anyMatch(r -> TestTokens.GITLAB.equals(r.header("PRIVATE-TOKEN")));
        assertThat(echoing).allMatch(api -> api.requests().size() >= 7);
        assertThat(evidence).anyMatch(line -> line.contains("denied for Bearer " + Secret.MASK));
        assertThat(evidence).anyMatch(line -> line.contains("denied for Basic " + Secret.MASK));
        assertThat(evidence).anyMatch(line -> line.contains("denied for null " + Secret.MASK));
        assertThat(runs.get(0).exitCode()).isEqualTo(3);
        assertThat(runs.get(3).exitCode()).isEqualTo(2);
        assertThat(runs.get(4).exitCode()).isZero();
        assertThat(runs.get(5).exitCode()).isEqualTo(3);
        assertThat(leaks(List.of("control line with " + TestTokens.GITLAB))).isNotEmpty();

        assertThat(leaks(evidence)).as("lines that contain a token").isEmpty();
    }

    private void collectFile(Path file) {
        try {
            evidence.add("file " + file + ": " + Files.readString(file, StandardCharsets.UTF_8));
        } catch (MalformedInputException binary) {
            evidence.add("file " + file + " (binary)");
        } catch (IOException e) {
            evidence.add("file " + file + " unreadable: " + e.getMessage());
        }
    }

    private static List<String> leaks(List<String> lines) {
        List<String> found = new ArrayList<>();
        synchronized (lines) {
            for (String line : lines) {
                for (String token : TestTokens.all()) {
                    int at = line.indexOf(token);
                    if (at >= 0) {
                        // say where, without writing the token into this test's own report
                        String around = line.substring(Math.max(0, at - 200), Math.min(line.length(), at + 200));
                        found.add(around.replace(token, "<LEAKED TOKEN " + token.substring(0, 4) + "...>"));
                    }
                }
            }
        }
        return found;
    }
}
