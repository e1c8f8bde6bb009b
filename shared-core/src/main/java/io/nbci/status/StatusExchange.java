package io.nbci.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbci.common.LogSink;
import io.nbci.common.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link StatusProvider} uses to talk to its server during one post: the API root,
 * the token (to put in a header, nowhere else) and {@link #send}, which retries with backoff
 * on 5xx, 429 and connection failures within the {@link RetryPolicy}'s budget and fails fast,
 * with a message naming the likely culprit (token, repository or SHA), on 401, 403, 404 and 422.
 */
public final class StatusExchange {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StatusProvider provider;
    private final URI baseUrl;
    private final Secret token;
    private final HttpTransport transport;
    private final RetryPolicy policy;
    private final RetryClock clock;
    private final LogSink log;
    private final CommitStatus status;

    StatusExchange(StatusProvider provider, URI baseUrl, Secret token, HttpTransport transport, RetryPolicy policy,
            RetryClock clock, LogSink log, CommitStatus status) {
        this.provider = provider;
        this.baseUrl = baseUrl;
        this.token = token;
        this.transport = transport;
        this.policy = policy;
        this.clock = clock;
        this.log = log;
        this.status = status;
    }

    /** The API root, without a trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The token; reveal it only into the request header. */
    public Secret token() {
        return token;
    }

    /** {@code baseUrl + path}; {@code path} starts with {@code /} and has its segments already encoded. */
    public URI resolve(String path) {
        return URI.create(baseUrl.toString() + path);
    }

    /** {@code Bearer <token>}, or HTTP Basic when the token is a {@code user:password} pair. */
    public String bearerOrBasic() {
        String value = token.reveal();
        if (value.contains(":")) {
            return "Basic " + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
        }
        return "Bearer " + value;
    }

    /** Masks the token and its Basic-auth encoding in {@code text}: servers sometimes echo credentials back. */
    String mask(String text) {
        return encodedToken(token).maskIn(token.maskIn(text));
    }

    static Secret encodedToken(Secret token) {
        return Secret.of(Base64.getEncoder().encodeToString(token.reveal().getBytes(StandardCharsets.UTF_8)),
                token.origin() + " (Base64)");
    }

    /** Percent-encodes one path segment (a {@code /} inside it becomes {@code %2F}). */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Serialises a JSON object, leaving out null values. */
    public static String json(Map<String, ?> body) {
        Map<String, Object> clean = new LinkedHashMap<>();
        body.forEach((key, value) -> {
            if (value != null) {
                clean.put(key, value);
            }
        });
        try {
            return JSON.writeValueAsString(clean);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("status body cannot be serialised", e);
        }
    }

    /**
     * Sends {@code call}, retrying transient failures. Returns the reply when it is 2xx or one
     * of {@code alsoAccept}; throws {@link StatusException} (exit code 3) otherwise.
     */
    public HttpReply send(HttpCall call, int... alsoAccept) {
        Instant deadline = clock.now().plus(policy.totalBudget());
        String lastProblem = null;
        for (int attempt = 1; ; attempt++) {
            Duration wait;
            try {
                HttpReply reply = transport.send(call);
                if (reply.successful() || contains(alsoAccept, reply.status())) {
                    return reply;
                }
                if (!retryable(reply)) {
                    throw failure(call, reply);
                }
                lastProblem = "HTTP " + reply.status() + serverSaid(reply);
                wait = retryAfter(reply).orElse(policy.backoffAfter(attempt));
            } catch (IOException e) {
                lastProblem = "cannot reach " + hostAndPort(call.uri()) + ": " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + mask(e.getMessage()));
                wait = policy.backoffAfter(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw StatusException.notPosted("interrupted while posting to " + where(call));
            }
            if (attempt >= policy.maxAttempts()) {
                throw StatusException.notPosted(provider.displayName() + " did not accept the status after "
                        + attempt + " attempts at " + where(call) + "; last: " + lastProblem);
            }
            if (clock.now().plus(wait).isAfter(deadline)) {
                throw StatusException.notPosted(provider.displayName() + " did not accept the status within the retry "
                        + "budget of " + human(policy.totalBudget()) + " (" + attempt + " attempts, next wait "
                        + human(wait) + ") at " + where(call) + "; last: " + lastProblem);
            }
            log.warn("posting the " + status.context() + " status to " + provider.displayName() + " failed (attempt "
                    + attempt + "): " + lastProblem + "; retrying in " + human(wait));
            try {
                clock.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw StatusException.notPosted("interrupted while waiting to retry " + where(call));
            }
        }
    }

    private static boolean contains(int[] codes, int code) {
        for (int c : codes) {
            if (c == code) {
                return true;
            }
        }
        return false;
    }

    private static boolean retryable(HttpReply reply) {
        int code = reply.status();
        if (code == 429 || code >= 500) {
            return true;
        }
        // GitHub's primary and secondary rate limits answer 403 with these headers
        return code == 403 && (reply.header("Retry-After").isPresent()
                || reply.header("x-ratelimit-remaining").map("0"::equals).orElse(false));
    }

    /** The wait a server asked for: Retry-After in seconds or as an HTTP date, or GitHub's rate-limit reset. */
    private Optional<Duration> retryAfter(HttpReply reply) {
        Optional<String> header = reply.header("Retry-After");
        if (header.isPresent()) {
            String value = header.get().strip();
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration wait = Duration.between(clock.now(), when);
                    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
                } catch (DateTimeParseException notADate) {
                    return Optional.empty();
                }
            }
        }
        if (reply.header("x-ratelimit-remaining").map("0"::equals).orElse(false)) {
            return reply.header("x-ratelimit-reset").map(reset -> {
                try {
                    Duration wait = Duration.between(clock.now(), Instant.ofEpochSecond(Long.parseLong(reset.strip())));
                    return wait.isNegative() ? Duration.ZERO : wait;
                } catch (NumberFormatException e) {
                    return null;
                }
            });
        }
        return Optional.empty();
    }

    /** Logs through the masking sink of this post. */
    public LogSink log() {
        return log;
    }

    /**
     * The error for a reply that will not get better by retrying, naming the likely culprit; {@link #send}
     * throws it, and providers that accepted a code in {@link #send} and then decided it is a failure.
     */
    public StatusException failure(HttpCall call, HttpReply reply) {
        String name = provider.displayName();
        String hint = provider.hint(reply.status());
        String tail = (hint.isEmpty() ? "" : " " + hint) + serverSaid(reply);
        String message;
        switch (reply.status()) {
            case 401:
                message = name + " rejected the token (HTTP 401 at " + where(call) + "): the TOKEN from "
                        + token.origin() + " is likely wrong, expired or revoked." + tail;
                break;
            case 403:
                message = name + " refused the status (HTTP 403 at " + where(call) + "): the TOKEN from "
                        + token.origin() + " is accepted but likely lacks permission to post statuses on "
                        + status.repository() + "." + tail;
                break;
            case 404:
                message = name + " found no repository '" + status.repository() + "' or no commit " + status.sha()
                        + " (HTTP 404 at " + where(call) + "): the REPOSITORY is likely wrong (check --repo, expected "
                        + provider.repositoryFormat() + "), or the SHA was never pushed there." + tail;
                break;
            case 422:
                message = name + " did not accept the status (HTTP 422 at " + where(call) + "): the SHA "
                        + status.sha() + " is likely not a commit of " + status.repository() + " (check --sha)." + tail;
                break;
            default:
                message = name + " did not accept the status (HTTP " + reply.status() + " at " + where(call) + ")."
                        + tail;
        }
        return StatusException.notPosted(message);
    }

    /** The server's own error message, masked, in the shapes the four APIs use. */
    private String serverSaid(HttpReply reply) {
        String body = reply.body().strip();
        if (body.isEmpty()) {
            return "";
        }
        String said = null;
        try {
            JsonNode tree = JSON.readTree(body);
            if (tree != null && tree.isObject()) {
                said = text(tree.get("message"));
                if (said == null && tree.path("error").isObject()) {
                    said = text(tree.path("error").get("message"));
                }
                if (said == null) {
                    said = text(tree.get("error"));
                }
                if (said == null && tree.path("errors").isArray() && tree.path("errors").size() > 0) {
                    said = text(tree.path("errors").get(0).get("message"));
                }
            }
        } catch (IOException notJson) {
            said = null;
        }
        if (said == null) {
            said = body.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        }
        if (said.length() > 300) {
            said = said.substring(0, 300) + "...";
        }
        return said.isEmpty() ? "" : " Server said: " + mask(said);
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private String where(HttpCall call) {
        return call.method() + " " + mask(call.uri().toString());
    }

    private static String hostAndPort(URI uri) {
        return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }

    static String human(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 1) {
            return duration.toMillis() + " ms";
        }
        if (seconds < 120) {
            return seconds + " s";
        }
        return (seconds / 60) + " min " + (seconds % 60) + " s";
    }
}
