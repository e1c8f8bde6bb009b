package io.nbci.localcluster;

import com.github.dockerjava.api.DockerClient;
import io.nbci.common.ExitCode;
import io.nbci.results.MetricSample;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/** A cluster on the official apache/hadoop and apache/hive images: endpoints and stop; no control port. */
final class OfficialHandle implements ClusterHandle {

    private final DockerClient client;
    private final ClusterEndpoints endpoints;
    private final Path work;
    private final boolean temporary;
    private final List<ServiceContainers.Running> containers;
    private final String network;
    private volatile boolean stopped;

    OfficialHandle(DockerClient client, ClusterEndpoints endpoints, Path work, boolean temporary,
            List<ServiceContainers.Running> containers, String network) {
        this.client = client;
        this.endpoints = endpoints;
        this.work = work;
        this.temporary = temporary;
        this.containers = List.copyOf(containers);
        this.network = network;
    }

    List<String> containerNames() {
        return containers.stream().map(c -> c.name).toList();
    }

    String network() {
        return network;
    }

    @Override
    public ClusterEndpoints endpoints() {
        return endpoints;
    }

    @Override
    public Path workingFolder() {
        return work;
    }

    @Override
    public Duration reset() {
        throw unsupported("reset");
    }

    @Override
    public HiveResult hive(List<String> statements) {
        throw unsupported("HQL through nbci's control channel (connect to HiveServer2 over JDBC instead)");
    }

    @Override
    public List<MetricSample> metrics(String glob) {
        throw unsupported("captured metrics");
    }

    @Override
    public void clearMetrics() {
        throw unsupported("captured metrics");
    }

    private static ClusterException unsupported(String what) {
        return new ClusterException(ExitCode.BAD_INPUT, what + " needs nbci's cluster image (its control port); "
                + "the official apache/hadoop and apache/hive images have none: restart the cluster instead");
    }

    @Override
    public boolean isRunning() {
        if (stopped) {
            return false;
        }
        try {
            return containers.stream().allMatch(c -> Boolean.TRUE.equals(c.state().getRunning()));
        } catch (RuntimeException e) {
            return false;
        }
    }

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
        for (int i = containers.size() - 1; i >= 0; i--) {
            containers.get(i).close();
        }
        DockerHandle.removeNetwork(client, network);
        if (temporary) {
            FileTrees.delete(work);
        }
    }
}
