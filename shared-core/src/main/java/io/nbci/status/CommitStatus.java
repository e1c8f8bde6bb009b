package io.nbci.status;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One status to post on one commit, in provider-neutral terms. Built with {@link #builder()},
 * which validates and names the bad field.
 *
 * <pre>{@code
 * CommitStatus status = CommitStatus.builder()
 *         .repository("acme/etl").sha("9fceb02d0ae598e95dc970b74767f19372d61af8")
 *         .state(StatusState.PENDING).context("nbci/notebooks")
 *         .targetUrl("https://ci.example.com/job/etl/42/").description("running notebooks")
 *         .build();
 * }</pre>
 *
 * @param repository     the provider's repository name: {@code owner/name} (GitHub), {@code PROJECT/slug}
 *                       (Bitbucket Data Center), {@code workspace/slug} (Bitbucket Cloud), {@code group/project} or
 *                       a numeric id (GitLab)
 * @param sha            full commit hash (40 or 64 hex digits)
 * @param state          the outcome
 * @param context        the check's name, the one branch protection or merge checks require
 * @param targetUrl      the build's page, or null
 * @param description    a short summary, or null; truncated to the provider's limit when posted
 * @param ref            branch name (without {@code refs/heads/}), or null
 * @param buildNumber    the CI's build number, or null
 * @param durationMillis how long the work took, or null
 * @param testCounts     test totals, or null
 */
public record CommitStatus(String repository, String sha, StatusState state, String context, String targetUrl,
        String description, String ref, String buildNumber, Long durationMillis, TestCounts testCounts) {

    private static final Pattern SHA = Pattern.compile("[0-9a-fA-F]{40}|[0-9a-fA-F]{64}");

    public CommitStatus {
        require(repository, "repository");
        require(sha, "sha");
        Objects.requireNonNull(state, "state");
        require(context, "context");
        if (!SHA.matcher(sha).matches()) {
            throw StatusException.badInput("sha: expected a full commit hash (40 hex digits), found '" + sha + "'");
        }
        if (targetUrl != null && !(targetUrl.startsWith("http://") || targetUrl.startsWith("https://"))) {
            throw StatusException.badInput("url: expected an http(s) URL of the build, found '" + targetUrl + "'");
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw StatusException.badInput(field + " is required and was empty");
        }
    }

    /** The same status with another description (used when truncating to a provider's limit). */
    public CommitStatus withDescription(String newDescription) {
        return new CommitStatus(repository, sha, state, context, targetUrl, newDescription, ref, buildNumber,
                durationMillis, testCounts);
    }

    /** The same status with another state (the gate posts pending, then the outcome). */
    public CommitStatus withState(StatusState newState) {
        return new CommitStatus(repository, sha, newState, context, targetUrl, description, ref, buildNumber,
                durationMillis, testCounts);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent builder; {@link #build()} validates and names the bad field. */
    public static final class Builder {
        private String repository;
        private String sha;
        private StatusState state;
        private String context;
        private String targetUrl;
        private String description;
        private String ref;
        private String buildNumber;
        private Long durationMillis;
        private TestCounts testCounts;

        private Builder() {
        }

        public Builder repository(String value) {
            this.repository = value;
            return this;
        }

        public Builder sha(String value) {
            this.sha = value;
            return this;
        }

        public Builder state(StatusState value) {
            this.state = value;
            return this;
        }

        public Builder context(String value) {
            this.context = value;
            return this;
        }

        public Builder targetUrl(String value) {
            this.targetUrl = value;
            return this;
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public Builder ref(String value) {
            this.ref = value;
            return this;
        }

        public Builder buildNumber(String value) {
            this.buildNumber = value;
            return this;
        }

        public Builder durationMillis(Long value) {
            this.durationMillis = value;
            return this;
        }

        public Builder testCounts(TestCounts value) {
            this.testCounts = value;
            return this;
        }

        public CommitStatus build() {
            if (state == null) {
                throw StatusException.badInput("state is required (pending|success|failure|error)");
            }
            return new CommitStatus(repository, sha, state, context, targetUrl, description, ref, buildNumber,
                    durationMillis, testCounts);
        }
    }
}
