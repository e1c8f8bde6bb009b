package io.nbci.status;

import java.net.URI;
import java.util.Optional;

/**
 * One code host's commit-status API (GitHub, Bitbucket Data Center, Bitbucket Cloud,
 * GitLab, or one a team adds). An implementation only knows its wire format: the URL, the
 * headers, the JSON body and its state words. Retries, backoff, error messages, token
 * masking and description truncation are done once for all of them by {@link StatusPublisher}.
 *
 * <p>Implementations are found by {@link #name()} in a {@link StatusProviders} registry,
 * which is seeded with the built-in ones and extended through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.nbci.status.StatusProvider}). Every implementation must pass
 * the shared contract test ({@code AbstractStatusProviderIT}).
 */
public interface StatusProvider {

    /** The name used on the command line and in configuration, e.g. {@code github}. */
    String name();

    /** The name shown to people, e.g. {@code GitHub}. */
    String displayName();

    /** The environment variable the token is read from when none is named. */
    String defaultTokenVariable();

    /** The public service's API root, or empty when the server must be named (self-hosted only). */
    Optional<URI> defaultBaseUrl();

    /** What a repository name looks like, for messages, e.g. {@code OWNER/NAME}. */
    String repositoryFormat();

    /** Whether {@code repository} has this provider's shape. */
    boolean acceptsRepository(String repository);

    /** The API root that serves a clone URL's host (for example GitHub Enterprise's {@code /api/v3}). */
    Optional<URI> baseUrlFromRemote(RemoteUrl remote);

    /** The repository a clone URL points at, in this provider's format, if the URL has the expected shape. */
    Optional<String> repositoryFromRemote(RemoteUrl remote);

    /** The longest description the API accepts; longer ones are truncated before posting. */
    int descriptionLimit();

    /** This API's word for a state. */
    String nativeState(StatusState state);

    /** What to check when the server answered {@code httpStatus} (401, 403, 404, 422), or empty. */
    default String hint(int httpStatus) {
        return "";
    }

    /**
     * Sends {@code status} through {@code exchange}. Returns normally once the server accepted
     * it; otherwise the exchange has already thrown a {@link StatusException}.
     */
    void publish(CommitStatus status, StatusExchange exchange);
}
