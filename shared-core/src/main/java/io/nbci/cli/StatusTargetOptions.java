package io.nbci.cli;

import picocli.CommandLine.Option;

/** The options that say where a commit status goes; shared by {@code nbci status} and {@code nbci gate}. */
public final class StatusTargetOptions {

    @Option(names = "--provider", required = true, paramLabel = "PROVIDER",
            description = "github, bitbucket-server, bitbucket-cloud, gitlab (or one added through ServiceLoader).")
    String provider;

    @Option(names = "--context", required = true, paramLabel = "NAME",
            description = "The check's name: the one branch protection or merge checks require (e.g. nbci/notebooks).")
    String context;

    @Option(names = "--url", paramLabel = "BUILD_URL",
            description = "The build's page. Default: BUILD_URL (Jenkins) or bamboo_resultsUrl (Bamboo).")
    String url;

    @Option(names = "--sha", paramLabel = "SHA",
            description = "The commit. Default: GIT_COMMIT, bamboo_planRepository_revision, then git HEAD.")
    String sha;

    @Option(names = "--repo", paramLabel = "REPOSITORY",
            description = "OWNER/NAME (GitHub), PROJECT/SLUG (Bitbucket Data Center), WORKSPACE/SLUG (Bitbucket Cloud), "
                    + "GROUP/PROJECT or id (GitLab). Default: parsed from GIT_URL, "
                    + "bamboo_planRepository_repositoryUrl, CHANGE_URL, then git remote origin.")
    String repo;

    @Option(names = "--ref", paramLabel = "BRANCH",
            description = "The branch. Default: CHANGE_BRANCH, BRANCH_NAME, GIT_BRANCH, bamboo_repository_pr_sourceBranch,"
                    + " bamboo_planRepository_branchName, then git.")
    String ref;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "API root of a self-hosted server, e.g. https://github.example.com/api/v3, "
                    + "https://bitbucket.example.com, https://gitlab.example.com. Default: the public service, or "
                    + "derived from the clone URL.")
    String baseUrl;

    @Option(names = "--token-env", paramLabel = "VAR",
            description = "Environment variable holding the token. Default: GITHUB_TOKEN, BITBUCKET_TOKEN or "
                    + "GITLAB_TOKEN by provider.")
    String tokenEnv;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the token (one line).")
    java.nio.file.Path tokenFile;

    @Option(names = "--token", hidden = true, paramLabel = "IGNORED")
    String tokenOnCommandLine;

    @Option(names = "--retry-for", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long to keep retrying a status the server does not accept (5xx, 429, no connection). "
                    + "Default: ${DEFAULT-VALUE}.")
    long retryForSeconds;
}
