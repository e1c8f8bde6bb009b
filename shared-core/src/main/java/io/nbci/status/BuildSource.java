package io.nbci.status;

import java.util.Optional;

/**
 * What nbci found out about the commit being built: repository, SHA, branch, the build's URL
 * and number, and where each came from (so a wrong value can be traced to its source).
 *
 * @param repository       repository in the provider's format, or null when not found
 * @param repositoryOrigin where it came from, e.g. {@code --repo}, {@code GIT_URL}, {@code git remote origin}
 * @param sha              commit hash, or null
 * @param shaOrigin        where it came from, e.g. {@code GIT_COMMIT}, {@code git HEAD}
 * @param ref              branch name, or null
 * @param buildUrl         the build's page, or null
 * @param buildNumber      the CI's build number, or null
 * @param remote           the clone URL nbci parsed, or null
 */
public record BuildSource(String repository, String repositoryOrigin, String sha, String shaOrigin, String ref,
        String buildUrl, String buildNumber, RemoteUrl remote) {

    public Optional<RemoteUrl> remoteUrl() {
        return Optional.ofNullable(remote);
    }
}
