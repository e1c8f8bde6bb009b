package io.nbci.cli;

import io.nbci.common.AtomicFiles;
import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import io.nbci.localcluster.ClusterBackend;
import io.nbci.localcluster.ClusterService;
import io.nbci.localcluster.DockerBackend;
import io.nbci.localcluster.EmbeddedBackend;
import io.nbci.localcluster.LocalCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nbci cluster up}: starts the local cluster, prints its connection details and writes an env file. */
@Command(name = "up", mixinStandardHelpOptions = true, description = {
    "Start the local cluster, print its connection details and write an env file to source.",
    "Without --detach it runs until Ctrl-C; with --detach it keeps running until 'nbci cluster down'."})
public final class ClusterUpCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions options;

    @Option(names = "--work", paramLabel = "DIR", defaultValue = ".nbci/cluster",
            description = "Working folder: configuration, data, logs (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--detach", description = "Return once ready and leave the cluster running.")
    boolean detach;

    @Option(names = "--env-file", paramLabel = "FILE",
            description = "Where to write the env file (default: <work>/cluster.env).")
    Path envFile;

    @Option(names = "--services", split = ",", paramLabel = "SERVICE",
            description = "Services to run: hdfs, hive, graphite (default: all).")
    List<String> services;

    @Option(names = "--memory", defaultValue = "768m", description = "Heap of the service JVM (default: ${DEFAULT-VALUE}).")
    String memory;

    @Option(names = "--hdfs-port", defaultValue = "0", description = "NameNode RPC port (0: any free port).")
    int hdfsPort;

    @Option(names = "--webhdfs-port", defaultValue = "0", description = "NameNode HTTP (WebHDFS) port.")
    int webHdfsPort;

    @Option(names = "--hive-port", defaultValue = "0", description = "HiveServer2 JDBC port.")
    int hivePort;

    @Option(names = "--metastore-port", defaultValue = "0", description = "Hive metastore Thrift port.")
    int metastorePort;

    @Option(names = "--graphite-port", defaultValue = "0", description = "Graphite plaintext port (TCP and UDP).")
    int graphitePort;

    @Option(names = "--timeout", defaultValue = "180", paramLabel = "SECONDS",
            description = "Startup timeout in seconds (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--backend", defaultValue = "embedded", paramLabel = "embedded|docker",
            description = "Where the services run: a child JVM (embedded) or a container through DOCKER_HOST "
                    + "(docker; docs/containers.md). Default: ${DEFAULT-VALUE}.")
    String backend;

    @Option(names = "--image", paramLabel = "IMAGE",
            description = "With --backend docker: the cluster image (default: localhost/nbci-cluster:<version>).")
    String image;

    @Override
    public Integer call() throws InterruptedException {
        LogSink log = options.log();
        LocalCluster cluster = new LocalCluster()
                .withBackend(backend(backend, image))
                .withWorkingFolder(work)
                .withMemory(memory)
                .withHdfsPort(hdfsPort)
                .withWebHdfsPort(webHdfsPort)
                .withHivePort(hivePort)
                .withMetastorePort(metastorePort)
                .withGraphitePort(graphitePort)
                .withStartupTimeout(Duration.ofSeconds(timeoutSeconds))
                .withDetached(detach)
                .withLogSink(log);
        if (services != null) {
            cluster.withServices(services.stream().map(ClusterUpCommand::service).toArray(ClusterService[]::new));
        }
        cluster.start();
        Path env = envFile != null ? envFile : cluster.getWorkingFolder().resolve("cluster.env");
        AtomicFiles.write(env, cluster.environmentFile());
        print(log, cluster, env);
        if (detach) {
            log.info("running in the background; stop it with: nbci cluster down --work " + work);
            return ExitCode.OK.code();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "nbci-cluster-stop"));
        log.info("press Ctrl-C to stop");
        while (cluster.isRunning()) {
            Thread.sleep(2000);
        }
        log.error("the local cluster stopped on its own; see " + cluster.getLogFile());
        return ExitCode.INFRASTRUCTURE.code();
    }

    static void print(LogSink log, LocalCluster cluster, Path env) {
        for (Map.Entry<String, String> e : cluster.environment().entrySet()) {
            log.info(String.format("  %-24s %s", e.getKey(), e.getValue()));
        }
        if (env != null) {
            log.info("env file: " + env + "   (source it: . " + env + ")");
        }
    }

    static ClusterBackend backend(String name, String image) {
        switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "embedded":
                if (image != null) {
                    throw new io.nbci.common.NbciException(ExitCode.BAD_INPUT,
                            "--image: only with --backend docker, found --backend " + name);
                }
                return new EmbeddedBackend();
            case "docker":
                return image == null ? new DockerBackend() : new DockerBackend().withImage(image);
            default:
                throw new io.nbci.common.NbciException(ExitCode.BAD_INPUT,
                        "--backend: embedded or docker expected, found '" + name + "'");
        }
    }

    private static ClusterService service(String name) {
        for (ClusterService service : ClusterService.values()) {
            if (service.id().equals(name.trim().toLowerCase(java.util.Locale.ROOT))) {
                return service;
            }
        }
        throw new io.nbci.common.NbciException(ExitCode.BAD_INPUT,
                "--services: hdfs, hive or graphite expected, found '" + name + "'");
    }
}
