package io.nbci.localcluster;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.nbci.common.ExitCode;
import java.time.Duration;

/**
 * Connects to the Docker Engine API named by {@code DOCKER_HOST} (a Docker engine or podman's
 * compatible service) and checks images locally: nbci never pulls, because a pull that cannot
 * succeed ends in a NullPointerException inside the client instead of an error that names the image.
 */
final class DockerClients {

    static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    private DockerClients() {
    }

    /** The configured host, else DOCKER_HOST, else the Docker default socket. */
    static String host(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String env = System.getenv("DOCKER_HOST");
        return env == null || env.isBlank() ? DEFAULT_HOST : env;
    }

    /** A client for {@code dockerHost}, checked with a ping: a clear error when nothing answers there. */
    static DockerClient connect(String dockerHost) {
        DockerClientConfig config;
        try {
            config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(dockerHost).build();
        } catch (RuntimeException e) {
            throw new ClusterException(ExitCode.BAD_INPUT, "DOCKER_HOST: unix:///path or tcp://host:port expected, found '"
                    + dockerHost + "': " + e.getMessage());
        }
        DockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofMinutes(10))
                .build();
        DockerClient client = DockerClientImpl.getInstance(config, http);
        try {
            client.pingCmd().exec();
        } catch (RuntimeException e) {
            throw new ClusterException("no Docker API answers at " + dockerHost + " (" + e.getMessage()
                    + "): start Docker, or podman's service (scripts/podman-service.sh start), and set DOCKER_HOST"
                    + " (docs/containers.md)", e);
        }
        return client;
    }

    /** Throws a clear error naming the image and how to get it when the Docker host does not have it. */
    static void requireImage(DockerClient client, String dockerHost, String image, String howToGet) {
        try {
            client.inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
            throw new ClusterException("image '" + image + "' not found on the Docker host " + dockerHost
                    + " (nbci never pulls): " + howToGet);
        }
    }
}
