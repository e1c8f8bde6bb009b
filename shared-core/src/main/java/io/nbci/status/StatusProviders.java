package io.nbci.status;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The status providers nbci knows, by name. An instance is seeded with the built-in four
 * ({@code github}, {@code bitbucket-server}, {@code bitbucket-cloud}, {@code gitlab}); a team
 * adds its own by putting an implementation's class name in
 * {@code META-INF/services/io.nbci.status.StatusProvider} on the classpath
 * ({@link #withServiceLoader(ClassLoader)}) or in code with {@link #plus(StatusProvider)}.
 * Instances are immutable; there is no global registry.
 *
 * <pre>{@code
 * StatusProvider github = StatusProviders.withServiceLoader(getClass().getClassLoader()).get("github");
 * }</pre>
 */
public final class StatusProviders {
    private final Map<String, StatusProvider> byName;

    /** The built-in providers. */
    public StatusProviders() {
        this(defaults());
    }

    private StatusProviders(Map<String, StatusProvider> byName) {
        this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }

    private static Map<String, StatusProvider> defaults() {
        Map<String, StatusProvider> map = new LinkedHashMap<>();
        for (StatusProvider provider : List.of(new GitHubProvider(), new BitbucketServerProvider(),
                new BitbucketCloudProvider(), new GitLabProvider())) {
            map.put(provider.name(), provider);
        }
        return map;
    }

    /** The built-in providers plus every one {@link ServiceLoader} finds through {@code loader}. */
    public static StatusProviders withServiceLoader(ClassLoader loader) {
        StatusProviders providers = new StatusProviders();
        for (StatusProvider provider : ServiceLoader.load(StatusProvider.class, loader)) {
            providers = providers.plus(provider);
        }
        return providers;
    }

    /** A registry with {@code provider} added (replacing one of the same name). */
    public StatusProviders plus(StatusProvider provider) {
        String name = provider.name();
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("status provider " + provider.getClass().getName()
                    + " has an invalid name '" + name + "': expected lower-case letters, digits and dashes");
        }
        Map<String, StatusProvider> map = new LinkedHashMap<>(byName);
        map.put(name, provider);
        return new StatusProviders(map);
    }

    /** The provider called {@code name}; names the known ones when there is none. */
    public StatusProvider get(String name) {
        StatusProvider provider = name == null ? null : byName.get(name.strip().toLowerCase(Locale.ROOT));
        if (provider == null) {
            throw StatusException.badInput("unknown status provider '" + name + "': expected one of "
                    + String.join(", ", byName.keySet()));
        }
        return provider;
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public Collection<StatusProvider> all() {
        return byName.values();
    }
}
