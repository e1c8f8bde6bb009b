package io.nbci.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nbci.common.ExitCode;
import io.nbci.common.Secret;
import io.nbci.results.CaseResult;
import io.nbci.results.Failure;
import io.nbci.results.RunResults;
import io.nbci.results.Status;
import io.nbci.results.SuiteResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class StatusPublisherTest {

    @Test
    public void shouldTruncateWithAnEllipsisAndCollapseWhitespace() {
        assertThat(StatusPublisher.truncate("a  b\n c", 10)).isEqualTo("a b c");
        assertThat(StatusPublisher.truncate("abcdefghijkl", 10)).isEqualTo("abcdefghi\u2026").hasSize(10);
        assertThat(StatusPublisher.truncate(null, 10)).isNull();
    }

    @Test
    public void shouldNotCutASurrogatePairInHalf() {
        String text = "12345678\uD83D\uDE00xyz";
        assertThat(StatusPublisher.truncate(text, 10)).isEqualTo("12345678\u2026");
    }

    @Test
    public void shouldRequireABaseUrlForSelfHostedOnlyProviders() {
        StatusException e = catchThrowableOfType(StatusException.class, () -> StatusPublisher.builder().provider(new BitbucketServerProvider())
                .token(Secret.of("t", "test")).build());
        assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(e.getMessage()).contains("--base-url");
    }

    @Test
    public void shouldRequireAToken() {
        StatusException e = catchThrowableOfType(StatusException.class, () -> StatusPublisher.builder().provider(new GitHubProvider()).build());
        assertThat(e.getMessage()).contains("token is required");
    }

    @Test
    public void shouldNameTheBadFieldOfAStatus() {
        StatusException e = catchThrowableOfType(StatusException.class, () -> CommitStatus.builder().repository("a/b").sha("abc")
                .state(StatusState.SUCCESS).context("c").build());
        assertThat(e.getMessage()).startsWith("sha:").contains("'abc'");
        e = catchThrowableOfType(StatusException.class, () -> CommitStatus.builder().repository("a/b").sha("a".repeat(40))
                .state(StatusState.SUCCESS).build());
        assertThat(e.getMessage()).startsWith("context");
    }

    @Test
    public void shouldParseStatesCaseInsensitivelyAndListTheValidOnes() {
        assertThat(StatusState.parse("Failure")).isEqualTo(StatusState.FAILURE);
        assertThat(catchThrowableOfType(StatusException.class, () -> StatusState.parse("failed")).getMessage())
                .contains("pending|success|failure|error");
    }

    @Test
    public void shouldBackOffExponentiallyUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(2));
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7)).extracting(policy::backoffAfter).containsExactly(
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(16), Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    @Test
    public void shouldDescribeTheOutcomeWithTestCountsAndTheFirstFailure() {
        SuiteResult suite = new SuiteResult("etl", SuiteResult.Kind.JUNIT, null, 0, List.of(
                CaseResult.passed("loads", "EtlTest", 1),
                new CaseResult("joins", "EtlTest", Status.FAILED, 1, Failure.of("AssertionError", "x"), null, null, null),
                new CaseResult("slow", "EtlTest", Status.SKIPPED, 0, null, null, null, null)),
                null, null, Map.of());
        RunResults results = RunResults.of("gate", Instant.now(), 0, ExitCode.OK, List.of(suite));
        assertThat(StatusGate.describe(1, Duration.ofSeconds(42), results))
                .isEqualTo("failed (exit 1) in 42 s: 1 passed, 1 failed, 0 errors, 1 skipped; first failure: EtlTest.joins");
        assertThat(StatusGate.describe(0, Duration.ofSeconds(125),
                RunResults.of("gate", Instant.now(), 0, ExitCode.OK, List.of())))
                .isEqualTo("passed in 2 min 5 s (no test reports found)");
    }

    @Test
    public void shouldMaskCredentialHeadersWhenACallIsPrinted() {
        HttpCall call = HttpCall.postJson(java.net.URI.create("https://api.github.com/x"),
                Map.of("Authorization", "Bearer sekrit", "PRIVATE-TOKEN", "sekrit2", "Accept", "application/json"), "{}");
        assertThat(call.toString()).doesNotContain("sekrit").contains("application/json");
    }
}
