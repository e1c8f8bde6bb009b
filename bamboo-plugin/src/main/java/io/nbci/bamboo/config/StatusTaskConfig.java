package io.nbci.bamboo.config;

import io.nbci.common.Secret;
import io.nbci.launch.CommitStatusConfig;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The "Commit status" task's settings, typed, over its stored string map. The token is a
 * {@link Secret}: it prints masked, reaches the command line only through its environment,
 * and leaves Bamboo in exported Specs only as a variable reference, never as a value.
 *
 * @param provider    {@code github}, {@code bitbucket-server}, {@code bitbucket-cloud} or {@code gitlab}
 * @param mode        {@link #PENDING} (add it first) or {@link #FINAL} (add it as a final task: reports the outcome so far)
 * @param context     the status name branch protection or merge checks require
 * @param description text shown next to the status; blank for nbci's summary
 * @param url         link from the status to the build; blank for the build's result page
 * @param repository  OWNER/NAME; blank to detect it from the plan's repository
 * @param sha         the commit; blank for the revision Bamboo built
 * @param baseUrl     API base URL for GitHub Enterprise, Bitbucket Server/DC or self-managed GitLab; blank for the cloud
 * @param token       the API token, usually a password variable such as {@code ${bamboo.github.token.password}}; null when none
 */
public record StatusTaskConfig(String provider, String mode, String context, String description, String url,
        String repository, String sha, String baseUrl, Secret token) {

    public static final String PROVIDER = "nbciProvider";
    public static final String MODE = "nbciMode";
    public static final String CONTEXT = "nbciContext";
    public static final String DESCRIPTION = "nbciDescription";
    public static final String URL = "nbciUrl";
    public static final String REPOSITORY = "nbciRepository";
    public static final String SHA = "nbciSha";
    public static final String BASE_URL = "nbciBaseUrl";
    public static final String TOKEN = "nbciToken";

    public static final List<String> KEYS = List.of(PROVIDER, MODE, CONTEXT, DESCRIPTION, URL, REPOSITORY, SHA,
            BASE_URL, TOKEN);

    /** Posts "pending" (put it first in the job). */
    public static final String PENDING = "pending";
    /** Posts success or failure from the tasks that ran before it (make it a final task). */
    public static final String FINAL = "final";
    public static final List<String> MODES = List.of(PENDING, FINAL);

    static final Map<String, String> FIELDS = Map.of("provider", PROVIDER, "state", MODE, "context", CONTEXT,
            "url", URL, "description", DESCRIPTION, "sha", SHA, "repository", REPOSITORY, "apiUrl", BASE_URL,
            "token", TOKEN);

    /** What a token field holds when it refers to a Bamboo variable instead of holding the token. */
    private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\$\\{bamboo\\.[A-Za-z0-9_.\\-]+}");

    public StatusTaskConfig {
        provider = NotebooksTaskConfig.nonNull(provider);
        mode = NotebooksTaskConfig.nonNull(mode).isEmpty() ? PENDING : mode.strip();
        context = NotebooksTaskConfig.nonNull(context);
        description = NotebooksTaskConfig.nonNull(description);
        url = NotebooksTaskConfig.nonNull(url);
        repository = NotebooksTaskConfig.nonNull(repository);
        sha = NotebooksTaskConfig.nonNull(sha);
        baseUrl = NotebooksTaskConfig.nonNull(baseUrl);
    }

    public static StatusTaskConfig defaults() {
        return new StatusTaskConfig("github", PENDING, "nbci", "", "", "", "", "", null);
    }

    public static StatusTaskConfig read(Map<String, ?> stored) {
        StoredConfig config = StoredConfig.read(stored);
        String token = config.text(TOKEN);
        return new StatusTaskConfig(config.text(PROVIDER), config.text(MODE), config.text(CONTEXT),
                config.text(DESCRIPTION), config.text(URL), config.text(REPOSITORY), config.text(SHA),
                config.text(BASE_URL), token.isEmpty() ? null : Secret.of(token, "task field " + TOKEN));
    }

    /** True for the final-task variant. */
    public boolean isFinal() {
        return FINAL.equals(mode);
    }

    /** True when the token field refers to a Bamboo variable (safe to show and export). */
    public boolean tokenIsVariableReference() {
        return token != null && VARIABLE_REFERENCE.matcher(token.reveal()).matches();
    }

    /** The map Bamboo stores: the token as entered (a variable reference, or the value itself). */
    public Map<String, String> toMap() {
        return writer(token == null ? "" : token.reveal());
    }

    /**
     * The map for anything that leaves the server (exported Specs, YAML, logs): a variable
     * reference is kept, a token value is replaced by {@link Secret#MASK}.
     */
    public Map<String, String> toMaskedMap() {
        return writer(token == null ? "" : tokenIsVariableReference() ? token.reveal() : Secret.MASK);
    }

    /** True when a map's token is the mask an export left: it must be re-entered before use. */
    public boolean tokenIsMasked() {
        return token != null && Secret.MASK.equals(token.reveal());
    }

    private Map<String, String> writer(String tokenText) {
        return StoredConfig.writer()
                .text(PROVIDER, provider)
                .text(MODE, mode)
                .text(CONTEXT, context)
                .text(DESCRIPTION, description)
                .text(URL, url)
                .text(REPOSITORY, repository)
                .text(SHA, sha)
                .text(BASE_URL, baseUrl)
                .text(TOKEN, tokenText)
                .build();
    }

    /**
     * The core config the task runs, with the token as Bamboo substituted it.
     *
     * @param state pending, success, failure or error
     * @throws StoredConfigException naming this task's key when a value is wrong, the token was
     *                               masked by an export, or its variable is not defined
     */
    public CommitStatusConfig toLaunch(String state) {
        if (tokenIsMasked()) {
            throw new StoredConfigException(TOKEN, "the token was masked when these settings were exported; "
                    + "enter it again, or better, refer to a password variable");
        }
        if (tokenIsVariableReference()) {
            throw new StoredConfigException(TOKEN, "expected the token, found the reference " + token.reveal()
                    + ", which no variable of this plan or environment defines; define it as a password variable");
        }
        return build(state, token);
    }

    /**
     * Checks the settings as a form or Specs import saves them: the token may still be a
     * variable reference (substituted at run time); a masked token is refused.
     *
     * @throws StoredConfigException naming this task's key when a value is wrong
     */
    public void validate() {
        if (tokenIsMasked()) {
            throw new StoredConfigException(TOKEN, "the token was masked when these settings were exported; "
                    + "enter it again, or better, refer to a password variable");
        }
        if (!MODES.contains(mode)) {
            throw new StoredConfigException(MODE, "expected " + PENDING + " or " + FINAL + ", found \"" + mode + "\"");
        }
        build("pending", tokenIsVariableReference() ? Secret.of("variable-reference", "validation") : token);
    }

    private CommitStatusConfig build(String state, Secret value) {
        return StoredConfigException.translating(FIELDS, () -> CommitStatusConfig.builder()
                .provider(provider)
                .state(state)
                .context(context)
                .url(url)
                .description(description)
                .sha(sha)
                .repository(repository)
                .apiUrl(baseUrl)
                .token(value)
                .build());
    }

    @Override
    public String toString() {
        return "StatusTaskConfig" + toMaskedMap();
    }
}
