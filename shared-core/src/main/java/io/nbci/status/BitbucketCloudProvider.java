package io.nbci.status;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Bitbucket Cloud (bitbucket.org): commit build statuses.
 *
 * <p>Checked against Atlassian's published REST reference,
 * https://developer.atlassian.com/cloud/bitbucket/rest/api-group-commit-statuses/ ("Create a build
 * status for a commit"): {@code POST https://api.bitbucket.org/2.0/repositories/{workspace}/{repo_slug}/commit/{commit}/statuses/build}
 * with {@code Content-Type: application/json} and a body of {@code key}, {@code state}
 * ({@code INPROGRESS}, {@code SUCCESSFUL}, {@code FAILED}, {@code STOPPED}), {@code url}, {@code name},
 * {@code description} and {@code refname} (set to the source branch to attach the status to a
 * pull request); answers {@code 201 Created}; an existing status with the same key is overwritten.
 * Authentication: {@code Authorization: Bearer <access token>}, or Basic for {@code username:app-password}.
 */
public final class BitbucketCloudProvider implements StatusProvider {
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.{}-]+/[A-Za-z0-9_.{}-]+");

    @Override
    public String name() {
        return "bitbucket-cloud";
    }

    @Override
    public String displayName() {
        return "Bitbucket Cloud";
    }

    @Override
    public String defaultTokenVariable() {
        return "BITBUCKET_TOKEN";
    }

    @Override
    public Optional<URI> defaultBaseUrl() {
        return Optional.of(URI.create("https://api.bitbucket.org"));
    }

    @Override
    public String repositoryFormat() {
        return "WORKSPACE/REPO_SLUG";
    }

    @Override
    public boolean acceptsRepository(String repository) {
        return REPOSITORY.matcher(repository).matches();
    }

    @Override
    public Optional<URI> baseUrlFromRemote(RemoteUrl remote) {
        return defaultBaseUrl();
    }

    @Override
    public Optional<String> repositoryFromRemote(RemoteUrl remote) {
        if (remote.segments().size() != 2) {
            return Optional.empty();
        }
        return Optional.of(remote.segments().get(0) + "/" + remote.segments().get(1));
    }

    @Override
    public int descriptionLimit() {
        return 255;
    }

    @Override
    public String nativeState(StatusState state) {
        switch (state) {
            case PENDING: return "INPROGRESS";
            case SUCCESS: return "SUCCESSFUL";
            case FAILURE: return "FAILED";
            case ERROR: return "FAILED";
            default: throw new IllegalArgumentException(state.name());
        }
    }

    @Override
    public String hint(int httpStatus) {
        switch (httpStatus) {
            case 401: return "Use a repository or workspace access token (Bearer) or USERNAME:APP_PASSWORD.";
            case 403: return "The token needs write access to the repository (repository write scope).";
            case 404: return "Bitbucket Cloud also answers 404 when the token cannot see a private repository.";
            default: return "";
        }
    }

    @Override
    public void publish(CommitStatus status, StatusExchange exchange) {
        if (status.targetUrl() == null) {
            throw StatusException.badInput("Bitbucket requires the build's URL: pass --url (or run where BUILD_URL or"
                    + " bamboo_resultsUrl is set)");
        }
        String[] workspaceAndSlug = status.repository().split("/", 2);
        URI uri = exchange.resolve("/2.0/repositories/" + StatusExchange.segment(workspaceAndSlug[0]) + "/"
                + StatusExchange.segment(workspaceAndSlug[1]) + "/commit/" + status.sha() + "/statuses/build");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("Authorization", exchange.bearerOrBasic());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", status.context());
        body.put("state", nativeState(status.state()));
        body.put("url", status.targetUrl());
        body.put("name", status.context());
        body.put("description", status.description());
        body.put("refname", status.ref());
        exchange.send(HttpCall.postJson(uri, headers, StatusExchange.json(body)));
    }
}
