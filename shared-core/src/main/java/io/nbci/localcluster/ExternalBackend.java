package io.nbci.localcluster;

import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import io.nbci.results.MetricSample;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * An existing cluster (the team's own YARN/Spark, or one {@code nbci cluster up} started in
 * another process), used through its ordinary endpoints: HiveServer2 over JDBC and HDFS over the
 * Hadoop client. nbci still starts its small service JVM here, with only the Graphite sink (the
 * job's metrics come to this machine) and the HQL channel pointed at the external HiveServer2.
 * {@link ClusterHandle#reset()} never wipes an external cluster: it only forgets metrics.
 */
public final class ExternalBackend implements ClusterBackend {
    private final String hiveJdbcUrl;
    private final String hdfsUri;
    private final String webHdfsUrl;
    private final String metastoreUri;
    private final String scratchPrefix;
    private final Function<LogSink, List<Path>> classpath;

    private ExternalBackend(String hiveJdbcUrl, String hdfsUri, String webHdfsUrl, String metastoreUri,
            String scratchPrefix, Function<LogSink, List<Path>> classpath) {
        this.hiveJdbcUrl = hiveJdbcUrl;
        this.hdfsUri = hdfsUri;
        this.webHdfsUrl = webHdfsUrl;
        this.metastoreUri = metastoreUri;
        this.scratchPrefix = scratchPrefix;
        this.classpath = classpath;
    }

    /** The cluster at these endpoints; {@code webHdfsUrl} and {@code metastoreUri} may be null. */
    public static ExternalBackend of(String hiveJdbcUrl, String hdfsUri, String webHdfsUrl, String metastoreUri,
            String scratchPrefix) {
        return of(hiveJdbcUrl, hdfsUri, webHdfsUrl, metastoreUri, scratchPrefix, RuntimeClasspath::resolve);
    }

    /** As {@link #of(String, String, String, String, String)} with a given runtime classpath (tests). */
    public static ExternalBackend of(String hiveJdbcUrl, String hdfsUri, String webHdfsUrl, String metastoreUri,
            String scratchPrefix, Function<LogSink, List<Path>> classpath) {
        if (hiveJdbcUrl == null || !hiveJdbcUrl.startsWith("jdbc:hive2://")) {
            throw new ClusterException(ExitCode.BAD_INPUT, "hive JDBC URL: jdbc:hive2://HOST:PORT/DB expected, found "
                    + hiveJdbcUrl);
        }
        URI hdfs = URI.create(hdfsUri == null ? "" : hdfsUri);
        if (hdfs.getScheme() == null || hdfs.getAuthority() == null) {
            throw new ClusterException(ExitCode.BAD_INPUT, "HDFS URI: hdfs://HOST:PORT expected, found " + hdfsUri);
        }
        if (scratchPrefix == null || !scratchPrefix.startsWith("/") || scratchPrefix.equals("/")) {
            throw new ClusterException(ExitCode.BAD_INPUT, "scratch prefix: an HDFS folder below / expected, found "
                    + scratchPrefix);
        }
        return new ExternalBackend(hiveJdbcUrl, hdfsUri, webHdfsUrl, metastoreUri, scratchPrefix, classpath);
    }

    @Override
    public String name() {
        return "external";
    }

    /** The only HDFS folder scenarios may write to and clean on an external cluster. */
    public String scratchPrefix() {
        return scratchPrefix;
    }

    @Override
    public String hdfsScratchRoot() {
        return scratchPrefix;
    }

    @Override
    public ClusterHandle start(ClusterSpec spec, LogSink log) {
        ClusterSpec sinkOnly = new ClusterSpec(EnumSet.of(ClusterService.GRAPHITE), spec.host(), spec.ports(),
                "256m", spec.workingFolder(), spec.startupTimeout(), spec.detached());
        ClusterHandle sink = new EmbeddedBackend(classpath, Map.of("hive.jdbc.url", hiveJdbcUrl)).start(sinkOnly, log);
        ClusterEndpoints local = sink.endpoints();
        ClusterEndpoints endpoints = new ClusterEndpoints(hdfsUri, webHdfsUrl, hiveJdbcUrl, metastoreUri,
                local.graphiteHost(), local.graphitePort(), local.hadoopConfDir(), local.logFile());
        int webHdfsPort = webHdfsUrl == null ? 0 : Math.max(0, URI.create(webHdfsUrl).getPort());
        HadoopConfWriter.write(endpoints.hadoopConfDir(), endpoints, URI.create(hdfsUri).getHost(), webHdfsPort);
        log.info("external cluster: HiveServer2 " + hiveJdbcUrl + ", HDFS " + hdfsUri + " (scenarios write under "
                + scratchPrefix + ")");
        return new Handle(sink, endpoints);
    }

    private static final class Handle implements ClusterHandle {
        private final ClusterHandle sink;
        private final ClusterEndpoints endpoints;

        Handle(ClusterHandle sink, ClusterEndpoints endpoints) {
            this.sink = sink;
            this.endpoints = endpoints;
        }

        @Override
        public ClusterEndpoints endpoints() {
            return endpoints;
        }

        @Override
        public Path workingFolder() {
            return sink.workingFolder();
        }

        @Override
        public Duration reset() {
            long t0 = System.nanoTime();
            sink.clearMetrics();
            return Duration.ofNanos(System.nanoTime() - t0);
        }

        @Override
        public List<MetricSample> metrics(String glob) {
            return sink.metrics(glob);
        }

        @Override
        public HiveResult hive(List<String> statements) {
            return sink.hive(statements);
        }

        @Override
        public void clearMetrics() {
            sink.clearMetrics();
        }

        @Override
        public boolean isRunning() {
            return sink.isRunning();
        }

        @Override
        public OptionalLong pid() {
            return sink.pid();
        }

        @Override
        public void stop() {
            sink.stop();
        }
    }
}
