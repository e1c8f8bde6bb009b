package io.nbci.jenkins;

import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.nbci.common.Secret;
import io.nbci.launch.CommitStatusConfig;
import io.nbci.launch.NbciInvocation;
import io.nbci.launch.Validation;
import java.io.IOException;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Build step "Post a commit status with nbci": {@code nbci status} to GitHub, Bitbucket or
 * GitLab. The token comes from a secret text credential and reaches the command only in
 * the environment ({@value CommitStatusConfig#TOKEN_VARIABLE}); it is masked in the log.
 * Pipeline: {@code nbciStatus provider: 'github', state: 'success', context: 'nbci', credentialsId: 'gh'}.
 */
public final class CommitStatusBuilder extends NbciBuilder {
    private final String provider;
    private final String state;
    private final String context;
    private final String credentialsId;
    private String url;
    private String description;
    private String sha;
    private String repository;
    private String apiUrl;

    @DataBoundConstructor
    public CommitStatusBuilder(String provider, String state, String context, String credentialsId) {
        this.provider = provider;
        this.state = state;
        this.context = context;
        this.credentialsId = credentialsId;
    }

    /** The one translation: form fields, the token and the build's environment (BUILD_URL) to the core config. */
    public CommitStatusConfig toConfig(Secret token, EnvVars env) {
        return CommitStatusConfig.builder().provider(provider).state(state).context(context)
                .url(url != null ? url : env.get("BUILD_URL")).description(description).sha(sha)
                .repository(repository).apiUrl(apiUrl).token(token).build();
    }

    @Override
    NbciInvocation invocation(Inputs inputs) throws IOException {
        Validation.required(credentialsId, "the credential holding the provider token").orThrow("credentialsId");
        return toConfig(inputs.host().secretText(credentialsId, inputs.run()), inputs.env()).toInvocation();
    }

    public String getProvider() {
        return provider;
    }

    public String getState() {
        return state;
    }

    public String getContext() {
        return context;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    public String getUrl() {
        return url;
    }

    @DataBoundSetter
    public void setUrl(String url) {
        this.url = blankToNull(url);
    }

    public String getDescription() {
        return description;
    }

    @DataBoundSetter
    public void setDescription(String description) {
        this.description = blankToNull(description);
    }

    public String getSha() {
        return sha;
    }

    @DataBoundSetter
    public void setSha(String sha) {
        this.sha = blankToNull(sha);
    }

    public String getRepository() {
        return repository;
    }

    @DataBoundSetter
    public void setRepository(String repository) {
        this.repository = blankToNull(repository);
    }

    public String getApiUrl() {
        return apiUrl;
    }

    @DataBoundSetter
    public void setApiUrl(String apiUrl) {
        this.apiUrl = blankToNull(apiUrl);
    }

    /** Form, help and validation of the step. */
    @Extension
    @Symbol("nbciStatus")
    public static final class DescriptorImpl extends NbciBuilderDescriptor {
        public DescriptorImpl() {
        }

        DescriptorImpl(JenkinsHost host) {
            super(CommitStatusBuilder.class, host);
        }

        @Override
        public String getDisplayName() {
            return "Post a commit status with nbci";
        }

        public ListBoxModel doFillProviderItems() {
            return StatusForms.providers();
        }

        public ListBoxModel doFillStateItems() {
            return StatusForms.states();
        }

        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return StatusForms.credentialsIdItems(host(), item, credentialsId);
        }

        @POST
        public FormValidation doCheckContext(@AncestorInPath Item item, @QueryParameter String value) {
            return StatusForms.checkContext(host(), item, value);
        }

        @POST
        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return StatusForms.checkCredentialsId(host(), item, value);
        }

        @POST
        public FormValidation doCheckUrl(@AncestorInPath Item item, @QueryParameter String value) {
            return StatusForms.checkWebUrl(host(), item, value);
        }

        @POST
        public FormValidation doCheckSha(@AncestorInPath Item item, @QueryParameter String value) {
            return StatusForms.checkSha(host(), item, value);
        }

        @POST
        public FormValidation doCheckRepository(@AncestorInPath Item item, @QueryParameter String value) {
            return StatusForms.checkRepository(host(), item, value);
        }

        @POST
        public FormValidation doCheckApiUrl(@AncestorInPath Item item, @QueryParameter String value) {
            return StatusForms.checkWebUrl(host(), item, value);
        }
    }
}
