package io.nbci.localcluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One service container a backend starts: image, command, environment, ports, network and how
 * to tell it is ready. Built by {@link DockerBackend} (the nbci image) and by
 * {@link OfficialImages} (apache/hadoop and apache/hive), started by {@link ServiceContainers}.
 *
 * @param name        container name (unique per session)
 * @param image       image reference, present on the Docker host (nbci never pulls)
 * @param command     arguments after the image's entrypoint; empty for the image's default
 * @param env         environment variables
 * @param ports       container port to host port; published on 127.0.0.1 with the same protocol (TCP)
 * @param udpPorts    container ports also published over UDP (Graphite)
 * @param network     the suite's user-defined network
 * @param aliases     DNS names of this container on that network
 * @param labels      io.nbci.* labels
 * @param memoryBytes container memory limit, 0 for none
 * @param files       text files copied into the container before it starts, by absolute path
 * @param waits       readiness checks, in order
 * @param failure     a regular expression that, when it appears in the output, fails the start at once (or null)
 * @param timeout     startup timeout for all waits together
 */
record ContainerPlan(String name, String image, List<String> command, Map<String, String> env,
        Map<Integer, Integer> ports, Set<Integer> udpPorts, String network, List<String> aliases,
        Map<String, String> labels, long memoryBytes, Map<String, String> files, List<WaitStrategy> waits,
        String failure, Duration timeout) {

    ContainerPlan {
        command = List.copyOf(command);
        env = Map.copyOf(env);
        ports = Map.copyOf(ports);
        udpPorts = Set.copyOf(udpPorts);
        aliases = List.copyOf(aliases);
        labels = Map.copyOf(labels);
        files = Map.copyOf(files);
        waits = List.copyOf(waits);
    }
}
