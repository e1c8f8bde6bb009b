package io.nbci.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import io.nbci.common.Secret;
import io.nbci.status.LoopbackApi.Recorded;
import io.nbci.status.LoopbackApi.Reply;
import io.nbci.status.LoopbackApi.Shape;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.After;
import org.junit.Test;

/**
 * The contract every {@link StatusProvider} passes, against a real HTTP server on loopback
 * that checks each request against the vendor's documented shape ({@link DocumentedShapes}).
 * A provider's test extends this and says what its documented wire format looks like.
 * Retries run on a {@link FakeClock}, so no test sleeps for real.
 */
public abstract class AbstractStatusProviderIT {
    protected static final String SHA = "9fceb02d0ae598e95dc970b74767f19372d61af8";
    protected static final String BUILD_URL = "https://ci.example.com/job/etl/42/";

    protected final FakeClock clock = new FakeClock();
    protected final List<String> logLines = Collections.synchronizedList(new ArrayList<>());
    private final List<LoopbackApi> servers = new ArrayList<>();

    /** The provider under test. */
    protected abstract StatusProvider provider();

    /** A repository in the provider's format. */
    protected abstract String repository();

    /** The token the tests use (distinct per provider so a leak is traceable). */
    protected abstract String token();

    /** The vendor's documented shape, for an API root with the given path prefix. */
    protected abstract Shape shape(String prefix);

    /** The raw request path the documentation gives for {@link #repository()} and {@link #SHA}. */
    protected abstract String expectedPath(String prefix);

    /** The path prefix of a self-hosted server (GitHub Enterprise {@code /api/v3}, a context path, ...). */
    protected abstract String enterprisePrefix();

    /** The provider's documented state words for PENDING, SUCCESS, FAILURE, ERROR. */
    protected abstract List<String> expectedStates();

    /** Body field names of context, target URL and description. */
    protected abstract String contextField();

    protected abstract String urlField();

    /** The body a 404 comes with when the repository does not exist. */
    protected String notFoundBody() {
        return "{\"message\":\"Not Found\"}";
    }

    /** Clone URLs and the repository and API root nbci should derive from each. */
    protected abstract List<String[]> remotes();

    @After
    public void stopServers() {
        servers.forEach(LoopbackApi::close);
    }

    protected LoopbackApi server(String prefix) {
        LoopbackApi server = LoopbackApi.start(shape(prefix));
        servers.add(server);
        return server;
    }

    protected LogSink recordingLog() {
        return new LogSink() {
            @Override
            public void info(String message) {
                logLines.add("INFO " + message);
            }

            @Override
            public void warn(String message) {
                logLines.add("WARN " + message);
            }

            @Override
            public void error(String message) {
                logLines.add("ERROR " + message);
            }

            @Override
            public void debug(String message) {
                logLines.add("DEBUG " + message);
            }
        };
    }

    protected StatusPublisher publisher(URI baseUrl) {
        return publisher(baseUrl, RetryPolicy.defaults());
    }

    protected StatusPublisher publisher(URI baseUrl, RetryPolicy policy) {
        return StatusPublisher.builder()
                .provider(provider())
                .baseUrl(baseUrl)
                .token(Secret.of(token(), "environment variable TEST_TOKEN"))
                .transport(JdkHttpTransport.withDefaults())
                .retryPolicy(policy)
                .clock(clock)
                .log(recordingLog())
                .build();
    }

    protected CommitStatus status(StatusState state) {
        return CommitStatus.builder().repository(repository()).sha(SHA).state(state).context("nbci/notebooks")
                .targetUrl(BUILD_URL).description("12 passed, 0 failed").ref("feature/etl").build();
    }

    @Test
    public void shouldPostEveryStateInTheDocumentedShape() {
        LoopbackApi api = server("");
        StatusPublisher publisher = publisher(api.baseUrl());
        List<String> sent = new ArrayList<>();
        for (StatusState state : StatusState.values()) {
            publisher.publish(status(state));
            Recorded request = api.last();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.rawPath()).isEqualTo(expectedPath(""));
            assertThat(request.header("Content-Type")).startsWith("application/json");
            JsonNode body = request.json();
            sent.add(body.path("state").asText());
            assertThat(body.path(contextField()).asText()).isEqualTo("nbci/notebooks");
            assertThat(body.path(urlField()).asText()).isEqualTo(BUILD_URL);
            assertThat(body.path("description").asText()).isEqualTo("12 passed, 0 failed");
        }
        assertThat(sent).isEqualTo(expectedStates());
        assertThat(api.violations()).isEmpty();
        assertThat(api.requests()).hasSize(4);
    }

    @Test
    public void shouldPostUnderAnEnterpriseBaseUrl() {
        LoopbackApi api = server(enterprisePrefix());
        publisher(URI.create(api.baseUrl() + enterprisePrefix() + "/")).publish(status(StatusState.SUCCESS));
        assertThat(api.last().rawPath()).isEqualTo(expectedPath(enterprisePrefix()));
        assertThat(api.violations()).isEmpty();
    }

    @Test
    public void shouldTruncateTheDescriptionToTheProviderLimit() {
        LoopbackApi api = server("");
        String longText = "x".repeat(1000);
        publisher(api.baseUrl()).publish(status(StatusState.FAILURE).withDescription(longText));
        String sent = api.last().json().path("description").asText();
        assertThat(sent).hasSize(provider().descriptionLimit()).endsWith("\u2026");
        assertThat(api.violations()).isEmpty();
    }

    @Test
    public void shouldRetryOn5xxWithBackoffThenSucceed() {
        LoopbackApi api = server("").script(Reply.of(500, "{\"message\":\"boom\"}"),
                Reply.of(502, "<html>bad gateway</html>"));
        publisher(api.baseUrl()).publish(status(StatusState.SUCCESS));
        assertThat(api.requests()).hasSize(3);
        assertThat(api.requests().get(0).body()).isEqualTo(api.requests().get(2).body());
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(logLines).anyMatch(line -> line.startsWith("WARN") && line.contains("HTTP 500"));
    }

    @Test
    public void shouldHonourRetryAfterOn429() {
        LoopbackApi api = server("").script(
                Reply.of(429, "{\"message\":\"rate limited\"}").withHeader("Retry-After", "7"));
        publisher(api.baseUrl()).publish(status(StatusState.PENDING));
        assertThat(api.requests()).hasSize(2);
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    public void shouldStopWithinTheRetryBudgetAndExitWith3WhenTheServerKeepsFailing() {
        LoopbackApi api = server("");
        Reply[] failures = new Reply[20];
        java.util.Arrays.fill(failures, Reply.of(503, "{\"message\":\"down for maintenance\"}"));
        api.script(failures);
        RetryPolicy policy = new RetryPolicy(20, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60));
        StatusException e = catchThrowableOfType(StatusException.class, () -> publisher(api.baseUrl(), policy)
                .publish(status(StatusState.SUCCESS)));
        assertThat(e).isNotNull();
        assertThat(e.exitCode()).isEqualTo(ExitCode.INFRASTRUCTURE);
        assertThat(e.getMessage()).contains("NOT posted").contains("retry budget").contains("HTTP 503")
                .contains("down for maintenance");
        assertThat(clock.slept()).isLessThanOrEqualTo(Duration.ofSeconds(60));
        // 1 + 2 + 4 + 8 + 16 = 31 s slept, the next 30 s wait would pass the 60 s budget
        assertThat(api.requests()).hasSize(6);
        assertThat(logLines).anyMatch(line -> line.startsWith("ERROR") && line.contains("NOT posted"));
    }

    @Test
    public void shouldGiveUpAtOnceWhenRetryAfterReachesPastTheBudget() {
        LoopbackApi api = server("").script(
                Reply.of(429, "{\"message\":\"slow down\"}").withHeader("Retry-After", "3600"));
        StatusException e = catchThrowableOfType(StatusException.class, () -> publisher(api.baseUrl())
                .publish(status(StatusState.SUCCESS)));
        assertThat(e.exitCode()).isEqualTo(ExitCode.INFRASTRUCTURE);
        assertThat(e.getMessage()).contains("retry budget of 2 min 0 s").contains("next wait 60 min 0 s")
                .contains("HTTP 429");
        assertThat(api.requests()).hasSize(1);
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    public void shouldRetryConnectionFailuresThenFailWith3() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(2));
        StatusException e = catchThrowableOfType(StatusException.class, () -> publisher(URI.create("http://127.0.0.1:" + closedPort), policy)
                .publish(status(StatusState.SUCCESS)));
        assertThat(e.exitCode()).isEqualTo(ExitCode.INFRASTRUCTURE);
        assertThat(e.getMessage()).contains("after 3 attempts").contains("cannot reach 127.0.0.1:" + closedPort);
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    public void shouldFailFastOn401NamingTheToken() {
        LoopbackApi api = server("").script(Reply.of(401, "{\"message\":\"Bad credentials\"}"));
        StatusException e = catchThrowableOfType(StatusException.class, () -> publisher(api.baseUrl()).publish(status(StatusState.SUCCESS)));
        assertThat(e.exitCode()).isEqualTo(ExitCode.INFRASTRUCTURE);
        assertThat(e.getMessage()).contains("HTTP 401").contains("TOKEN").contains("environment variable TEST_TOKEN")
                .contains("Bad credentials");
        assertThat(api.requests()).hasSize(1);
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    public void shouldFailFastOn403NamingThePermission() {
        LoopbackApi api = server("").script(Reply.of(403, "{\"message\":\"Resource not accessible by token\"}"));
        StatusException e = catchThrowableOfType(StatusException.class, () -> publisher(api.baseUrl()).publish(status(StatusState.SUCCESS)));
        assertThat(e.getMessage()).contains("HTTP 403").contains("lacks permission").contains(repository());
        assertThat(api.requests()).hasSize(1);
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    public void shouldFailFastOn404NamingTheRepositoryAndSha() {
        LoopbackApi api = server("").script(Reply.of(404, notFoundBody()));
        StatusException e = catchThrowableOfType(StatusException.class, () -> publisher(api.baseUrl()).publish(status(StatusState.SUCCESS)));
        assertThat(e.exitCode()).isEqualTo(ExitCode.INFRASTRUCTURE);
        assertThat(e.getMessage()).contains("HTTP 404").contains("REPOSITORY").contains(repository()).contains(SHA)
                .contains(provider().repositoryFormat());
        assertThat(api.requests()).hasSize(1);
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    public void shouldRejectARepositoryOfTheWrongShapeBeforeSending() {
        LoopbackApi api = server("");
        StatusException e = catchThrowableOfType(StatusException.class, () -> publisher(api.baseUrl()).publish(
                CommitStatus.builder().repository("no slash here!").sha(SHA).state(StatusState.SUCCESS)
                        .context("c").targetUrl(BUILD_URL).build()));
        assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(e.getMessage()).contains(provider().repositoryFormat());
        assertThat(api.requests()).isEmpty();
    }

    @Test
    public void shouldDeriveRepositoryAndApiRootFromHttpsAndSshCloneUrls() {
        for (String[] example : remotes()) {
            RemoteUrl remote = RemoteUrl.parse(example[0]).orElseThrow(() ->
                    new AssertionError("not parsed: " + example[0]));
            assertThat(provider().repositoryFromRemote(remote)).as(example[0]).contains(example[1]);
            assertThat(provider().baseUrlFromRemote(remote).map(URI::toString)).as(example[0]).contains(example[2]);
            assertThat(remote.toString()).doesNotContain("secret");
        }
    }

    @Test
    public void shouldBeFoundByNameInTheRegistry() {
        assertThat(StatusProviders.withServiceLoader(getClass().getClassLoader()).get(provider().name()))
                .isInstanceOf(provider().getClass());
    }
}
