package io.nbci.status;

import io.nbci.common.LogSink;
import io.nbci.common.MaskingLogSink;
import io.nbci.common.Secret;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Posts commit statuses through one {@link StatusProvider}: validates the repository name,
 * truncates the description to the provider's limit, retries within the {@link RetryPolicy}
 * and turns every outcome that is not "posted" into a {@link StatusException} with exit code 3.
 * Everything it logs goes through a sink that masks the token.
 *
 * <pre>{@code
 * StatusPublisher publisher = StatusPublisher.builder()
 *         .provider(new StatusProviders().get("github"))
 *         .token(Secret.fromEnvironment(System.getenv(), "GITHUB_TOKEN"))
 *         .log(log)
 *         .build();
 * publisher.publish(status);
 * }</pre>
 */
public final class StatusPublisher {
    private final StatusProvider provider;
    private final URI baseUrl;
    private final Secret token;
    private final HttpTransport transport;
    private final RetryPolicy policy;
    private final RetryClock clock;
    private final LogSink log;

    private StatusPublisher(Builder builder, URI baseUrl) {
        this.provider = builder.provider;
        this.baseUrl = baseUrl;
        this.token = builder.token;
        this.transport = builder.transport;
        this.policy = builder.policy;
        this.clock = builder.clock;
        this.log = new MaskingLogSink(builder.log, List.of(builder.token, StatusExchange.encodedToken(builder.token)));
    }

    public StatusProvider provider() {
        return provider;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** Posts one status; returns once the server accepted it, else throws {@link StatusException}. */
    public void publish(CommitStatus status) {
        if (!provider.acceptsRepository(status.repository())) {
            throw StatusException.badInput("repository '" + status.repository() + "' does not look like a "
                    + provider.displayName() + " repository: expected " + provider.repositoryFormat()
                    + " (pass --repo)");
        }
        CommitStatus truncated = status.withDescription(truncate(status.description(), provider.descriptionLimit()));
        log.info("posting " + provider.nativeState(status.state()) + " '" + status.context() + "' on "
                + status.repository() + "@" + status.sha().substring(0, 12) + " to " + provider.displayName() + " ("
                + baseUrl + ")" + (truncated.description() == null ? "" : ": " + truncated.description()));
        try {
            provider.publish(truncated, new StatusExchange(provider, baseUrl, token, transport, policy, clock, log,
                    truncated));
        } catch (StatusException e) {
            log.error(e.getMessage());
            throw e;
        }
        log.info("posted " + provider.nativeState(status.state()) + " '" + status.context() + "' to "
                + provider.displayName());
    }

    /** Cuts {@code text} to at most {@code limit} characters, ending with an ellipsis when cut. */
    static String truncate(String text, int limit) {
        if (text == null) {
            return null;
        }
        String clean = text.replaceAll("\\s+", " ").strip();
        if (clean.length() <= limit) {
            return clean;
        }
        int end = limit - 1;
        if (Character.isLowSurrogate(clean.charAt(end))) {
            end--;
        }
        return clean.substring(0, end) + "\u2026";
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder; {@link #build()} names the missing field. */
    public static final class Builder {
        private StatusProvider provider;
        private URI baseUrl;
        private Secret token;
        private HttpTransport transport;
        private RetryPolicy policy = RetryPolicy.defaults();
        private RetryClock clock = RetryClock.system();
        private LogSink log = LogSink.silent();

        private Builder() {
        }

        public Builder provider(StatusProvider value) {
            this.provider = value;
            return this;
        }

        /** The API root; defaults to the provider's public service. */
        public Builder baseUrl(URI value) {
            this.baseUrl = value;
            return this;
        }

        public Builder token(Secret value) {
            this.token = value;
            return this;
        }

        /** Defaults to {@link JdkHttpTransport#withDefaults()}. */
        public Builder transport(HttpTransport value) {
            this.transport = value;
            return this;
        }

        public Builder retryPolicy(RetryPolicy value) {
            this.policy = value;
            return this;
        }

        public Builder clock(RetryClock value) {
            this.clock = value;
            return this;
        }

        public Builder log(LogSink value) {
            this.log = value;
            return this;
        }

        public StatusPublisher build() {
            if (provider == null) {
                throw StatusException.badInput("provider is required");
            }
            if (token == null) {
                throw StatusException.badInput("token is required: " + provider.displayName()
                        + " statuses need a token (from an environment variable or a file)");
            }
            Objects.requireNonNull(policy, "retryPolicy");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(log, "log");
            if (transport == null) {
                transport = JdkHttpTransport.withDefaults();
            }
            URI base = baseUrl != null ? baseUrl : provider.defaultBaseUrl().orElseThrow(() ->
                    StatusException.badInput("base URL is required for " + provider.displayName()
                            + " (pass --base-url https://your-server, or run inside a clone whose remote names it)"));
            String text = base.toString();
            if (!(text.startsWith("http://") || text.startsWith("https://")) || base.getHost() == null) {
                throw StatusException.badInput("base URL: expected http(s)://host[:port][/path], found '" + text + "'");
            }
            while (text.endsWith("/")) {
                text = text.substring(0, text.length() - 1);
            }
            return new StatusPublisher(this, URI.create(text));
        }
    }
}
