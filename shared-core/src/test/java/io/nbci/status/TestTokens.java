package io.nbci.status;

import java.util.List;

/** The tokens the tests use: distinctive strings, so a leak into any output can be found by grep. */
public final class TestTokens {
    public static final String GITHUB = "ghp_nbciLeakCanary0000GitHubToken1234";
    public static final String BITBUCKET_SERVER = "BBDC-nbciLeakCanaryDataCenterToken5678";
    public static final String BITBUCKET_CLOUD = "nbci-bot:nbciLeakCanaryAppPassword9012";
    public static final String GITLAB = "glpat-nbciLeakCanaryGitLab3456";

    /** Every token and every encoding of one that could reach a wire header (Basic auth). */
    public static List<String> all() {
        return List.of(GITHUB, BITBUCKET_SERVER, BITBUCKET_CLOUD, GITLAB, "nbciLeakCanaryAppPassword9012",
                java.util.Base64.getEncoder().encodeToString(BITBUCKET_CLOUD.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private TestTokens() {
    }
}
