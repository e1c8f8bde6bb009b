package io.nbci.localcluster;

import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import io.nbci.results.MetricSample;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A throwaway local Hadoop for tests: a real HDFS (MiniDFSCluster with WebHDFS), a real
 * HiveServer2 with a metastore, and a Graphite sink that keeps every metric it receives.
 * Shaped like a Testcontainers container: defaults set here, fluent {@code withX(..)}
 * configuration, readiness checks with a startup timeout, typed getters, AutoCloseable.
 *
 * <pre>{@code
 * try (LocalCluster cluster = new LocalCluster().withMemory("768m")) {
 *     cluster.start();
 *     String jdbc = cluster.getHiveJdbcUrl();          // jdbc:hive2://localhost:PORT/default
 *     Path conf = cluster.getHadoopConfDir();          // core-site.xml, hdfs-site.xml, hive-site.xml
 *     ... run the job with cluster.environment() ...
 *     List<MetricSample> sent = cluster.metrics("jobs.imagescore.*");
 *     cluster.reset();                                  // empty again, in about a second
 * }
 * }</pre>
 *
 * <p>By default every service runs, on free ports, in a child JVM with a 768 MB heap, from a
 * temporary working folder that {@link #stop()} removes; the child also stops when this JVM dies.
 */
public final class LocalCluster implements AutoCloseable {

    private final Set<ClusterService> services = EnumSet.allOf(ClusterService.class);
    private final Map<ClusterSpec.Port, Integer> ports = new EnumMap<>(ClusterSpec.Port.class);
    private String host = "localhost";
    private String memory = "768m";
    private Path workingFolder;
    private Duration startupTimeout = Duration.ofMinutes(3);
    private boolean detached;
    private ClusterBackend backend = new EmbeddedBackend();
    private LogSink log = LogSink.silent();
    private ClusterHandle handle;

    /** All services, free ports, 768 MB heap, a temporary working folder, 3 minutes to start. */
    public LocalCluster() {
    }

    private LocalCluster(ClusterHandle handle) {
        this.handle = handle;
    }

    /** Reconnects to a cluster started from {@code workingFolder} by another process (nbci cluster up --detach). */
    public static LocalCluster attach(Path workingFolder) {
        if (DockerBackend.isContainerCluster(workingFolder)) {
            return new LocalCluster(DockerBackend.attach(workingFolder));
        }
        return new LocalCluster(EmbeddedBackend.attach(workingFolder));
    }

    /** Runs only these services (HIVE needs HDFS). */
    public LocalCluster withServices(ClusterService... only) {
        services.clear();
        services.addAll(List.of(only));
        return this;
    }

    public LocalCluster withHdfsPort(int port) {
        return withPort(ClusterSpec.Port.HDFS, port);
    }

    public LocalCluster withWebHdfsPort(int port) {
        return withPort(ClusterSpec.Port.WEBHDFS, port);
    }

    public LocalCluster withHivePort(int port) {
        return withPort(ClusterSpec.Port.HIVE, port);
    }

    public LocalCluster withMetastorePort(int port) {
        return withPort(ClusterSpec.Port.METASTORE, port);
    }

    public LocalCluster withGraphitePort(int port) {
        return withPort(ClusterSpec.Port.GRAPHITE, port);
    }

    /** A fixed port for one service endpoint; 0 (the default) picks a free one. */
    public LocalCluster withPort(ClusterSpec.Port port, int number) {
        ports.put(port, number);
        return this;
    }

    /** The host name clients are given (the services bind to it); default localhost. */
    public LocalCluster withHost(String hostName) {
        this.host = hostName;
        return this;
    }

    /** Maximum heap of the service JVM, java -Xmx syntax; default 768m. */
    public LocalCluster withMemory(String heap) {
        this.memory = heap;
        return this;
    }

    /** Keeps configuration, data and logs in this folder (not deleted on stop); default a temporary folder. */
    public LocalCluster withWorkingFolder(Path folder) {
        this.workingFolder = folder;
        return this;
    }

    public LocalCluster withStartupTimeout(Duration timeout) {
        this.startupTimeout = timeout;
        return this;
    }

    /** Lets the services outlive this process (they are then stopped with {@link #attach(Path)} + stop). */
    public LocalCluster withDetached(boolean outlive) {
        this.detached = outlive;
        return this;
    }

    public LocalCluster withBackend(ClusterBackend clusterBackend) {
        this.backend = clusterBackend;
        return this;
    }

    public LocalCluster withLogSink(LogSink sink) {
        this.log = sink;
        return this;
    }

    /** The immutable configuration {@link #start()} hands to the backend. */
    public ClusterSpec spec() {
        return new ClusterSpec(services, host, ports, memory, workingFolder, startupTimeout, detached);
    }

    /**
     * Starts every configured service and returns when all are ready (HDFS out of safe mode,
     * HiveServer2 answering JDBC, Graphite listening).
     *
     * @throws ClusterException naming the service, port and last log lines; exit code TIMEOUT after the startup timeout
     */
    public LocalCluster start() {
        if (handle != null && handle.isRunning()) {
            throw new ClusterException(ExitCode.BAD_INPUT, "local cluster already started");
        }
        handle = backend.start(spec(), log);
        return this;
    }

    public boolean isRunning() {
        return handle != null && handle.isRunning();
    }

    /** Drops non-default databases and every table in default, deletes HDFS content, forgets metrics. */
    public Duration reset() {
        return running().reset();
    }

    /** Captured metrics whose path matches a Graphite glob ({@code *} in one segment, {@code **} across, {@code {a,b}}). */
    /** Runs HQL statements on the cluster's HiveServer2 and returns the rows of the last query. */
    public HiveResult hive(List<String> statements) {
        return running().hive(statements);
    }

    /** The HDFS folder scenarios may write and clean ({@link ClusterBackend#hdfsScratchRoot()}). */
    public String hdfsScratchRoot() {
        return backend.hdfsScratchRoot();
    }

    /** The backend's name (embedded, docker, external), for messages and results. */
    public String backendName() {
        return backend.name();
    }

    public List<MetricSample> metrics(String glob) {
        return running().metrics(glob);
    }

    public List<Double> metricValues(String glob) {
        return metrics(glob).stream().map(MetricSample::value).toList();
    }

    public int metricCount(String glob) {
        return metrics(glob).size();
    }

    public void clearMetrics() {
        running().clearMetrics();
    }

    public String getHdfsUri() {
        return require(endpoints().hdfsUri(), ClusterService.HDFS);
    }

    /** The WebHDFS REST root, e.g. http://localhost:PORT/webhdfs/v1 . */
    public String getWebHdfsUrl() {
        return require(endpoints().webHdfsUrl(), ClusterService.HDFS);
    }

    public String getHiveJdbcUrl() {
        return require(endpoints().hiveJdbcUrl(), ClusterService.HIVE);
    }

    /** thrift://host:port of the Hive metastore, for Spark with Hive support. */
    public String getMetastoreUri() {
        return require(endpoints().metastoreUri(), ClusterService.HIVE);
    }

    public String getGraphiteHost() {
        return require(endpoints().graphiteHost(), ClusterService.GRAPHITE);
    }

    public int getGraphitePort() {
        require(endpoints().graphiteHost(), ClusterService.GRAPHITE);
        return endpoints().graphitePort();
    }

    /** A HADOOP_CONF_DIR with core-site.xml, hdfs-site.xml and hive-site.xml pointing at this cluster. */
    public Path getHadoopConfDir() {
        return endpoints().hadoopConfDir();
    }

    public Path getWorkingFolder() {
        return running().workingFolder();
    }

    public Path getLogFile() {
        return endpoints().logFile();
    }

    public ClusterEndpoints endpoints() {
        return running().endpoints();
    }

    /** The service process id, when the services run in a process on this machine. */
    public java.util.OptionalLong pid() {
        return running().pid();
    }

    /**
     * The variables a job needs to reach this cluster (documented in docs/local-cluster.md):
     * HADOOP_CONF_DIR and NBCI_* connection details of the running services.
     */
    public Map<String, String> environment() {
        ClusterEndpoints e = endpoints();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("NBCI_CLUSTER_DIR", running().workingFolder().toString());
        env.put("HADOOP_CONF_DIR", e.hadoopConfDir().toString());
        put(env, "NBCI_HDFS_URI", e.hdfsUri());
        put(env, "NBCI_WEBHDFS_URL", e.webHdfsUrl());
        put(env, "NBCI_HIVE_JDBC_URL", e.hiveJdbcUrl());
        put(env, "NBCI_HIVE_METASTORE_URI", e.metastoreUri());
        put(env, "NBCI_GRAPHITE_HOST", e.graphiteHost());
        if (e.graphiteHost() != null) {
            env.put("NBCI_GRAPHITE_PORT", String.valueOf(e.graphitePort()));
        }
        return env;
    }

    /** {@link #environment()} as a POSIX shell file to {@code source}. */
    public String environmentFile() {
        StringBuilder out = new StringBuilder("# nbci local cluster: source this file (. ./cluster.env)\n");
        for (Map.Entry<String, String> e : environment().entrySet()) {
            out.append("export ").append(e.getKey()).append("='").append(e.getValue().replace("'", "'\\''"))
                    .append("'\n");
        }
        return out.toString();
    }

    /** Stops every service; no process, port or temporary folder is left. Safe to call twice. */
    public void stop() {
        if (handle != null) {
            handle.stop();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The backend's handle of the running cluster (package use: job containers join its network). */
    ClusterHandle handle() {
        return running();
    }

    private ClusterHandle running() {
        if (handle == null) {
            throw new ClusterException(ExitCode.BAD_INPUT, "local cluster not started: call start() first");
        }
        return handle;
    }

    private static String require(String value, ClusterService service) {
        if (value == null) {
            throw new ClusterException(ExitCode.BAD_INPUT, service.id() + " does not run in this local cluster "
                    + "(enable it with withServices(..))");
        }
        return value;
    }

    private static void put(Map<String, String> env, String key, String value) {
        if (value != null) {
            env.put(key, value);
        }
    }
}
