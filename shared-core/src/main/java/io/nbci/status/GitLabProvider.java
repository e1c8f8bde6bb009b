package io.nbci.status;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * GitLab (gitlab.com and self-managed): the commit status API.
 *
 * <p>Checked against GitLab's published REST documentation:
 * <ul>
 * <li>https://docs.gitlab.com/ee/api/commits.html#set-the-pipeline-status-of-a-commit :
 *     {@code POST /api/v4/projects/:id/statuses/:sha} where {@code id} is the numeric id or the URL-encoded
 *     path ({@code group%2Fproject}); attributes {@code state} (required; {@code pending}, {@code running},
 *     {@code success}, {@code failed}, {@code canceled}, {@code skipped}), {@code ref}, {@code name}
 *     (alias {@code context}), {@code target_url}, {@code description}, {@code coverage},
 *     {@code pipeline_id}; answers {@code 201 Created}; token in the {@code PRIVATE-TOKEN} header.</li>
 * <li>https://docs.gitlab.com/ee/api/rest/ : parameters may be sent as a JSON body with
 *     {@code Content-Type: application/json}, which is what this class does.</li>
 * </ul>
 * nbci's {@code pending} means "the work has started", so it is sent as GitLab's {@code running}.
 * GitLab refuses to move a status to the state it is already in ({@code 400 Cannot transition
 * status via :run from :running}); that answer is treated as "already posted".
 */
public final class GitLabProvider extends BaseStatusProvider {
    private static final Pattern REPOSITORY = Pattern.compile("[0-9]+|[^/\\s]+(/[^/\\s]+)+");

    public GitLabProvider() {
        super("gitlab", "GitLab", "GITLAB_TOKEN", "https://gitlab.com", "GROUP[/SUBGROUP]/PROJECT or a numeric project id", REPOSITORY, 255);
    }

    @Override
    public Optional<URI> baseUrlFromRemote(RemoteUrl remote) {
        return Optional.of(remote.webRoot());
    }

    @Override
    public Optional<String> repositoryFromRemote(RemoteUrl remote) {
        if (remote.segments().size() < 2) {
            return Optional.empty();
        }
        return Optional.of(String.join("/", remote.segments()));
    }

    @Override
    public String nativeState(StatusState state) {
        switch (state) {
            case PENDING: return "running";
            case SUCCESS: return "success";
            case FAILURE: return "failed";
            case ERROR: return "failed";
            default: throw new IllegalArgumentException(state.name());
        }
    }

    @Override
    public String hint(int httpStatus) {
        switch (httpStatus) {
            case 401: return "Use a personal, project or group access token with the api scope.";
            case 403: return "The token needs the api scope and at least the Developer role on the project.";
            case 404: return "GitLab also answers 404 when the token cannot see the project.";
            default: return "";
        }
    }

    @Override
    public void publish(CommitStatus status, StatusExchange exchange) {
        URI uri = exchange.resolve("/api/v4/projects/" + StatusExchange.segment(status.repository()) + "/statuses/"
                + status.sha());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("PRIVATE-TOKEN", exchange.token().reveal());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", nativeState(status.state()));
        body.put("name", status.context());
        body.put("ref", status.ref());
        body.put("target_url", status.targetUrl());
        body.put("description", status.description());
        HttpCall call = HttpCall.postJson(uri, headers, StatusExchange.json(body));
        HttpReply reply = exchange.send(call, 400);
        if (reply.status() == 400) {
            if (reply.body().contains("Cannot transition status")
                    && reply.body().contains("from :" + nativeState(status.state()))) {
                exchange.log().info("GitLab already has '" + status.context() + "' as " + nativeState(status.state())
                        + " on this commit; nothing to change");
                return;
            }
            throw exchange.failure(call, reply);
        }
    }
}
