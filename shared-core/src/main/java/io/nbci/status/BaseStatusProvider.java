package io.nbci.status;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the built-in providers share: their fixed facts (names, token variable, API root,
 * repository shape, description limit) and the request pieces more than one of them builds.
 * Each provider still writes its own request (path, headers, body) after its cited documentation.
 */
abstract class BaseStatusProvider implements StatusProvider {
    private final String name;
    private final String displayName;
    private final String defaultTokenVariable;
    private final Optional<URI> defaultBaseUrl;
    private final String repositoryFormat;
    private final Pattern repository;
    private final int descriptionLimit;

    BaseStatusProvider(String name, String displayName, String defaultTokenVariable, String defaultBaseUrl,
            String repositoryFormat, Pattern repository, int descriptionLimit) {
        this.name = name;
        this.displayName = displayName;
        this.defaultTokenVariable = defaultTokenVariable;
        this.defaultBaseUrl = Optional.ofNullable(defaultBaseUrl).map(URI::create);
        this.repositoryFormat = repositoryFormat;
        this.repository = repository;
        this.descriptionLimit = descriptionLimit;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public String defaultTokenVariable() {
        return defaultTokenVariable;
    }

    @Override
    public Optional<URI> defaultBaseUrl() {
        return defaultBaseUrl;
    }

    @Override
    public String repositoryFormat() {
        return repositoryFormat;
    }

    @Override
    public boolean acceptsRepository(String repository) {
        return this.repository.matcher(repository).matches();
    }

    @Override
    public int descriptionLimit() {
        return descriptionLimit;
    }

    /** {@code FIRST/SECOND} from a clone URL with exactly two path segments, else empty. */
    static Optional<String> twoSegments(RemoteUrl remote) {
        if (remote.segments().size() != 2) {
            return Optional.empty();
        }
        return Optional.of(remote.segments().get(0) + "/" + remote.segments().get(1));
    }

    /** A {@code FIRST/SECOND} repository name as two URL path segments, each encoded. */
    static String pathOf(String repository, String between) {
        String[] parts = repository.split("/", 2);
        return StatusExchange.segment(parts[0]) + between + StatusExchange.segment(parts[1]);
    }

    /** Bitbucket (Cloud and Server) states: there is no separate error state. */
    static String bitbucketState(StatusState state) {
        switch (state) {
            case PENDING: return "INPROGRESS";
            case SUCCESS: return "SUCCESSFUL";
            case FAILURE: return "FAILED";
            case ERROR: return "FAILED";
            default: throw new IllegalArgumentException(state.name());
        }
    }

    /** Bitbucket (Cloud and Server) needs the build's URL; the headers both send (Bearer or Basic). */
    static Map<String, String> bitbucketHeaders(CommitStatus status, StatusExchange exchange) {
        if (status.targetUrl() == null) {
            throw StatusException.badInput("Bitbucket requires the build's URL: pass --url (or run where BUILD_URL or"
                    + " bamboo_resultsUrl is set)");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("Authorization", exchange.bearerOrBasic());
        return headers;
    }
}
