package io.nbci.localcluster;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.nio.file.Path;
import java.util.OptionalLong;

/** A cluster running in a container, driven over the launcher's control port published on loopback. */
final class DockerHandle extends ControlledHandle {

    private final DockerClient client;
    private final String dockerHost;
    private final ServiceContainers.Running running;
    private final String containerId;
    private final String network;

    DockerHandle(DockerClient client, String dockerHost, ClusterEndpoints endpoints, Path work, boolean temporary,
            ControlClient control, ServiceContainers.Running running, String network) {
        this(client, dockerHost, endpoints, work, temporary, control, running, running.id, network);
    }

    DockerHandle(DockerClient client, String dockerHost, ClusterEndpoints endpoints, Path work, boolean temporary,
            ControlClient control, String containerId, String network) {
        this(client, dockerHost, endpoints, work, temporary, control, null, containerId, network);
    }

    private DockerHandle(DockerClient client, String dockerHost, ClusterEndpoints endpoints, Path work,
            boolean temporary, ControlClient control, ServiceContainers.Running running, String containerId,
            String network) {
        super(endpoints, work, temporary, control);
        this.client = client;
        this.dockerHost = dockerHost;
        this.running = running;
        this.containerId = containerId;
        this.network = network;
    }

    /** The container's id: job containers join its network namespace ({@code container:ID}). */
    String containerId() {
        return containerId;
    }

    /** The suite's user-defined network, where the cluster answers as {@link DockerBackend#ALIAS}. */
    String network() {
        return network;
    }

    String dockerHost() {
        return dockerHost;
    }

    @Override
    public boolean isRunning() {
        if (stopped) {
            return false;
        }
        try {
            if (!Boolean.TRUE.equals(client.inspectContainerCmd(containerId).exec().getState().getRunning())) {
                return false;
            }
        } catch (RuntimeException e) {
            return false;
        }
        return answersPing();
    }

    /** No process on this machine: the services run in a container. */
    @Override
    public OptionalLong pid() {
        return OptionalLong.empty();
    }

    @Override
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        StopAtExit.remove(this);
        if (running != null) {
            running.close();
        } else {
            try {
                client.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
            } catch (NotFoundException e) {
                // already removed
            }
        }
        removeNetwork(client, network);
        if (temporary) {
            FileTrees.delete(work);
        } else {
            FileTrees.delete(work.resolve(DockerBackend.CONTAINER_FILE));
        }
    }

    static void removeNetwork(DockerClient client, String network) {
        try {
            client.removeNetworkCmd(network).exec();
        } catch (NotFoundException e) {
            // never created or already removed
        } catch (RuntimeException e) {
            // still in use by a job container: prune removes it later
        }
    }
}
