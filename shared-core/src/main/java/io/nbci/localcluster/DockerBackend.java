package io.nbci.localcluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import io.nbci.common.AtomicFiles;
import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the services in a container through the Docker Engine API ({@code DOCKER_HOST}: Docker or
 * podman's compatible service). The default image is nbci's own ({@code localhost/nbci-cluster:VERSION},
 * built from {@code cluster-runtime/src/main/container/Containerfile}): the same launcher, Hadoop and
 * Hive versions as the embedded backend, so the two pass the same contract test.
 *
 * <pre>{@code
 * try (LocalCluster cluster = new LocalCluster().withBackend(new DockerBackend()).start()) {
 *     cluster.getHiveJdbcUrl();   // jdbc:hive2://localhost:PORT/default, published from the container
 * }
 * }</pre>
 *
 * <p>Per start: a user-defined network {@code nbci-SESSION} (the container answers there as
 * {@value #ALIAS}), ports chosen free on the host and published on 127.0.0.1 under the same numbers
 * as inside (so HDFS and WebHDFS redirects name reachable addresses), labels {@code io.nbci.*} on
 * everything, waits (launcher ready line, control PING, WebHDFS ping, Hive port) within the startup
 * timeout, the container's output in {@code logs/cluster.log}, and removal of container and network
 * on stop and when this JVM exits (leftovers of a killed JVM: {@code nbci cluster prune}).
 */
public final class DockerBackend implements ClusterBackend {

    /** The network alias of the cluster container on the suite network. */
    public static final String ALIAS = "nbci-cluster";
    /** The file in the working folder that lets {@link #attach(Path)} find a detached container. */
    static final String CONTAINER_FILE = "container.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String dockerHost;
    private final String image;
    private final long containerMemoryBytes;
    private final OfficialImages official;

    /** DOCKER_HOST and nbci's cluster image of this version. */
    public DockerBackend() {
        this(null, defaultImage(), 0, null);
    }

    private DockerBackend(String dockerHost, String image, long containerMemoryBytes, OfficialImages official) {
        this.dockerHost = dockerHost;
        this.image = image;
        this.containerMemoryBytes = containerMemoryBytes;
        this.official = official;
    }

    /** The Docker API address, e.g. unix:///run/podman/podman.sock or tcp://host:2375; default DOCKER_HOST. */
    public DockerBackend withDockerHost(String host) {
        return new DockerBackend(host, image, containerMemoryBytes, official);
    }

    /** Another image with nbci's cluster launcher as entrypoint (a team's own build of the Containerfile). */
    public DockerBackend withImage(String reference) {
        return new DockerBackend(dockerHost, reference, containerMemoryBytes, official);
    }

    /** A memory limit for the cluster container (java size syntax: 2g); default none (the heap is set by the spec). */
    public DockerBackend withContainerMemory(String size) {
        return new DockerBackend(dockerHost, image, ContainerJob.bytes(size, "container memory"), official);
    }

    /**
     * Runs HDFS and Hive on the Apache images instead of nbci's (see {@link OfficialImages} for
     * what that gives up: no Graphite sink, no reset, HDFS data transfer only inside the network).
     */
    public DockerBackend withOfficialImages(OfficialImages images) {
        return new DockerBackend(dockerHost, image, containerMemoryBytes, images);
    }

    /**
     * {@code localhost/nbci-cluster:VERSION}, VERSION being this nbci's version: the version of the cluster
     * runtime it was built with ({@link RuntimeClasspath#coordinates()}), which the image carries.
     */
    public static String defaultImage() {
        return "localhost/nbci-cluster:" + RuntimeClasspath.runtimeProperties().getProperty("version");
    }

    public String image() {
        return image;
    }

    public String dockerHost() {
        return DockerClients.host(dockerHost);
    }

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public ClusterHandle start(ClusterSpec spec, LogSink log) {
        if (official != null) {
            return startOfficial(spec, log);
        }
        String host = dockerHost();
        DockerClient client = DockerClients.connect(host);
        DockerClients.requireImage(client, host, image, image.equals(defaultImage())
                ? "build it with scripts/podman-service.sh images (podman) or, with Docker, as docs/containers.md shows"
                : "build or pull it first (docker pull / podman pull), or tag a local image with that name");
        boolean temporary = spec.workingFolder() == null;
        Path work = workingFolder(spec, temporary);
        String session = HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        String network = "nbci-" + session;
        ServiceContainers.Running container = null;
        try {
            client.createNetworkCmd().withName(network).withDriver("bridge")
                    .withLabels(ContainerLabels.of(session, "network", spec.detached())).exec();
            String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            log.info("starting local cluster in container nbci-cluster-" + session + " (" + image + ") on " + host);
            long t0 = System.nanoTime();
            Map<ClusterSpec.Port, Integer> ports;
            for (int attempt = 1; ; attempt++) {
                ports = Ports.choose(spec, Ports.needed(spec, true));
                try {
                    container = ServiceContainers.start(client, plan(spec, session, network, ports, token),
                            work.resolve("logs/cluster.log"), spec.host());
                    break;
                } catch (ClusterException e) {
                    // a free port chosen here can be taken (as another process's outgoing port) before the
                    // Docker host publishes it; fixed ports are not retried
                    if (attempt == 3 || !String.valueOf(e.getMessage()).contains("address already in use")
                            || !spec.ports().values().stream().allMatch(p -> p == 0)) {
                        throw e;
                    }
                    log.warn("a chosen port was taken before the container published it; choosing again");
                }
            }
            ClusterEndpoints endpoints = EmbeddedBackend.endpoints(spec.host(), publicPorts(ports), work);
            HadoopConfWriter.write(endpoints.hadoopConfDir(), endpoints, spec.host(),
                    ports.getOrDefault(ClusterSpec.Port.WEBHDFS, 0));
            writeAttachFiles(work, temporary, spec, ports, token, container.id, network, host);
            log.info("local cluster ready in " + (System.nanoTime() - t0) / 1_000_000 + " ms (container "
                    + container.name + ", network " + network + ")");
            DockerHandle handle = new DockerHandle(client, host, endpoints, work, temporary,
                    new ControlClient(ports.get(ClusterSpec.Port.CONTROL), token), container, network);
            if (!spec.detached()) {
                StopAtExit.add(handle);
            }
            return handle;
        } catch (RuntimeException e) {
            if (container != null) {
                container.close();
            }
            DockerHandle.removeNetwork(client, network);
            if (temporary) {
                FileTrees.delete(work);
            }
            throw e;
        }
    }

    private ClusterHandle startOfficial(ClusterSpec spec, LogSink log) {
        if (spec.runs(ClusterService.GRAPHITE)) {
            throw new ClusterException(io.nbci.common.ExitCode.BAD_INPUT, "services: the official apache/hadoop and "
                    + "apache/hive images have no Graphite sink; run withServices(HDFS, HIVE) or use nbci's image");
        }
        String host = dockerHost();
        DockerClient client = DockerClients.connect(host);
        for (String needed : spec.runs(ClusterService.HIVE) ? List.of(official.hadoopImage(), official.hiveImage())
                : List.of(official.hadoopImage())) {
            DockerClients.requireImage(client, host, needed, "pull it where a registry is reachable (docker pull "
                    + needed + ") or tag a local image with that name");
        }
        boolean temporary = spec.workingFolder() == null;
        Path work = workingFolder(spec, temporary);
        String session = HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        String network = "nbci-" + session;
        List<ServiceContainers.Running> started = new ArrayList<>();
        try {
            client.createNetworkCmd().withName(network).withDriver("bridge")
                    .withLabels(ContainerLabels.of(session, "network", spec.detached())).exec();
            Map<String, Integer> hostPorts = new LinkedHashMap<>();
            List<String> keys = List.of("namenode:" + OfficialImages.NAMENODE_RPC, "namenode:" + OfficialImages.NAMENODE_HTTP,
                    "datanode:" + OfficialImages.DATANODE_HTTP, "metastore:" + OfficialImages.METASTORE,
                    "hiveserver2:" + OfficialImages.HIVESERVER2);
            List<ClusterSpec.Port> asPorts = List.of(ClusterSpec.Port.HDFS, ClusterSpec.Port.WEBHDFS,
                    ClusterSpec.Port.DATANODE_HTTP, ClusterSpec.Port.METASTORE, ClusterSpec.Port.HIVE);
            Map<ClusterSpec.Port, Integer> chosen = Ports.choose(spec, asPorts);
            for (int i = 0; i < keys.size(); i++) {
                hostPorts.put(keys.get(i), chosen.get(asPorts.get(i)));
            }
            log.info("starting local cluster on the official images (" + official.hadoopImage() + ", "
                    + official.hiveImage() + ") on " + host);
            for (ContainerPlan plan : official.plans(spec, session, network, hostPorts)) {
                started.add(ServiceContainers.start(client, plan, work.resolve("logs/" + plan.aliases().get(0) + ".log"),
                        spec.host()));
            }
            Map<ClusterSpec.Port, Integer> visible = new java.util.EnumMap<>(ClusterSpec.Port.class);
            visible.put(ClusterSpec.Port.HDFS, chosen.get(ClusterSpec.Port.HDFS));
            visible.put(ClusterSpec.Port.WEBHDFS, chosen.get(ClusterSpec.Port.WEBHDFS));
            if (spec.runs(ClusterService.HIVE)) {
                visible.put(ClusterSpec.Port.HIVE, chosen.get(ClusterSpec.Port.HIVE));
                visible.put(ClusterSpec.Port.METASTORE, chosen.get(ClusterSpec.Port.METASTORE));
            }
            ClusterEndpoints endpoints = EmbeddedBackend.endpoints(spec.host(), visible, work);
            HadoopConfWriter.write(endpoints.hadoopConfDir(), endpoints, spec.host(), visible.get(ClusterSpec.Port.WEBHDFS));
            OfficialHandle handle = new OfficialHandle(client, endpoints, work, temporary, started, network);
            StopAtExit.add(handle);
            return handle;
        } catch (RuntimeException e) {
            started.forEach(ServiceContainers.Running::close);
            DockerHandle.removeNetwork(client, network);
            if (temporary) {
                FileTrees.delete(work);
            }
            throw e;
        }
    }

    private static Map<ClusterSpec.Port, Integer> publicPorts(Map<ClusterSpec.Port, Integer> ports) {
        Map<ClusterSpec.Port, Integer> visible = new java.util.EnumMap<>(ports);
        visible.keySet().removeAll(Set.of(ClusterSpec.Port.DATANODE, ClusterSpec.Port.DATANODE_HTTP,
                ClusterSpec.Port.DATANODE_IPC));
        return visible;
    }

    /** The launcher's launch.properties for a container: paths inside it, services on 0.0.0.0, fixed DataNode ports. */
    static String launchProperties(ClusterSpec spec, Map<ClusterSpec.Port, Integer> ports, String token) {
        return LaunchFile.render(spec, ports, token, "/nbci/work", "/nbci/work/ready.json", false, 0,
                Map.of("bind.host", "0.0.0.0"));
    }

    private ContainerPlan plan(ClusterSpec spec, String session, String network, Map<ClusterSpec.Port, Integer> ports,
            String token) {
        Map<Integer, Integer> published = new LinkedHashMap<>();
        for (int port : ports.values()) {
            published.put(port, port);
        }
        Set<Integer> udp = ports.containsKey(ClusterSpec.Port.GRAPHITE) ? Set.of(ports.get(ClusterSpec.Port.GRAPHITE))
                : Set.of();
        List<WaitStrategy> waits = new ArrayList<>();
        waits.add(WaitStrategy.logLine("^nbci-cluster: ready in"));
        waits.add(WaitStrategy.controlPing(new ControlClient(ports.get(ClusterSpec.Port.CONTROL), token)));
        if (spec.runs(ClusterService.HDFS)) {
            waits.add(WaitStrategy.webHdfs(ports.get(ClusterSpec.Port.WEBHDFS)));
        }
        if (spec.runs(ClusterService.HIVE)) {
            waits.add(WaitStrategy.port(ports.get(ClusterSpec.Port.HIVE)));
        }
        return new ContainerPlan("nbci-cluster-" + session, image, List.of(),
                Map.of("JAVA_TOOL_OPTIONS", "-Xmx" + spec.memory()), published, udp, network, List.of(ALIAS),
                ContainerLabels.of(session, "cluster", spec.detached()), containerMemoryBytes,
                Map.of("/nbci/work/launch.properties", launchProperties(spec, ports, token)), waits,
                "^nbci-cluster: \\S+ failed to start on port", spec.startupTimeout());
    }

    private static Path workingFolder(ClusterSpec spec, boolean temporary) {
        try {
            Path work = temporary ? Files.createTempDirectory("nbci-cluster-").toAbsolutePath()
                    : spec.workingFolder().toAbsolutePath();
            if (!temporary) {
                if (Files.exists(work.resolve(CONTAINER_FILE))) {
                    ClusterHandle existing = attach(work);
                    if (existing.isRunning()) {
                        throw new ClusterException("a local cluster already runs from " + work
                                + " in a container: stop it first (nbci cluster down)");
                    }
                }
                for (String stale : List.of("ready.json", CONTAINER_FILE, "conf", "logs")) {
                    FileTrees.delete(work.resolve(stale));
                }
            }
            Files.createDirectories(work.resolve("logs"));
            return work;
        } catch (IOException e) {
            throw new ClusterException("cannot create the cluster working folder: " + e.getMessage(), e);
        }
    }

    private static void writeAttachFiles(Path work, boolean temporary, ClusterSpec spec,
            Map<ClusterSpec.Port, Integer> ports, String token, String containerId, String network, String host) {
        ObjectNode container = JSON.createObjectNode();
        container.put("dockerHost", host);
        container.put("container", containerId);
        container.put("network", network);
        container.put("temporary", temporary);
        container.put("host", spec.host());
        container.put("token", token);
        ObjectNode portNode = container.putObject("ports");
        ports.forEach((port, number) -> portNode.put(port.name(), number));
        try {
            AtomicFiles.write(work.resolve(CONTAINER_FILE), JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(container));
        } catch (IOException e) {
            throw new ClusterException("cannot write " + work.resolve(CONTAINER_FILE) + ": " + e.getMessage(), e);
        }
        work.resolve(CONTAINER_FILE).toFile().setReadable(false, false);
        work.resolve(CONTAINER_FILE).toFile().setReadable(true, true);
    }

    /** True when {@code workingFolder} holds a cluster started by this backend. */
    public static boolean isContainerCluster(Path workingFolder) {
        return Files.exists(workingFolder.resolve(CONTAINER_FILE));
    }

    /** Reconnects to a cluster container started from {@code workingFolder} (nbci cluster up --backend docker --detach). */
    public static ClusterHandle attach(Path workingFolder) {
        Path work = workingFolder.toAbsolutePath();
        Path file = work.resolve(CONTAINER_FILE);
        com.fasterxml.jackson.databind.JsonNode node;
        try {
            node = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new ClusterException(ExitCode.BAD_INPUT, "no container cluster in " + work + ": " + CONTAINER_FILE
                    + " expected, not readable (" + e.getMessage() + ")");
        }
        Map<ClusterSpec.Port, Integer> ports = new java.util.EnumMap<>(ClusterSpec.Port.class);
        node.path("ports").fields().forEachRemaining(e -> ports.put(ClusterSpec.Port.valueOf(e.getKey()),
                e.getValue().asInt()));
        String host = node.path("dockerHost").asText();
        DockerClient client = DockerClients.connect(host);
        ClusterEndpoints endpoints = EmbeddedBackend.endpoints(node.path("host").asText("localhost"),
                publicPorts(ports), work);
        return new DockerHandle(client, host, endpoints, work, node.path("temporary").asBoolean(false),
                new ControlClient(ports.get(ClusterSpec.Port.CONTROL), node.path("token").asText()),
                node.path("container").asText(), node.path("network").asText());
    }
}
