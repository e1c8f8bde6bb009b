package io.nbci.localcluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbci.common.LogSink;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.installation.InstallRequest;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.junit.Test;

/**
 * The runtime reaches a machine by resolution: after the runtime is installed in the local
 * repository (what {@code mvn install} does, done here with the resolver for the reactor's
 * fresh build), the core resolves it and its dependencies offline with Maven Resolver and gets
 * the same jars the reactor built against.
 */
public class RuntimeResolutionIT {

    @Test
    public void shouldResolveTheInstalledRuntimeFromTheLocalRepositoryOffline() throws Exception {
        Path root = Path.of(System.getProperty("nbci.repo.root"));
        Path runtimeJar = Path.of(System.getProperty("nbci.cluster.runtime.jar"));
        assertThat(runtimeJar).as("reactor's cluster runtime jar (package phase)").exists();
        RuntimeResolver resolver = RuntimeResolver.fromUserSettings(LogSink.silent());
        installIntoLocalRepository(resolver.localRepository(), root, runtimeJar);
        RuntimeResolver offline = RuntimeResolver.fromSettings(Path.of(System.getProperty("user.home"),
                ".m2", "settings.xml"), true, LogSink.silent());

        List<Path> jars = RuntimeClasspath.fetch(offline, LogSink.silent());

        assertThat(jars.get(0).getFileName().toString()).isEqualTo(runtimeJar.getFileName().toString());
        assertThat(jars.get(0)).startsWith(offline.localRepository());
        Set<String> reactor = RuntimeClasspath.expand("@" + root.resolve("cluster-runtime/target/runtime.classpath"))
                .stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        Set<String> resolved = jars.stream().skip(1).map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        assertThat(resolved).as("resolved runtime dependencies vs the reactor's").isEqualTo(reactor);
        assertThat(resolved).anyMatch(name -> name.startsWith("hive-service-4.0.1"));
        assertThat(RuntimeClasspath.cacheFile()).exists();
        assertThat(Files.readAllLines(RuntimeClasspath.cacheFile())).hasSize(jars.size());
    }

    private static void installIntoLocalRepository(Path localRepository, Path root, Path runtimeJar) throws Exception {
        RepositorySystem system = new RepositorySystemSupplier().get();
        try {
            DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
            session.setLocalRepositoryManager(system.newLocalRepositoryManager(session,
                    new LocalRepository(localRepository.toFile())));
            String version = RuntimeClasspath.runtimeProperties().getProperty("version");
            Artifact parent = new DefaultArtifact("io.nbci", "nbci-parent", "", "pom", version)
                    .setFile(root.resolve("pom.xml").toFile());
            Artifact pom = new DefaultArtifact("io.nbci", "nbci-cluster-runtime", "", "pom", version)
                    .setFile(new File(root.toFile(), "cluster-runtime/pom.xml"));
            Artifact jar = new DefaultArtifact("io.nbci", "nbci-cluster-runtime", "", "jar", version)
                    .setFile(runtimeJar.toFile());
            system.install(session, new InstallRequest().addArtifact(parent).addArtifact(pom).addArtifact(jar));
        } finally {
            system.shutdown();
        }
    }
}
