package io.nbci.localcluster;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import io.nbci.common.LogSink;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes what nbci left on a Docker host ({@code nbci cluster prune}): containers and networks
 * labelled {@code io.nbci.managed=true} whose owner process on this machine is gone (a test JVM
 * killed before its shutdown hook ran). With {@code all}, every nbci container and network,
 * detached clusters and other machines' included.
 */
public final class ContainerPrune {

    /** What was removed. */
    public record Pruned(List<String> containers, List<String> networks) {
        public Pruned {
            containers = List.copyOf(containers);
            networks = List.copyOf(networks);
        }
    }

    private ContainerPrune() {
    }

    public static Pruned prune(String dockerHost, boolean all, LogSink log) {
        String host = DockerClients.host(dockerHost);
        DockerClient client = DockerClients.connect(host);
        String thisHost = ContainerLabels.thisHost();
        List<String> removed = new java.util.ArrayList<>();
        Set<String> liveSessions = new HashSet<>();
        for (Container container : client.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ContainerLabels.MANAGED, "true")).exec()) {
            Map<String, String> labels = container.getLabels();
            if (all || isLeftover(labels, thisHost)) {
                try {
                    client.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
                    String name = container.getNames().length > 0 ? container.getNames()[0].replaceFirst("^/", "")
                            : container.getId();
                    removed.add(name);
                    log.info("removed container " + name + " (owner pid " + labels.get(ContainerLabels.OWNER_PID)
                            + " on " + labels.get(ContainerLabels.OWNER_HOST) + ")");
                } catch (NotFoundException e) {
                    // removed meanwhile
                }
            } else {
                liveSessions.add(labels.get(ContainerLabels.SESSION));
            }
        }
        List<String> networks = new java.util.ArrayList<>();
        for (Network network : client.listNetworksCmd().withFilter("label", List.of(ContainerLabels.MANAGED + "=true"))
                .exec()) {
            Map<String, String> labels = network.getLabels() == null ? Map.of() : network.getLabels();
            if (all || (!liveSessions.contains(labels.get(ContainerLabels.SESSION)) && isLeftover(labels, thisHost))) {
                try {
                    client.removeNetworkCmd(network.getId()).exec();
                    networks.add(network.getName());
                    log.info("removed network " + network.getName());
                } catch (RuntimeException e) {
                    log.warn("network " + network.getName() + " not removed: " + e.getMessage());
                }
            }
        }
        return new Pruned(removed, networks);
    }

    /** Made on this machine by a process that no longer runs, and not a detached cluster. */
    static boolean isLeftover(Map<String, String> labels, String thisHost) {
        if ("true".equals(labels.get(ContainerLabels.DETACHED)) || !thisHost.equals(labels.get(ContainerLabels.OWNER_HOST))) {
            return false;
        }
        try {
            long pid = Long.parseLong(labels.getOrDefault(ContainerLabels.OWNER_PID, "-1"));
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
