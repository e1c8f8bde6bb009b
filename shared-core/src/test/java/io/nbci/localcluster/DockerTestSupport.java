package io.nbci.localcluster;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Assume;

/**
 * Where the container ITs find a Docker API: system property {@code nbci.docker.host} (the Maven
 * build points it at scripts/podman-service.sh's socket), else DOCKER_HOST. When none answers the
 * tests are skipped with the reason (written by the script when podman could not be set up).
 */
final class DockerTestSupport {

    /** The podman-service.sh images the tests use (built locally, never pulled). */
    static final String BUSYBOX = "localhost/nbci-busybox:1";
    static final String JRE = "localhost/nbci-jre:17";
    /** Listens where apache/hadoop and apache/hive listen (scripts/podman-service.sh build_standin). */
    static final String STANDIN = "localhost/nbci-standin:1";

    private DockerTestSupport() {
    }

    static String dockerHost() {
        String host = System.getProperty("nbci.docker.host", "");
        return host.isBlank() ? DockerClients.host(null) : host;
    }

    /** Skips the calling test class unless a Docker API answers. */
    static void assumeDocker() {
        String host = dockerHost();
        String reason = "no Docker API at " + host;
        if (host.startsWith("unix://")) {
            Path socket = Path.of(host.substring("unix://".length()));
            Path unavailable = socket.resolveSibling("unavailable");
            if (Files.exists(unavailable)) {
                try {
                    reason = "podman unavailable: " + Files.readString(unavailable).strip();
                } catch (java.io.IOException e) {
                    // keep the generic reason
                }
            }
            Assume.assumeTrue(reason + " (run scripts/podman-service.sh start)", Files.exists(socket));
        }
        try {
            DockerClients.connect(host);
        } catch (ClusterException e) {
            Assume.assumeTrue(reason + ": " + e.getMessage(), false);
        }
    }
}
