package io.nbci.localcluster;

import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.apache.maven.settings.Mirror;
import org.apache.maven.settings.Profile;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsBuilderFactory;
import org.apache.maven.settings.building.DefaultSettingsBuildingRequest;
import org.apache.maven.settings.building.SettingsBuildingException;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;

/**
 * Resolves an artifact and its runtime dependencies the way Maven would for this user: the
 * local repository, mirrors, server credentials, proxies, active profiles' repositories and
 * offline mode of {@code ~/.m2/settings.xml} (and the global settings of {@code $MAVEN_HOME}).
 * Repositories declared inside dependency POMs are ignored: only Maven Central and what the
 * settings name are contacted. Encrypted passwords ({@code {...}}) are not supported.
 */
public final class RuntimeResolver {

    static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private final Settings settings;
    private final Path localRepository;
    private final boolean offline;
    private final LogSink log;

    public RuntimeResolver(Settings settings, Path localRepository, boolean offline, LogSink log) {
        this.settings = settings;
        this.localRepository = localRepository;
        this.offline = offline;
        this.log = log;
    }

    /** Reads ~/.m2/settings.xml (or {@code -Dnbci.maven.settings}) and the global settings, if present. */
    public static RuntimeResolver fromUserSettings(LogSink log) {
        return fromSettings(Path.of(System.getProperty("nbci.maven.settings",
                System.getProperty("user.home") + "/.m2/settings.xml")), false, log);
    }

    public static RuntimeResolver fromSettings(Path userSettings, boolean forceOffline, LogSink log) {
        DefaultSettingsBuildingRequest request = new DefaultSettingsBuildingRequest();
        request.setSystemProperties(System.getProperties());
        if (userSettings.toFile().isFile()) {
            request.setUserSettingsFile(userSettings.toFile());
        }
        String mavenHome = System.getenv("MAVEN_HOME");
        if (mavenHome != null && new File(mavenHome, "conf/settings.xml").isFile()) {
            request.setGlobalSettingsFile(new File(mavenHome, "conf/settings.xml"));
        }
        Settings settings;
        try {
            settings = new DefaultSettingsBuilderFactory().newInstance().build(request).getEffectiveSettings();
        } catch (SettingsBuildingException e) {
            throw new ClusterException(ExitCode.BAD_INPUT, "invalid Maven settings " + userSettings + ": "
                    + e.getMessage());
        }
        String local = settings.getLocalRepository();
        Path localRepository = local == null || local.isBlank()
                ? Path.of(System.getProperty("user.home"), ".m2", "repository") : Path.of(local);
        return new RuntimeResolver(settings, localRepository, forceOffline || settings.isOffline(), log);
    }

    public Path localRepository() {
        return localRepository;
    }

    /** The jars of {@code coordinates} (groupId:artifactId:version) and its runtime dependencies, the artifact first. */
    public List<Path> resolve(String coordinates) {
        RepositorySystem system = new RepositorySystemSupplier().get();
        try {
            DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
            session.setLocalRepositoryManager(system.newLocalRepositoryManager(session,
                    new LocalRepository(localRepository.toFile())));
            session.setOffline(offline);
            session.setIgnoreArtifactDescriptorRepositories(true);
            session.setMirrorSelector(mirrors());
            session.setAuthenticationSelector(credentials());
            session.setProxySelector(proxies());
            session.setSystemProperties(System.getProperties());
            List<RemoteRepository> repositories = system.newResolutionRepositories(session, repositories());
            log.info("resolving cluster runtime " + coordinates + (offline ? " (offline)" : "")
                    + " into " + localRepository);
            CollectRequest collect = new CollectRequest(new Dependency(new DefaultArtifact(coordinates),
                    JavaScopes.RUNTIME), repositories);
            DependencyRequest request = new DependencyRequest(collect,
                    DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
            List<Path> jars = new ArrayList<>();
            for (ArtifactResult result : system.resolveDependencies(session, request).getArtifactResults()) {
                jars.add(result.getArtifact().getFile().toPath());
            }
            return List.copyOf(jars);
        } catch (DependencyResolutionException e) {
            throw new ClusterException("cannot resolve the cluster runtime " + coordinates + " from "
                    + (offline ? "the local repository " + localRepository + " (offline)"
                    : "Maven Central and the repositories of your Maven settings") + ": " + e.getMessage()
                    + (offline ? "; run 'nbci cluster fetch' on a machine with access first" : "")
                    + (coordinates.endsWith("-SNAPSHOT") ? "; a development build's runtime is not on Maven Central:"
                    + " run 'mvn install' in the nbci repository, or set " + RuntimeClasspath.ENV : ""), e);
        } finally {
            system.shutdown();
        }
    }

    private List<RemoteRepository> repositories() {
        List<RemoteRepository> repositories = new ArrayList<>();
        repositories.add(new RemoteRepository.Builder("central", "default", CENTRAL).build());
        List<String> active = settings.getActiveProfiles();
        for (Profile profile : settings.getProfiles()) {
            boolean byDefault = profile.getActivation() != null && profile.getActivation().isActiveByDefault();
            if (active.contains(profile.getId()) || byDefault) {
                for (org.apache.maven.settings.Repository repository : profile.getRepositories()) {
                    repositories.add(new RemoteRepository.Builder(repository.getId(), "default",
                            repository.getUrl()).build());
                }
            }
        }
        return repositories;
    }

    private DefaultMirrorSelector mirrors() {
        DefaultMirrorSelector selector = new DefaultMirrorSelector();
        for (Mirror mirror : settings.getMirrors()) {
            selector.add(mirror.getId(), mirror.getUrl(), mirror.getLayout(), false, mirror.isBlocked(),
                    mirror.getMirrorOf(), mirror.getMirrorOfLayouts());
        }
        return selector;
    }

    private DefaultAuthenticationSelector credentials() {
        DefaultAuthenticationSelector selector = new DefaultAuthenticationSelector();
        for (Server server : settings.getServers()) {
            String password = server.getPassword();
            if (password != null && password.startsWith("{") && password.endsWith("}")) {
                log.warn("Maven settings: server '" + server.getId()
                        + "' has an encrypted password, which nbci cannot decrypt; use a plain or environment-provided one");
            }
            selector.add(server.getId(), new AuthenticationBuilder().addUsername(server.getUsername())
                    .addPassword(password).addPrivateKey(server.getPrivateKey(), server.getPassphrase()).build());
        }
        return selector;
    }

    private DefaultProxySelector proxies() {
        DefaultProxySelector selector = new DefaultProxySelector();
        for (org.apache.maven.settings.Proxy proxy : settings.getProxies()) {
            if (proxy.isActive()) {
                selector.add(new org.eclipse.aether.repository.Proxy(proxy.getProtocol(), proxy.getHost(),
                        proxy.getPort(), new AuthenticationBuilder().addUsername(proxy.getUsername())
                        .addPassword(proxy.getPassword()).build()), proxy.getNonProxyHosts());
            }
        }
        return selector;
    }
}
