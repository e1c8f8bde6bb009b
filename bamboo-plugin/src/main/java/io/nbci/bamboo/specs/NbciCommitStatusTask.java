package io.nbci.bamboo.specs;

import com.atlassian.bamboo.specs.api.builders.task.Task;
import com.atlassian.bamboo.specs.api.model.task.AnyTaskProperties;
import io.nbci.bamboo.NbciPluginKeys;
import io.nbci.bamboo.config.StatusTaskConfig;
import io.nbci.common.Secret;

/**
 * Bamboo Specs for the "Commit status" task. Put a {@link #pending()} one first in the job and a
 * {@link #outcome()} one among the job's final tasks: together they are the pull-request gate.
 * The token is given as a Bamboo password variable, so it never appears in the Specs.
 *
 * <pre>{@code
 * new Job("Gate", "GATE")
 *         .tasks(NbciCommitStatusTask.pending().github().context("nbci/notebooks")
 *                         .tokenVariable("github.token.password"),
 *                 new NbciNotebooksTask().notebooks("notebooks/*.ipynb"))
 *         .finalTasks(NbciCommitStatusTask.outcome().github().context("nbci/notebooks")
 *                 .tokenVariable("github.token.password"));
 * }</pre>
 */
public class NbciCommitStatusTask extends Task<NbciCommitStatusTask, AnyTaskProperties> {
    private String provider = "";
    private final String mode;
    private String context = "";
    private String statusText = "";
    private String url = "";
    private String repository = "";
    private String sha = "";
    private String baseUrl = "";
    private String token = "";

    private NbciCommitStatusTask(String mode) {
        this.mode = mode;
    }

    /** Posts "pending"; put it first in the job. */
    public static NbciCommitStatusTask pending() {
        return new NbciCommitStatusTask(StatusTaskConfig.PENDING);
    }

    /** Posts success or failure from the tasks before it; add it to the job's final tasks. */
    public static NbciCommitStatusTask outcome() {
        return new NbciCommitStatusTask(StatusTaskConfig.FINAL);
    }

    public NbciCommitStatusTask github() {
        return provider("github");
    }

    public NbciCommitStatusTask bitbucketServer(String serverUrl) {
        return provider("bitbucket-server").baseUrl(serverUrl);
    }

    public NbciCommitStatusTask bitbucketCloud() {
        return provider("bitbucket-cloud");
    }

    public NbciCommitStatusTask gitlab() {
        return provider("gitlab");
    }

    /** One of {@code github}, {@code bitbucket-server}, {@code bitbucket-cloud}, {@code gitlab}. */
    public NbciCommitStatusTask provider(String name) {
        provider = name;
        return this;
    }

    /** The status name branch protection or merge checks require. */
    public NbciCommitStatusTask context(String name) {
        context = name;
        return this;
    }

    /** Text shown next to the status (default: nbci's summary). */
    public NbciCommitStatusTask statusDescription(String text) {
        statusText = text;
        return this;
    }

    /** Where the status links to (default: the build result). */
    public NbciCommitStatusTask url(String link) {
        url = link;
        return this;
    }

    /** OWNER/NAME (default: detected from the plan's repository). */
    public NbciCommitStatusTask repository(String ownerAndName) {
        repository = ownerAndName;
        return this;
    }

    /** The commit (default: the revision Bamboo built). */
    public NbciCommitStatusTask sha(String commit) {
        sha = commit;
        return this;
    }

    /** API base URL for GitHub Enterprise, Bitbucket Server/DC or self-managed GitLab. */
    public NbciCommitStatusTask baseUrl(String apiUrl) {
        baseUrl = apiUrl;
        return this;
    }

    /** The token from a Bamboo password variable, e.g. {@code github.token.password}. */
    public NbciCommitStatusTask tokenVariable(String variableName) {
        token = "${bamboo." + variableName + "}";
        return this;
    }

    public StatusTaskConfig config() {
        return new StatusTaskConfig(provider, mode, context, statusText, url, repository, sha, baseUrl,
                token.isBlank() ? null : Secret.of(token, "Specs"));
    }

    /** The builder for stored settings; a token value (not a variable) comes back masked. */
    public static NbciCommitStatusTask of(StatusTaskConfig config) {
        NbciCommitStatusTask task = new NbciCommitStatusTask(config.mode());
        task.provider = config.provider();
        task.context = config.context();
        task.statusText = config.description();
        task.url = config.url();
        task.repository = config.repository();
        task.sha = config.sha();
        task.baseUrl = config.baseUrl();
        task.token = config.toMaskedMap().get(StatusTaskConfig.TOKEN);
        return task;
    }

    @Override
    protected AnyTaskProperties build() {
        SpecsTasks.require(!provider.isBlank(), "NbciCommitStatusTask", "provider",
                "choose github(), bitbucketServer(url), bitbucketCloud() or gitlab()");
        SpecsTasks.require(!context.isBlank(), "NbciCommitStatusTask", "context",
                "name the status branch protection requires, e.g. nbci/notebooks");
        return SpecsTasks.properties(NbciPluginKeys.STATUS_TASK, description, taskEnabled,
                config().toMaskedMap(), requirements, conditions);
    }
}
