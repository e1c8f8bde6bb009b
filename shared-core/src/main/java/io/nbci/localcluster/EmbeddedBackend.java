package io.nbci.localcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbci.common.AtomicFiles;
import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs the services in a child JVM on this machine: the cluster runtime launcher
 * ({@code io.nbci:nbci-cluster-runtime}) on its own classpath, so Hive's and Hadoop's libraries
 * never reach the caller's classpath. The child exits when the caller's process dies (unless
 * {@link ClusterSpec#detached()}).
 *
 * <p>Files in the working folder: {@code launch.properties} (what to start), {@code ready.json}
 * (written by the launcher when ready or failed), {@code conf/} (HADOOP_CONF_DIR for clients),
 * {@code logs/cluster.log} (the service JVM's output).
 */
public final class EmbeddedBackend implements ClusterBackend {

    /** Opens Hive and Hadoop need on Java 17. */
    static final List<String> JVM_OPENS = List.of("java.base/java.lang", "java.base/java.lang.invoke",
            "java.base/java.lang.reflect", "java.base/java.io", "java.base/java.net", "java.base/java.nio",
            "java.base/java.util", "java.base/java.util.concurrent", "java.base/java.util.concurrent.atomic",
            "java.base/java.util.regex", "java.base/java.time", "java.base/java.text", "java.base/sun.nio.ch",
            "java.base/sun.nio.cs", "java.base/sun.security.action", "java.base/sun.util.calendar",
            "java.sql/java.sql");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LOG_LINES = 25;

    private final Function<LogSink, List<Path>> classpath;
    private final Map<String, String> extraLaunch;

    /** Resolves the runtime as {@link RuntimeClasspath#resolve(LogSink)} does. */
    public EmbeddedBackend() {
        this(RuntimeClasspath::resolve);
    }

    /** Uses the given runtime classpath provider (tests, or a pre-resolved classpath). */
    public EmbeddedBackend(Function<LogSink, List<Path>> classpath) {
        this(classpath, Map.of());
    }

    /** With extra keys for the launcher, e.g. {@code hive.jdbc.url} when HQL goes to an external HiveServer2. */
    EmbeddedBackend(Function<LogSink, List<Path>> classpath, Map<String, String> extraLaunch) {
        this.classpath = classpath;
        this.extraLaunch = Map.copyOf(extraLaunch);
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public ClusterHandle start(ClusterSpec spec, LogSink log) {
        List<Path> jars = classpath.apply(log);
        boolean temporary = spec.workingFolder() == null;
        Path work = prepareWorkingFolder(spec, temporary);
        try {
            return launch(spec, log, jars, work, temporary);
        } catch (RuntimeException e) {
            if (temporary) {
                FileTrees.delete(work);
            }
            throw e;
        }
    }

    private static Path prepareWorkingFolder(ClusterSpec spec, boolean temporary) {
        try {
            if (temporary) {
                return Files.createTempDirectory("nbci-cluster-").toAbsolutePath();
            }
            Path work = spec.workingFolder().toAbsolutePath();
            if (Files.exists(work.resolve("ready.json")) && Files.exists(work.resolve("launch.properties"))) {
                ClusterHandle existing = attach(work);
                if (existing.isRunning()) {
                    throw new ClusterException("a local cluster already runs from " + work + " (pid "
                            + existing.pid().orElse(-1) + "): stop it first (nbci cluster down)");
                }
            }
            for (String stale : List.of("ready.json", "hdfs", "hive", "tmp", "conf")) {
                FileTrees.delete(work.resolve(stale));
            }
            Files.createDirectories(work);
            return work;
        } catch (IOException e) {
            throw new ClusterException("cannot create the cluster working folder: " + e.getMessage(), e);
        }
    }

    private ClusterHandle launch(ClusterSpec spec, LogSink log, List<Path> jars, Path work, boolean temporary) {
        Map<ClusterSpec.Port, Integer> ports = Ports.choose(spec, Ports.needed(spec, false));
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Path logFile = work.resolve("logs/cluster.log");
        Path readyFile = work.resolve("ready.json");
        Path launchFile = work.resolve("launch.properties");
        try {
            Files.createDirectories(work.resolve("logs"));
            Files.createDirectories(work.resolve("tmp"));
        } catch (IOException e) {
            throw new ClusterException("cannot create folders in " + work + ": " + e.getMessage(), e);
        }
        AtomicFiles.write(launchFile, LaunchFile.render(spec, ports, token, work.toString(), readyFile.toString(),
                temporary, spec.detached() ? 0 : ProcessHandle.current().pid(), extraLaunch));
        launchFile.toFile().setReadable(false, false);
        launchFile.toFile().setReadable(true, true);

        ClusterEndpoints endpoints = endpoints(spec.host(), ports, work);
        HadoopConfWriter.write(endpoints.hadoopConfDir(), endpoints, spec.host(),
                ports.getOrDefault(ClusterSpec.Port.WEBHDFS, 0));

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + spec.memory());
        command.add("-XX:+UseSerialGC");
        for (String open : JVM_OPENS) {
            command.add("--add-opens=" + open + "=ALL-UNNAMED");
        }
        command.add("-Djava.io.tmpdir=" + work.resolve("tmp"));
        command.add("-Dlog4j.configurationFile=nbci-cluster-log4j2.properties");
        command.add("-Dlog4j2.configurationFile=nbci-cluster-log4j2.properties");
        command.add("-Dderby.stream.error.file=" + work.resolve("logs/derby.log"));
        command.add("-Dnbci.cluster.work=" + work);
        command.add("-cp");
        command.add(jars.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        command.add(RuntimeClasspath.runtimeProperties().getProperty("mainClass"));
        command.add(launchFile.toString());

        ProcessBuilder builder = new ProcessBuilder(command).directory(work.resolve("tmp").toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        isolateFromClientConfiguration(builder.environment());
        if (spec.detached()) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        log.info("starting local cluster (" + spec.services().stream().map(ClusterService::id).sorted()
                .collect(Collectors.joining(", ")) + ") in " + work);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ClusterException("cannot start the cluster service JVM (" + command.get(0) + "): "
                    + e.getMessage(), e);
        }
        ControlClient control = new ControlClient(ports.get(ClusterSpec.Port.CONTROL), token);
        long started = System.nanoTime();
        long deadline = started + spec.startupTimeout().toNanos();
        while (true) {
            if (Files.exists(readyFile)) {
                JsonNode ready = readJson(readyFile);
                if (ready.path("ok").asBoolean(false)) {
                    log.info("local cluster ready in " + (System.nanoTime() - started) / 1_000_000 + " ms (pid "
                            + process.pid() + ")");
                    return new EmbeddedHandle(endpoints, work, temporary, control, process.toHandle(), process);
                }
                waitForExit(process, 5000);
                throw new ClusterException(ready.path("service").asText("cluster") + " failed to start on port "
                        + ready.path("port").asInt() + ": " + ready.path("error").asText("(no detail)")
                        + lastLines(logFile));
            }
            if (!process.isAlive()) {
                throw new ClusterException("the cluster service JVM exited with status " + process.exitValue()
                        + " before it was ready" + lastLines(logFile));
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                waitForExit(process, 10_000);
                throw new ClusterException(ExitCode.TIMEOUT, "local cluster not ready within "
                        + spec.startupTimeout().toSeconds() + " s (services " + spec.services()
                        + ", ports " + ports + ")" + lastLines(logFile));
            }
            sleep(100);
        }
    }

    /** Reconnects to a cluster started earlier from {@code workingFolder} (for example by {@code nbci cluster up --detach}). */
    public static ClusterHandle attach(Path workingFolder) {
        Path work = workingFolder.toAbsolutePath();
        Path launchFile = work.resolve("launch.properties");
        Path readyFile = work.resolve("ready.json");
        if (!Files.exists(launchFile) || !Files.exists(readyFile)) {
            throw new ClusterException(ExitCode.BAD_INPUT, "no local cluster in " + work
                    + ": launch.properties and ready.json expected, not found (start one with nbci cluster up)");
        }
        Properties launch = new Properties();
        try (Reader in = Files.newBufferedReader(launchFile, StandardCharsets.UTF_8)) {
            launch.load(in);
        } catch (IOException e) {
            throw new ClusterException("cannot read " + launchFile + ": " + e.getMessage(), e);
        }
        JsonNode ready = readJson(readyFile);
        Map<ClusterSpec.Port, Integer> ports = new java.util.EnumMap<>(ClusterSpec.Port.class);
        for (ClusterSpec.Port port : ClusterSpec.Port.values()) {
            String key = LaunchFile.key(port);
            if (launch.getProperty(key) != null) {
                ports.put(port, Integer.parseInt(launch.getProperty(key)));
            }
        }
        ClusterEndpoints endpoints = endpoints(launch.getProperty("host", "localhost"), ports, work);
        ControlClient control = new ControlClient(ports.get(ClusterSpec.Port.CONTROL), launch.getProperty("control.token"));
        ProcessHandle process = ProcessHandle.of(ready.path("pid").asLong(-1)).orElse(null);
        return new EmbeddedHandle(endpoints, work, Boolean.parseBoolean(launch.getProperty("work.temporary")),
                control, process, null);
    }

    static ClusterEndpoints endpoints(String host, Map<ClusterSpec.Port, Integer> ports, Path work) {
        Integer hdfs = ports.get(ClusterSpec.Port.HDFS);
        Integer webHdfs = ports.get(ClusterSpec.Port.WEBHDFS);
        Integer hive = ports.get(ClusterSpec.Port.HIVE);
        Integer metastore = ports.get(ClusterSpec.Port.METASTORE);
        Integer graphite = ports.get(ClusterSpec.Port.GRAPHITE);
        return new ClusterEndpoints(
                hdfs == null ? null : "hdfs://" + host + ":" + hdfs,
                webHdfs == null ? null : "http://" + host + ":" + webHdfs + "/webhdfs/v1",
                hive == null ? null : "jdbc:hive2://" + host + ":" + hive + "/default",
                metastore == null ? null : "thrift://" + host + ":" + metastore,
                graphite == null ? null : host,
                graphite == null ? 0 : graphite,
                work.resolve("conf"),
                work.resolve("logs/cluster.log"));
    }

    /**
     * The variables through which Hive and Hadoop would read a configuration other than the one the
     * launcher gives them: a CI agent's {@code HIVE_CONF_DIR} (a real cluster's hive-site.xml) must
     * not point the local HiveServer2 at a production metastore.
     */
    static final List<String> CLIENT_CONFIGURATION_VARIABLES = List.of("HIVE_CONF_DIR", "HIVE_HOME",
            "HADOOP_CONF_DIR", "HADOOP_HOME", "HADOOP_CLASSPATH", "HIVE_AUX_JARS_PATH", "YARN_CONF_DIR");

    /**
     * Keeps the service JVM on its own settings. With {@code HIVE_HOME} unset, HiveConf also looks for
     * {@code conf/hive-site.xml} relative to the working directory: the service therefore runs in
     * {@code tmp/}, not next to the clients' {@code conf/} (whose hive-site.xml names the Thrift
     * metastore, which is not up yet while HiveServer2 initialises: three seconds of retries).
     */
    static void isolateFromClientConfiguration(Map<String, String> environment) {
        CLIENT_CONFIGURATION_VARIABLES.forEach(environment::remove);
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new ClusterException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static String lastLines(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size());
            return "\nlast " + tail.size() + " lines of " + logFile + ":\n  " + String.join("\n  ", tail);
        } catch (IOException e) {
            return "\n(no log at " + logFile + ")";
        }
    }

    static void waitForExit(Process process, long millis) {
        try {
            process.waitFor(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted while waiting for the local cluster");
        }
    }
}
