package io.nbci.launch;

import io.nbci.common.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The PR gate around a whole build: {@link #pending()} is posted when the build starts,
 * {@link #finish(Outcome.Result, String)} when it ends (also when it failed or was
 * aborted), so branch protection keeps the pull request blocked until the build is green.
 * Hosts that wrap one command instead of a block use {@link #wrap(List)}
 * ({@code nbci gate ... -- COMMAND}).
 *
 * <pre>
 *   build result     commit state   description
 *   SUCCESS          success        passed
 *   UNSTABLE         failure        unstable: tests failed
 *   FAILURE          failure        failed
 *   TIMEOUT          failure        timed out
 *   INFRASTRUCTURE   error          infrastructure error
 *   ABORTED          error          aborted
 * </pre>
 *
 * @param target where every status of the gate goes (provider, context, link, commit, repository,
 *               API base URL, token), as a checked {@code pending} status without a description
 */
public record GateConfig(CommitStatusConfig target) {

    /** The results files the steps write by default; their test counts go into the final description. */
    public static final String RESULTS_GLOB = "nbci-output/*-results.json";

    public static Builder builder() {
        return new Builder();
    }

    /** The status posted when the build starts. */
    public CommitStatusConfig pending() {
        return target.with("pending", "build started");
    }

    /** The status posted when the build ends with {@code result}; {@code summary} (test counts) may be null. */
    public CommitStatusConfig finish(Outcome.Result result, String summary) {
        Ending ending = Ending.of(result);
        String description = ending.description();
        if (summary != null && !summary.isBlank()) {
            description = description + ": " + summary.strip();
        }
        return target.with(ending.state(), description);
    }

    /**
     * The commit state for a build that ended with {@code result}, as the table above maps it;
     * for hosts that post their own description.
     */
    public static String state(Outcome.Result result) {
        return Ending.of(result).state();
    }

    /** One row of the table above. */
    private record Ending(String state, String description) {
        static Ending of(Outcome.Result result) {
            switch (result) {
                case SUCCESS: return new Ending("success", "passed");
                case UNSTABLE: return new Ending("failure", "unstable: tests failed");
                case FAILURE: return new Ending("failure", "failed");
                case TIMEOUT: return new Ending("failure", "timed out");
                case INFRASTRUCTURE: return new Ending("error", "infrastructure error");
                case ABORTED: return new Ending("error", "aborted");
                default: throw new IllegalStateException(result.name());
            }
        }
    }

    /** {@code nbci gate ... -- COMMAND...}: pending, run, final state from the command's exit code. */
    public NbciInvocation wrap(List<String> command) {
        if (command.isEmpty()) {
            throw new LaunchConfigException("command", "required: the command the gate runs");
        }
        List<String> args = new ArrayList<>();
        args.add("gate");
        target.addTarget(args);
        args.add("--results-glob");
        args.add(RESULTS_GLOB);
        args.add("--");
        args.addAll(command);
        return new NbciInvocation("gate", args, Map.of(), Map.of(CommitStatusConfig.TOKEN_VARIABLE, target.token()),
                List.of(), List.of(), OutcomePolicy.FAIL);
    }

    /** Collects raw form values; {@link #build()} validates them and names the first bad field. */
    public static final class Builder {
        private String provider;
        private String context;
        private String url;
        private String sha;
        private String repository;
        private String apiUrl;
        private Secret token;

        private Builder() {
        }

        public Builder provider(String value) {
            this.provider = value;
            return this;
        }

        public Builder context(String value) {
            this.context = value;
            return this;
        }

        public Builder url(String value) {
            this.url = value;
            return this;
        }

        public Builder sha(String value) {
            this.sha = value;
            return this;
        }

        public Builder repository(String value) {
            this.repository = value;
            return this;
        }

        public Builder apiUrl(String value) {
            this.apiUrl = value;
            return this;
        }

        public Builder token(Secret value) {
            this.token = value;
            return this;
        }

        public GateConfig build() {
            // one rule set: a gate is valid when the status it starts with is
            return new GateConfig(CommitStatusConfig.builder().provider(provider).state("pending").context(context)
                    .url(url).sha(sha).repository(repository).apiUrl(apiUrl).token(token).build());
        }
    }
}
