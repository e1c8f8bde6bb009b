package io.nbci.localcluster;

import io.nbci.common.ExitCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A job to run in a container (a scenario's {@code run.image}): an argv in an image, with the
 * repository mounted, environment, resource limits and a network from which the cluster's
 * services are reachable. Run it with {@link JobContainers#run(ContainerJob, io.nbci.common.LogSink)}.
 *
 * <pre>{@code
 * ContainerJob job = ContainerJob.builder("localhost/team-job:1", "python3", "-m", "imagescore")
 *         .repository(Path.of("."))            // mounted read-write at /repo, the working directory
 *         .cluster(cluster)                    // network + NBCI_* variables + HADOOP_CONF_DIR
 *         .memory("1g").cpus(1.5).timeout(Duration.ofMinutes(10))
 *         .build();
 * JobResult result = new JobContainers().run(job, log);
 * }</pre>
 *
 * @param image       image reference, present on the Docker host
 * @param command     the argv (replaces the image's command; the entrypoint stays)
 * @param workingDir  working directory inside the container, or null for the image's
 * @param env         environment variables
 * @param mounts      bind mounts
 * @param network     where the job's network comes from (see {@link Network})
 * @param memoryBytes memory limit (swap included), 0 for none
 * @param cpus        CPU limit in cores, 0 for none
 * @param timeout     the job is killed after this; its result then says timedOut
 */
public record ContainerJob(String image, List<String> command, String workingDir, Map<String, String> env,
        List<Mount> mounts, Network network, long memoryBytes, double cpus, Duration timeout) {

    /** Where the repository is mounted by {@link Builder#repository(Path)}. */
    public static final String REPOSITORY_PATH = "/repo";
    /** Where the cluster's HADOOP_CONF_DIR is mounted by {@link Builder#cluster(LocalCluster)}. */
    public static final String HADOOP_CONF_PATH = "/etc/nbci/hadoop-conf";

    public ContainerJob {
        command = List.copyOf(command);
        env = Map.copyOf(env);
        mounts = List.copyOf(mounts);
    }

    /** A host folder or file visible in the container. */
    public record Mount(Path hostPath, String containerPath, boolean readOnly) {
    }

    /**
     * The job container's network. {@code host}: the host's network (the services of an embedded or
     * external cluster at localhost as for a local job); {@code container:ID}: the network namespace
     * of the cluster container (every endpoint at localhost:PORT exactly as on the host, HDFS data
     * transfer included); any other value: a user-defined network, where the cluster answers at
     * {@link DockerBackend#ALIAS}.
     */
    public record Network(String mode) {
        public static Network host() {
            return new Network("host");
        }

        public static Network named(String network) {
            return new Network(network);
        }

        static Network ofContainer(String containerId) {
            return new Network("container:" + containerId);
        }
    }

    public static Builder builder(String image, String... command) {
        return new Builder(image, List.of(command));
    }

    /** Parses a size in java -Xmx syntax (512m, 1g, 65536) into bytes; names {@code field} when invalid. */
    static long bytes(String size, String field) {
        if (size == null || !size.strip().matches("[1-9][0-9]*[kKmMgG]?")) {
            throw new ClusterException(ExitCode.BAD_INPUT, field + ": a size such as 512m or 2g expected, found '"
                    + size + "'");
        }
        String s = size.strip().toLowerCase(Locale.ROOT);
        char unit = s.charAt(s.length() - 1);
        long factor = unit == 'k' ? 1L << 10 : unit == 'm' ? 1L << 20 : unit == 'g' ? 1L << 30 : 1;
        return Long.parseLong(Character.isDigit(unit) ? s : s.substring(0, s.length() - 1)) * factor;
    }

    /** Builds a {@link ContainerJob}; {@link #build()} checks the fields and names the bad one. */
    public static final class Builder {
        private final String image;
        private final List<String> command;
        private String workingDir;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<Mount> mounts = new ArrayList<>();
        private Network network = Network.host();
        private long memoryBytes;
        private double cpus;
        private Duration timeout = Duration.ofMinutes(30);

        private Builder(String image, List<String> command) {
            this.image = image;
            this.command = command;
        }

        /** Mounts the repository read-write at {@value #REPOSITORY_PATH} and works there. */
        public Builder repository(Path repository) {
            mounts.add(new Mount(repository.toAbsolutePath().normalize(), REPOSITORY_PATH, false));
            workingDir = REPOSITORY_PATH;
            return this;
        }

        public Builder workingDir(String containerPath) {
            this.workingDir = containerPath;
            return this;
        }

        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        public Builder env(Map<String, String> variables) {
            env.putAll(variables);
            return this;
        }

        public Builder mount(Path hostPath, String containerPath, boolean readOnly) {
            mounts.add(new Mount(hostPath.toAbsolutePath().normalize(), containerPath, readOnly));
            return this;
        }

        public Builder network(Network jobNetwork) {
            this.network = jobNetwork;
            return this;
        }

        /**
         * Wires the job to a running cluster as a local job is wired: its NBCI_* variables, its
         * HADOOP_CONF_DIR (mounted read-only at {@value #HADOOP_CONF_PATH}), and a network from
         * which every endpoint answers at the same address (the cluster container's network
         * namespace for the docker backend, the host network otherwise).
         */
        public Builder cluster(LocalCluster cluster) {
            Map<String, String> variables = new LinkedHashMap<>(cluster.environment());
            Path conf = cluster.getHadoopConfDir();
            variables.put("HADOOP_CONF_DIR", HADOOP_CONF_PATH);
            variables.remove("NBCI_CLUSTER_DIR");
            env.putAll(variables);
            mounts.add(new Mount(conf, HADOOP_CONF_PATH, true));
            ClusterHandle handle = cluster.handle();
            network = handle instanceof DockerHandle ? Network.ofContainer(((DockerHandle) handle).containerId())
                    : Network.host();
            return this;
        }

        /** Memory limit in java size syntax (256m, 2g); swap is not added on top. */
        public Builder memory(String size) {
            this.memoryBytes = bytes(size, "memory");
            return this;
        }

        public Builder cpus(double cores) {
            this.cpus = cores;
            return this;
        }

        public Builder timeout(Duration limit) {
            this.timeout = limit;
            return this;
        }

        public ContainerJob build() {
            if (image == null || image.isBlank()) {
                throw new ClusterException(ExitCode.BAD_INPUT, "image: an image reference expected, found none");
            }
            if (command.isEmpty()) {
                throw new ClusterException(ExitCode.BAD_INPUT, "command: an argv expected, found none");
            }
            if (cpus < 0) {
                throw new ClusterException(ExitCode.BAD_INPUT, "cpus: a positive number of cores expected, found " + cpus);
            }
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new ClusterException(ExitCode.BAD_INPUT, "timeout: a positive duration expected, found " + timeout);
            }
            for (Mount mount : mounts) {
                if (!mount.containerPath().startsWith("/")) {
                    throw new ClusterException(ExitCode.BAD_INPUT, "mount " + mount.hostPath()
                            + ": an absolute container path expected, found '" + mount.containerPath() + "'");
                }
            }
            return new ContainerJob(image, command, workingDir, env, mounts, network, memoryBytes, cpus, timeout);
        }
    }
}
