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
public final class BitbucketCloudProvider extends BaseStatusProvider {
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.{}-]+/[A-Za-z0-9_.{}-]+");

    public BitbucketCloudProvider() {
        super("bitbucket-cloud", "Bitbucket Cloud", "BITBUCKET_TOKEN", "https://api.bitbucket.org", "WORKSPACE/REPO_SLUG", REPOSITORY, 255);
    }

    @Override
    public Optional<URI> baseUrlFromRemote(RemoteUrl remote) {
        return defaultBaseUrl();
    }

    @Override
    public Optional<String> repositoryFromRemote(RemoteUrl remote) {
        return twoSegments(remote);
    }

    @Override
    public String nativeState(StatusState state) {
        return bitbucketState(state);
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
        Map<String, String> headers = bitbucketHeaders(status, exchange);
        URI uri = exchange.resolve("/2.0/repositories/" + pathOf(status.repository(), "/") + "/commit/"
                + status.sha() + "/statuses/build");
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
