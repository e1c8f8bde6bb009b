package io.nbci.launch;

import io.nbci.common.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * "Post a commit status" as a plugin step configures it, ready to become an
 * {@code nbci status --provider P --state S --context NAME ...} invocation. The token
 * travels only in the environment variable {@value #TOKEN_VARIABLE}; the command line is
 * told its name with {@code --token-env}, never its value.
 *
 * @param provider    github, bitbucket-server, bitbucket-cloud or gitlab
 * @param state       pending, success, failure or error
 * @param context     the status name branch protection requires
 * @param url         link to the build, or null
 * @param description short text, or null (the command truncates to the provider's limit)
 * @param sha         commit, or null to detect it from git and the CI variables
 * @param repository  OWNER/NAME, or null to detect it
 * @param apiUrl      API base URL for Enterprise / Data Center / self-hosted ({@code --base-url}), or null
 * @param token       the provider token
 */
public record CommitStatusConfig(String provider, String state, String context, String url, String description,
        String sha, String repository, String apiUrl, Secret token) {

    /** The environment variable that carries the provider token to {@code nbci status} and {@code nbci gate}. */
    public static final String TOKEN_VARIABLE = "NBCI_STATUS_TOKEN";
    public static final List<String> STATES = List.of("pending", "success", "failure", "error");

    public static Builder builder() {
        return new Builder();
    }

    public NbciInvocation toInvocation() {
        List<String> args = new ArrayList<>();
        args.add("status");
        args.add("--state");
        args.add(state);
        addTarget(args);
        Fields.option(args, "--description", description);
        return new NbciInvocation("status", args, Map.of(), Map.of(TOKEN_VARIABLE, token), List.of(), List.of(),
                OutcomePolicy.FAIL);
    }

    /** This status with another state and description, checked like a new one. */
    CommitStatusConfig with(String newState, String newDescription) {
        return builder().provider(provider).state(newState).context(context).url(url).description(newDescription)
                .sha(sha).repository(repository).apiUrl(apiUrl).token(token).build();
    }

    /** The arguments {@code status} and {@code gate} share: where the status goes and how to log in. */
    void addTarget(List<String> args) {
        args.add("--provider");
        args.add(provider);
        args.add("--context");
        args.add(context);
        Fields.option(args, "--url", url);
        Fields.option(args, "--sha", sha);
        Fields.option(args, "--repo", repository);
        Fields.option(args, "--base-url", apiUrl);
        args.add("--token-env");
        args.add(TOKEN_VARIABLE);
    }

    /** Collects raw form values; {@link #build()} validates them and names the first bad field. */
    public static final class Builder {
        private String provider;
        private String state;
        private String context;
        private String url;
        private String description;
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

        public Builder state(String value) {
            this.state = value;
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

        public Builder description(String value) {
            this.description = value;
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

        public CommitStatusConfig build() {
            Validation.provider(provider).orThrow("provider");
            if (state == null || !STATES.contains(state.strip())) {
                throw new LaunchConfigException("state", "expected one of " + String.join(", ", STATES)
                        + ", found \"" + state + "\"");
            }
            Validation.contextName(context).orThrow("context");
            Validation.uri(url, Validation.WEB_SCHEMES).orThrow("url");
            Validation.sha(sha).orThrow("sha");
            Validation.repository(repository).orThrow("repository");
            Validation.uri(apiUrl, Validation.WEB_SCHEMES).orThrow("apiUrl");
            if (token == null || token.reveal().isBlank()) {
                throw new LaunchConfigException("token", "required: choose the credential holding the "
                        + provider.strip() + " token");
            }
            String text = Fields.trim(description);
            if (text != null && text.contains(token.reveal())) {
                throw new LaunchConfigException("description", "the description contains the token");
            }
            return new CommitStatusConfig(provider.strip(), state.strip(), context.strip(), Fields.trim(url), text,
                    Fields.trim(sha), Fields.trim(repository), Fields.trim(apiUrl), token);
        }
    }
}
