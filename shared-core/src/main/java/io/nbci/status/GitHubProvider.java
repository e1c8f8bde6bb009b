package io.nbci.status;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * GitHub (github.com) and GitHub Enterprise Server: the commit statuses API.
 *
 * <p>Checked against GitHub's published REST documentation:
 * <ul>
 * <li>https://docs.github.com/en/rest/commits/statuses#create-a-commit-status :
 *     {@code POST /repos/{owner}/{repo}/statuses/{sha}}, JSON body {@code state} (required; {@code error},
 *     {@code failure}, {@code pending}, {@code success}), {@code target_url}, {@code description},
 *     {@code context}; answers {@code 201 Created}; headers {@code Accept: application/vnd.github+json},
 *     {@code X-GitHub-Api-Version: 2022-11-28}, {@code Authorization: Bearer <token>}; the token needs the
 *     {@code repo:status} scope (classic) or "Commit statuses: write" (fine-grained).</li>
 * <li>https://docs.github.com/en/enterprise-server@3.10/rest/commits/statuses : the same endpoint on
 *     Enterprise Server, whose API root is {@code http(s)://HOSTNAME/api/v3}
 *     (https://docs.github.com/en/enterprise-server@3.7/rest/overview/resources-in-the-rest-api).</li>
 * </ul>
 * GitHub rejects descriptions longer than 140 characters with 422, so they are truncated to 140.
 */
public final class GitHubProvider extends BaseStatusProvider {
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

    public GitHubProvider() {
        super("github", "GitHub", "GITHUB_TOKEN", "https://api.github.com", "OWNER/NAME", REPOSITORY, 140);
    }

    @Override
    public Optional<URI> baseUrlFromRemote(RemoteUrl remote) {
        if (remote.host().equals("github.com") || remote.host().equals("www.github.com")) {
            return defaultBaseUrl();
        }
        return Optional.of(URI.create(remote.webRoot() + "/api/v3"));
    }

    @Override
    public Optional<String> repositoryFromRemote(RemoteUrl remote) {
        return twoSegments(remote);
    }

    @Override
    public String nativeState(StatusState state) {
        switch (state) {
            case PENDING: return "pending";
            case SUCCESS: return "success";
            case FAILURE: return "failure";
            case ERROR: return "error";
            default: throw new IllegalArgumentException(state.name());
        }
    }

    @Override
    public String hint(int httpStatus) {
        switch (httpStatus) {
            case 401: return "Use a personal access token or an installation token (sent as Bearer).";
            case 403: return "A classic token needs the repo:status scope; a fine-grained one \"Commit statuses: write\""
                    + " on this repository.";
            case 404: return "GitHub also answers 404 when the token cannot see a private repository.";
            default: return "";
        }
    }

    @Override
    public void publish(CommitStatus status, StatusExchange exchange) {
        URI base = exchange.baseUrl();
        if (!"api.github.com".equals(base.getHost()) && !base.getPath().endsWith("/api/v3")) {
            exchange.log().warn("the GitHub Enterprise Server API root is usually https://HOST/api/v3; " + base
                    + " does not end with /api/v3");
        }
        URI uri = exchange.resolve("/repos/" + pathOf(status.repository(), "/") + "/statuses/" + status.sha());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/vnd.github+json");
        headers.put("X-GitHub-Api-Version", "2022-11-28");
        headers.put("Authorization", "Bearer " + exchange.token().reveal());
        headers.put("User-Agent", "nbci");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", nativeState(status.state()));
        body.put("target_url", status.targetUrl());
        body.put("description", status.description());
        body.put("context", status.context());
        exchange.send(HttpCall.postJson(uri, headers, StatusExchange.json(body)));
    }
}
