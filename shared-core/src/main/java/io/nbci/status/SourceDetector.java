package io.nbci.status;

import io.nbci.common.LogSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds the repository, commit, branch and build URL to report on, in this order: explicit
 * values (flags), then the CI's variables (Jenkins {@code GIT_COMMIT}, {@code GIT_URL},
 * {@code CHANGE_URL}, {@code CHANGE_BRANCH}, {@code BRANCH_NAME}, {@code GIT_BRANCH}, {@code BUILD_URL},
 * {@code BUILD_NUMBER}; Bamboo {@code bamboo_planRepository_revision},
 * {@code bamboo_planRepository_repositoryUrl}, {@code bamboo_planRepository_branchName},
 * {@code bamboo_resultsUrl}, {@code bamboo_buildNumber}), then git in the working directory
 * ({@code git rev-parse HEAD}, {@code git remote get-url origin}).
 *
 * <p>With Jenkins' "merge with the target branch" pull-request strategy {@code GIT_COMMIT} is
 * a local merge commit the server does not know: pass {@code --sha} with the head commit then.
 */
public final class SourceDetector {
    /** The pull-request part of a CHANGE_URL on GitHub, Bitbucket (both) and GitLab. */
    private static final String CHANGE_PAGE = "(/-)?/(pull|pull-requests|merge_requests)/[0-9]+.*$";

    private final Map<String, String> env;
    private final Path workingDirectory;
    private final LogSink log;

    public SourceDetector(Map<String, String> env, Path workingDirectory, LogSink log) {
        this.env = Map.copyOf(env);
        this.workingDirectory = workingDirectory;
        this.log = log;
    }

    /**
     * Detects what was not given explicitly.
     *
     * @param provider      turns a clone URL into a repository name
     * @param repository    {@code --repo}, or null
     * @param sha           {@code --sha}, or null
     * @param ref           {@code --ref}, or null
     * @param buildUrl      {@code --url}, or null
     */
    public BuildSource detect(StatusProvider provider, String repository, String sha, String ref, String buildUrl) {
        String remoteText = first("GIT_URL", "bamboo_planRepository_repositoryUrl", "bamboo_planRepository_1_repositoryUrl");
        String remoteOrigin = remoteText != null ? originOf(remoteText, "GIT_URL", "bamboo_planRepository_repositoryUrl",
                "bamboo_planRepository_1_repositoryUrl") : null;
        if (remoteText == null && env.get("CHANGE_URL") != null && !env.get("CHANGE_URL").isBlank()) {
            // Jenkins multibranch pull-request builds: the pull request's page names the repository
            remoteText = env.get("CHANGE_URL").strip().replaceFirst(CHANGE_PAGE, "");
            remoteOrigin = "CHANGE_URL";
        }
        if (remoteText == null) {
            remoteText = git("remote", "get-url", "origin").orElse(null);
            remoteOrigin = "git remote origin";
        }
        RemoteUrl remote = RemoteUrl.parse(remoteText).orElse(null);

        String repositoryOrigin = "--repo";
        if (repository == null && remote != null) {
            repository = provider.repositoryFromRemote(remote).orElse(null);
            repositoryOrigin = remoteOrigin;
        }

        String shaOrigin = "--sha";
        if (sha == null) {
            String[] names = {"GIT_COMMIT", "bamboo_planRepository_revision", "bamboo_planRepository_1_revision"};
            sha = first(names);
            shaOrigin = sha != null ? originOf(sha, names) : null;
        }
        if (sha == null) {
            sha = git("rev-parse", "HEAD").orElse(null);
            shaOrigin = "git HEAD";
        }

        if (ref == null) {
            ref = first("CHANGE_BRANCH", "BRANCH_NAME", "bamboo_repository_pr_sourceBranch",
                    "bamboo_planRepository_branchName");
        }
        if (ref == null && env.get("GIT_BRANCH") != null) {
            ref = env.get("GIT_BRANCH").replaceFirst("^(refs/heads/|refs/remotes/origin/|origin/)", "");
        }
        if (ref == null) {
            ref = git("rev-parse", "--abbrev-ref", "HEAD").filter(b -> !b.equals("HEAD")).orElse(null);
        }
        if (buildUrl == null) {
            buildUrl = first("BUILD_URL", "bamboo_resultsUrl", "bamboo_buildResultsUrl");
        }
        String buildNumber = first("BUILD_NUMBER", "bamboo_buildNumber");
        if (sha != null) {
            log.debug("commit " + sha + " (from " + shaOrigin + ")");
        }
        if (repository != null) {
            log.debug("repository " + repository + " (from " + repositoryOrigin + ")");
        }
        return new BuildSource(repository, repository == null ? null : repositoryOrigin, sha,
                sha == null ? null : shaOrigin, ref, buildUrl, buildNumber, remote);
    }

    private String first(String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private String originOf(String value, String... names) {
        for (String name : names) {
            if (value.equals(env.get(name) == null ? null : env.get(name).strip())) {
                return name;
            }
        }
        return names[0];
    }

    private Optional<String> git(String... args) {
        List<String> command = new java.util.ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            if (process.exitValue() != 0) {
                return Optional.empty();
            }
            String text = new String(out, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (IOException e) {
            log.debug("git is not available: " + e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
