package io.nbci.status;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Bitbucket Server and Data Center: the builds API of 7.4 and later, falling back to the
 * legacy build-status API for older servers.
 *
 * <p>Checked against Atlassian's published documentation:
 * <ul>
 * <li>https://developer.atlassian.com/server/bitbucket/how-tos/updating-build-status-for-commits :
 *     {@code POST {base}/rest/api/latest/projects/{projectKey}/repos/{repositorySlug}/commits/{commitId}/builds}
 *     with JSON {@code key}, {@code state} ({@code INPROGRESS|SUCCESSFUL|FAILED|CANCELLED|UNKNOWN}),
 *     {@code url} (these three required), {@code buildNumber}, {@code description}, {@code duration},
 *     {@code lastUpdated}, {@code name}, {@code parent}, {@code ref}, {@code testResults}
 *     ({@code failed}, {@code skipped}, {@code successful}); answers {@code 204 No Content}.</li>
 * <li>https://developer.atlassian.com/server/bitbucket/rest/v807/api-group-builds-and-deployments/ : the
 *     same resource in the REST reference.</li>
 * <li>https://docs.atlassian.com/bitbucket-server/docs/4.14.4/how-tos/updating-build-status-for-commits.html
 *     and https://developer.atlassian.com/server/bitbucket/rest/v803/api-group-build-status : the legacy
 *     {@code POST {base}/rest/build-status/1.0/commits/{commitId}} with {@code state}
 *     ({@code INPROGRESS|SUCCESSFUL|FAILED}), {@code key}, {@code url} (required), {@code name},
 *     {@code description}; every field at most 255 characters, {@code url} at most 450.</li>
 * </ul>
 * A server older than 7.4 answers the builds resource with 404 and no Bitbucket error for the
 * project, repository or commit; then the legacy resource is used, and remembered for that
 * server. A 404 that names a missing project, repository or commit is a real error.
 * Authentication: {@code Authorization: Bearer <HTTP access token>}, or Basic when the secret
 * is {@code user:password}.
 */
public final class BitbucketServerProvider extends BaseStatusProvider {
    private static final Pattern REPOSITORY = Pattern.compile("~?[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    private static final List<String> MISSING = List.of("NoSuchProjectException", "NoSuchRepositoryException",
            "NoSuchCommitException", "NoSuchChangesetException");

    private final Set<URI> legacyServers = ConcurrentHashMap.newKeySet();

    public BitbucketServerProvider() {
        super("bitbucket-server", "Bitbucket Data Center", "BITBUCKET_TOKEN", null, "PROJECT/SLUG (or ~USER/SLUG)", REPOSITORY, 255);
    }

    @Override
    public Optional<URI> baseUrlFromRemote(RemoteUrl remote) {
        List<String> segments = remote.segments();
        if (remote.isHttp()) {
            int scm = segments.indexOf("scm");
            int projects = segments.indexOf("projects");
            int cut = scm >= 0 ? scm : projects >= 0 ? projects : segments.size() - 2;
            if (cut < 0) {
                return Optional.empty();
            }
            String context = cut == 0 ? "" : "/" + String.join("/", segments.subList(0, cut));
            return Optional.of(URI.create(remote.webRoot() + context));
        }
        return Optional.of(remote.webRoot());
    }

    @Override
    public Optional<String> repositoryFromRemote(RemoteUrl remote) {
        List<String> segments = remote.segments();
        int projects = segments.indexOf("projects");
        if (projects >= 0 && segments.size() > projects + 3 && segments.get(projects + 2).equals("repos")) {
            return Optional.of(segments.get(projects + 1) + "/" + segments.get(projects + 3));
        }
        if (segments.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(segments.get(segments.size() - 2) + "/" + segments.get(segments.size() - 1));
    }

    @Override
    public String nativeState(StatusState state) {
        return bitbucketState(state);
    }

    @Override
    public String hint(int httpStatus) {
        switch (httpStatus) {
            case 401: return "Use an HTTP access token (sent as Bearer) or USER:PASSWORD in the secret.";
            case 403: return "The token needs at least read permission (REPO_READ) on the repository.";
            default: return "";
        }
    }

    @Override
    public void publish(CommitStatus status, StatusExchange exchange) {
        Map<String, String> headers = bitbucketHeaders(status, exchange);
        if (!legacyServers.contains(exchange.baseUrl())) {
            URI builds = exchange.resolve("/rest/api/latest/projects/" + pathOf(status.repository(), "/repos/")
                    + "/commits/" + status.sha() + "/builds");
            HttpCall call = HttpCall.postJson(builds, headers, StatusExchange.json(buildsBody(status)));
            HttpReply reply = exchange.send(call, 404, 405);
            if (reply.successful()) {
                return;
            }
            if (MISSING.stream().anyMatch(reply.body()::contains)) {
                throw exchange.failure(call, reply);
            }
            exchange.log().warn("Bitbucket at " + exchange.baseUrl() + " has no builds API (HTTP " + reply.status()
                    + "; it arrived in 7.4): using the legacy /rest/build-status/1.0 API instead");
            legacyServers.add(exchange.baseUrl());
        }
        URI legacy = exchange.resolve("/rest/build-status/1.0/commits/" + status.sha());
        exchange.send(HttpCall.postJson(legacy, headers, StatusExchange.json(legacyBody(status))));
    }

    private Map<String, Object> buildsBody(CommitStatus status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", cut(status.context(), 255));
        body.put("state", nativeState(status.state()));
        body.put("url", cut(status.targetUrl(), 450));
        body.put("name", cut(status.context(), 255));
        body.put("description", status.description());
        body.put("ref", status.ref() == null ? null
                : status.ref().startsWith("refs/") ? status.ref() : "refs/heads/" + status.ref());
        body.put("buildNumber", cut(status.buildNumber(), 255));
        body.put("duration", status.durationMillis());
        if (status.testCounts() != null) {
            Map<String, Object> tests = new LinkedHashMap<>();
            tests.put("successful", status.testCounts().successful());
            tests.put("failed", status.testCounts().failed());
            tests.put("skipped", status.testCounts().skipped());
            body.put("testResults", tests);
        }
        return body;
    }

    private Map<String, Object> legacyBody(CommitStatus status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", nativeState(status.state()));
        body.put("key", cut(status.context(), 255));
        body.put("name", cut(status.context(), 255));
        body.put("url", cut(status.targetUrl(), 450));
        body.put("description", status.description());
        return body;
    }

    static String cut(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit);
    }
}
