package io.nbci.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbci.status.LoopbackApi.Recorded;
import io.nbci.status.LoopbackApi.Reply;
import io.nbci.status.LoopbackApi.Shape;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.nio.charset.StandardCharsets;

/**
 * The request shapes the four vendors document, as checks a {@link LoopbackApi} applies. Each
 * mirrors the page cited on its provider class; the success replies copy the documented examples.
 */
public final class DocumentedShapes {
    public static final String SHA_PATTERN = "[0-9a-f]{40}";

    private DocumentedShapes() {
    }

    /** https://docs.github.com/en/rest/commits/statuses#create-a-commit-status */
    public static Shape github(String token, String prefix) {
        return new Shape() {
            @Override
            public String violation(Recorded r) {
                String common = common(r, "POST", prefix + "/repos/[^/]+/[^/]+/statuses/" + SHA_PATTERN);
                if (common != null) {
                    return common;
                }
                if (!("Bearer " + token).equals(r.header("Authorization"))) {
                    return "Authorization must be 'Bearer <token>'";
                }
                if (!"application/vnd.github+json".equals(r.header("Accept"))) {
                    return "Accept must be application/vnd.github+json, was " + r.header("Accept");
                }
                if (!"2022-11-28".equals(r.header("X-GitHub-Api-Version"))) {
                    return "X-GitHub-Api-Version must be 2022-11-28";
                }
                if (r.header("User-Agent") == null) {
                    return "GitHub requires a User-Agent header";
                }
                JsonNode body = r.json();
                String keys = onlyKeys(body, Set.of("state", "target_url", "description", "context"), Set.of("state"));
                if (keys != null) {
                    return keys;
                }
                if (!Set.of("error", "failure", "pending", "success").contains(body.path("state").asText())) {
                    return "state must be error, failure, pending or success, was " + body.path("state");
                }
                if (body.path("description").asText("").length() > 140) {
                    return "description is too long (maximum is 140 characters)";
                }
                return null;
            }

            @Override
            public Reply accepted(Recorded r) {
                JsonNode body = r.json();
                return Reply.of(201, "{\"url\":\"https://api.github.com/repos/octocat/Hello-World/statuses/"
                        + "6dcb09b5b57875f334f61aebed695e2e4193db5e\",\"id\":1,\"node_id\":\"MDY6U3RhdHVzMQ==\","
                        + "\"state\":\"" + body.path("state").asText() + "\",\"context\":\""
                        + body.path("context").asText() + "\",\"created_at\":\"2012-07-20T01:19:13Z\"}");
            }
        };
    }

    /**
     * https://developer.atlassian.com/server/bitbucket/how-tos/updating-build-status-for-commits (builds API,
     * 7.4+) and the legacy /rest/build-status/1.0 resource; {@code legacyOnly} emulates a server older than 7.4.
     */
    public static Shape bitbucketServer(String token, String prefix, boolean legacyOnly) {
        return new Shape() {
            @Override
            public String violation(Recorded r) {
                boolean builds = r.rawPath().matches(prefix + "/rest/api/latest/projects/[^/]+/repos/[^/]+/commits/"
                        + SHA_PATTERN + "/builds");
                if (builds && legacyOnly) {
                    return null; // answered 404 by accepted()
                }
                String common = builds ? common(r, "POST", r.rawPath())
                        : common(r, "POST", prefix + "/rest/build-status/1.0/commits/" + SHA_PATTERN);
                if (common != null) {
                    return common;
                }
                String auth = bearerOrBasic(r, token);
                if (auth != null) {
                    return auth;
                }
                if (!"application/json".equals(r.header("Accept"))) {
                    return "Accept must be application/json";
                }
                JsonNode body = r.json();
                if (builds) {
                    String keys = onlyKeys(body, Set.of("key", "state", "url", "buildNumber", "description", "duration",
                            "lastUpdated", "name", "parent", "ref", "testResults"), Set.of("key", "state", "url"));
                    if (keys != null) {
                        return keys;
                    }
                    if (!Set.of("INPROGRESS", "SUCCESSFUL", "FAILED", "CANCELLED", "UNKNOWN")
                            .contains(body.path("state").asText())) {
                        return "state must be INPROGRESS|SUCCESSFUL|FAILED|CANCELLED|UNKNOWN";
                    }
                    if (body.has("duration") && !body.path("duration").isIntegralNumber()) {
                        return "duration must be a number of milliseconds";
                    }
                    if (body.has("ref") && !body.path("ref").asText().startsWith("refs/")) {
                        return "ref must be a full ref name (refs/heads/...)";
                    }
                    if (body.has("testResults")) {
                        String tests = onlyKeys(body.path("testResults"), Set.of("failed", "skipped", "successful"),
                                Set.of());
                        if (tests != null) {
                            return "testResults: " + tests;
                        }
                    }
                } else {
                    String keys = onlyKeys(body, Set.of("state", "key", "name", "url", "description"),
                            Set.of("state", "key", "url"));
                    if (keys != null) {
                        return keys;
                    }
                    if (!Set.of("INPROGRESS", "SUCCESSFUL", "FAILED").contains(body.path("state").asText())) {
                        return "legacy state must be INPROGRESS|SUCCESSFUL|FAILED";
                    }
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    int limit = field.getKey().equals("url") ? 450 : 255;
                    if (field.getValue().isTextual() && field.getValue().asText().length() > limit) {
                        return field.getKey() + " is longer than " + limit + " characters";
                    }
                }
                return null;
            }

            @Override
            public Reply accepted(Recorded r) {
                if (legacyOnly && r.rawPath().contains("/rest/api/latest/")) {
                    return new Reply(404, Map.of("Content-Type", "text/html"),
                            "<html><body><h1>404 Not Found</h1></body></html>");
                }
                return new Reply(204, Map.of(), "");
            }
        };
    }

    /** https://developer.atlassian.com/cloud/bitbucket/rest/api-group-commit-statuses/ */
    public static Shape bitbucketCloud(String token, String prefix) {
        return new Shape() {
            @Override
            public String violation(Recorded r) {
                String common = common(r, "POST", prefix + "/2.0/repositories/[^/]+/[^/]+/commit/" + SHA_PATTERN
                        + "/statuses/build");
                if (common != null) {
                    return common;
                }
                String auth = bearerOrBasic(r, token);
                if (auth != null) {
                    return auth;
                }
                if (!"application/json".equals(r.header("Accept"))) {
                    return "Accept must be application/json";
                }
                JsonNode body = r.json();
                String keys = onlyKeys(body, Set.of("key", "state", "url", "name", "description", "refname"),
                        Set.of("key", "state", "url"));
                if (keys != null) {
                    return keys;
                }
                if (!Set.of("INPROGRESS", "SUCCESSFUL", "FAILED", "STOPPED").contains(body.path("state").asText())) {
                    return "state must be INPROGRESS|SUCCESSFUL|FAILED|STOPPED";
                }
                return null;
            }

            @Override
            public Reply accepted(Recorded r) {
                JsonNode body = r.json();
                return Reply.of(201, "{\"type\":\"build\",\"key\":\"" + body.path("key").asText() + "\",\"state\":\""
                        + body.path("state").asText() + "\",\"url\":\"" + body.path("url").asText() + "\"}");
            }
        };
    }

    /**
     * https://docs.gitlab.com/ee/api/commits.html#set-the-pipeline-status-of-a-commit ; like GitLab, refuses
     * to move a running or pending status to the same state again.
     */
    public static Shape gitlab(String token, String prefix) {
        Map<String, String> current = new HashMap<>();
        return new Shape() {
            @Override
            public String violation(Recorded r) {
                String common = common(r, "POST", prefix + "/api/v4/projects/[^/]+/statuses/" + SHA_PATTERN);
                if (common != null) {
                    return common;
                }
                if (!token.equals(r.header("PRIVATE-TOKEN"))) {
                    return "PRIVATE-TOKEN header must hold the token";
                }
                if (!"application/json".equals(r.header("Accept"))) {
                    return "Accept must be application/json";
                }
                JsonNode body = r.json();
                String keys = onlyKeys(body, Set.of("state", "ref", "name", "context", "target_url", "description",
                        "coverage", "pipeline_id"), Set.of("state"));
                if (keys != null) {
                    return keys;
                }
                if (!Set.of("pending", "running", "success", "failed", "canceled", "skipped")
                        .contains(body.path("state").asText())) {
                    return "state must be pending|running|success|failed|canceled|skipped";
                }
                return null;
            }

            @Override
            public synchronized Reply accepted(Recorded r) {
                JsonNode body = r.json();
                String key = r.rawPath() + "#" + body.path("name").asText("default");
                String state = body.path("state").asText();
                String before = current.put(key, state);
                if (state.equals(before) && (state.equals("running") || state.equals("pending"))) {
                    String event = state.equals("running") ? "run" : "enqueue";
                    return Reply.of(400, "{\"message\":\"Cannot transition status via :" + event + " from :" + state
                            + " (Reason(s): Status cannot transition via \\\"" + event + "\\\")\"}");
                }
                return Reply.of(201, "{\"id\":93,\"sha\":\"" + r.rawPath().replaceAll(".*/", "") + "\",\"status\":\""
                        + state + "\",\"name\":\"" + body.path("name").asText("default") + "\"}");
            }
        };
    }

    private static String common(Recorded r, String method, String pathPattern) {
        if (!method.equals(r.method())) {
            return "method must be " + method + ", was " + r.method();
        }
        if (!r.rawPath().matches(pathPattern)) {
            return "path " + r.rawPath() + " does not match " + pathPattern;
        }
        String type = r.header("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            return "Content-Type must be application/json, was " + type;
        }
        try {
            if (!LoopbackApi.JSON.readTree(r.body()).isObject()) {
                return "body must be a JSON object";
            }
        } catch (java.io.IOException e) {
            return "body is not JSON";
        }
        return null;
    }

    private static String bearerOrBasic(Recorded r, String token) {
        String expected = token.contains(":")
                ? "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8))
                : "Bearer " + token;
        return expected.equals(r.header("Authorization")) ? null
                : "Authorization must be " + (token.contains(":") ? "Basic" : "Bearer") + " with the token";
    }

    private static String onlyKeys(JsonNode body, Set<String> allowed, Set<String> required) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                return "unknown field '" + name + "' (documented: " + allowed + ")";
            }
            if (body.get(name).isNull()) {
                return "field '" + name + "' is null";
            }
        }
        for (String name : required) {
            if (!body.hasNonNull(name)) {
                return "required field '" + name + "' is missing";
            }
        }
        return null;
    }
}
