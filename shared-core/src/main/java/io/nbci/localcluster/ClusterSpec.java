package io.nbci.localcluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What a {@link ClusterBackend} is asked to start: an immutable value built by {@link LocalCluster}.
 *
 * @param services        services to run (HIVE requires HDFS)
 * @param host            host name clients use (loopback by default)
 * @param ports           fixed ports by {@link Port}; a missing or 0 entry means "any free port"
 * @param memory          maximum heap of the service JVM, in java -Xmx syntax (512m, 1g)
 * @param workingFolder   where configuration, data and logs live; null for a temporary folder removed on stop
 * @param startupTimeout  how long to wait for every service to be ready
 * @param detached        true when the services must outlive the process that starts them (nbci cluster up --detach)
 */
public record ClusterSpec(Set<ClusterService> services, String host, Map<Port, Integer> ports, String memory,
        Path workingFolder, Duration startupTimeout, boolean detached) {

    /** The ports a cluster listens on. */
    public enum Port {
        HDFS, WEBHDFS, HIVE, METASTORE, GRAPHITE, CONTROL,
        /** DataNode transfer, HTTP and IPC ports: fixed only by backends that publish them (containers). */
        DATANODE, DATANODE_HTTP, DATANODE_IPC
    }

    public ClusterSpec {
        if (services == null || services.isEmpty()) {
            throw new ClusterException(io.nbci.common.ExitCode.BAD_INPUT,
                    "services: at least one of hdfs, hive, graphite expected, found none");
        }
        services = Set.copyOf(EnumSet.copyOf(services));
        if (services.contains(ClusterService.HIVE) && !services.contains(ClusterService.HDFS)) {
            throw new ClusterException(io.nbci.common.ExitCode.BAD_INPUT,
                    "services: hive keeps its warehouse on HDFS, so hdfs is required with hive; found " + services);
        }
        if (host == null || host.isBlank()) {
            throw new ClusterException(io.nbci.common.ExitCode.BAD_INPUT, "host: a host name expected, found none");
        }
        ports = Map.copyOf(ports);
        for (Map.Entry<Port, Integer> e : ports.entrySet()) {
            if (e.getValue() < 0 || e.getValue() > 65535) {
                throw new ClusterException(io.nbci.common.ExitCode.BAD_INPUT, "port of "
                        + e.getKey().name().toLowerCase(java.util.Locale.ROOT) + ": 0..65535 expected, found " + e.getValue());
            }
        }
        java.util.Map<Integer, Port> seen = new java.util.HashMap<>();
        for (Map.Entry<Port, Integer> e : ports.entrySet()) {
            Port other = e.getValue() > 0 ? seen.putIfAbsent(e.getValue(), e.getKey()) : null;
            if (other != null) {
                throw new ClusterException(io.nbci.common.ExitCode.BAD_INPUT, "ports: " + e.getValue()
                        + " given for both " + other.name().toLowerCase(java.util.Locale.ROOT) + " and "
                        + e.getKey().name().toLowerCase(java.util.Locale.ROOT) + "; one port per endpoint expected");
            }
        }
        if (memory == null || !memory.matches("[1-9][0-9]*[kKmMgG]?")) {
            throw new ClusterException(io.nbci.common.ExitCode.BAD_INPUT,
                    "memory: a java heap size such as 512m or 1g expected, found '" + memory + "'");
        }
        if (startupTimeout == null || startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new ClusterException(io.nbci.common.ExitCode.BAD_INPUT,
                    "startupTimeout: a positive duration expected, found " + startupTimeout);
        }
    }

    public boolean runs(ClusterService service) {
        return services.contains(service);
    }

    /** The fixed port asked for, or 0 for any free port. */
    public int port(Port port) {
        return ports.getOrDefault(port, 0);
    }
}
