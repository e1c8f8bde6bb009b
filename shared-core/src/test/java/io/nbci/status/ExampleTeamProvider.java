package io.nbci.status;

import java.net.URI;
import java.util.Optional;

/**
 * A provider a team could add without changing nbci: declared in the test classpath's
 * {@code META-INF/services/io.nbci.status.StatusProvider}, found by {@link StatusProviders#withServiceLoader}.
 */
public final class ExampleTeamProvider implements StatusProvider {

    @Override
    public String name() {
        return "example-team";
    }

    @Override
    public String displayName() {
        return "Example team host";
    }

    @Override
    public String defaultTokenVariable() {
        return "EXAMPLE_TOKEN";
    }

    @Override
    public Optional<URI> defaultBaseUrl() {
        return Optional.empty();
    }

    @Override
    public String repositoryFormat() {
        return "NAME";
    }

    @Override
    public boolean acceptsRepository(String repository) {
        return !repository.isBlank();
    }

    @Override
    public Optional<URI> baseUrlFromRemote(RemoteUrl remote) {
        return Optional.of(remote.webRoot());
    }

    @Override
    public Optional<String> repositoryFromRemote(RemoteUrl remote) {
        return Optional.of(String.join("/", remote.segments()));
    }

    @Override
    public int descriptionLimit() {
        return 50;
    }

    @Override
    public String nativeState(StatusState state) {
        return state.cliName();
    }

    @Override
    public void publish(CommitStatus status, StatusExchange exchange) {
        exchange.send(HttpCall.postJson(exchange.resolve("/status/" + status.sha()), java.util.Map.of(
                "Authorization", exchange.bearerOrBasic()), StatusExchange.json(java.util.Map.of(
                "state", nativeState(status.state())))));
    }
}
