package io.nbci.deploy;

import io.nbci.common.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * The Hadoop client configuration a target is opened with, and where it came from. A deploy
 * sees the cluster as {@code hadoop fs} does: its {@code core-site.xml} and {@code hdfs-site.xml}
 * (HA nameservices, {@code dfs.namenode.kerberos.principal}, {@code dfs.data.transfer.protection},
 * ...). Layers, each overriding the ones before it:
 * <ol>
 * <li>Hadoop's defaults ({@code core-default.xml}, {@code hdfs-default.xml});</li>
 * <li>the client configuration folder: the target's {@code hadoop-conf}, else {@code $HADOOP_CONF_DIR};</li>
 * <li>nbci's client defaults ({@link #DEFAULTS}): fail within seconds when a NameNode is down,
 *     poll block completion sooner, no FileSystem shutdown hook;</li>
 * <li>the target's {@code hadoop-properties};</li>
 * <li>nbci's fixed settings ({@link #FIXED}), which no file or property changes: umask 000 so
 *     {@code permission} bits are exact, composite CRCs for verification, and the authentication
 *     the target declares ({@code kerberos:} or simple).</li>
 * </ol>
 *
 * <pre>{@code
 * ClientConfiguration client = ClientConfiguration.of(target, System.getenv());
 * log.info(client.describe());   // names files and property keys, never values
 * FileSystem fs = FileSystem.newInstance(target.uri(), client.conf());
 * }</pre>
 */
public final class ClientConfiguration {
    /** The environment variable read when a target has no {@code hadoop-conf}, as Hadoop's own commands do. */
    public static final String HADOOP_CONF_DIR = "HADOOP_CONF_DIR";

    /** The files read from the configuration folder; YARN's and MapReduce's are of no use to a deploy. */
    public static final List<String> SITE_FILES = List.of("core-site.xml", "hdfs-site.xml");

    /** Keys nbci sets after everything else, with the reason; {@code hadoop-properties} may not name them. */
    public static final Map<String, String> FIXED = Map.of(
            "fs.permissions.umask-mode", "permission and dir-permission are applied exactly (umask 000)",
            "dfs.checksum.combine.mode", "verify: auto compares composite CRC32C checksums (COMPOSITE_CRC); "
                    + "use verify: read-back to compare bytes instead",
            "hadoop.security.authentication", "the target's kerberos: (or its absence) decides the authentication");

    /** nbci's client defaults, over the site files: a CI step should fail in seconds, not retry for minutes. */
    public static final Map<String, String> DEFAULTS = defaults();

    private final Configuration conf;
    private final String description;

    private ClientConfiguration(Configuration conf, String description) {
        this.conf = conf;
        this.description = description;
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("ipc.client.connect.max.retries", "2");
        defaults.put("ipc.client.connect.max.retries.on.timeouts", "2");
        defaults.put("ipc.client.connect.retry.interval", "300");
        defaults.put("ipc.client.connect.timeout", "5000");
        defaults.put("dfs.client.retry.policy.enabled", "false");
        defaults.put("dfs.webhdfs.socket.connect-timeout", "5s");
        defaults.put("dfs.webhdfs.socket.read-timeout", "60s");
        // nbci closes its FileSystem itself; Hadoop's shutdown hook would close it under a running deploy
        defaults.put("fs.automatic.close", "false");
        // closing a file waits until the NameNode has the DataNodes' block reports; the default first
        // back-off (400 ms) dominates a deploy of many small files, so poll sooner (same retry count)
        defaults.put("dfs.client.block.write.locateFollowingBlock.initial.delay.ms", "50");
        return Map.copyOf(defaults);
    }

    /**
     * The configuration of {@code target}. {@code env} supplies {@code HADOOP_CONF_DIR} when the target
     * has no {@code hadoop-conf}. A missing folder, a folder without site files, or an unreadable or
     * malformed file is a {@link DeployException} with exit code 2 naming the target's file:line and the path.
     */
    public static ClientConfiguration of(DeployTarget target, Map<String, String> env) {
        Configuration conf = new Configuration();
        String source;
        Path folder = null;
        if (target.hadoopConf() != null) {
            folder = Path.of(target.hadoopConf());
            source = "hadoop-conf of target " + target.name();
        } else {
            String fromEnv = env.get(HADOOP_CONF_DIR);
            source = HADOOP_CONF_DIR;
            if (fromEnv != null && !fromEnv.isBlank()) {
                folder = Path.of(fromEnv.strip());
            }
        }
        List<String> read = new ArrayList<>();
        if (folder != null) {
            read = addSiteFiles(conf, folder, target, source);
        }
        DEFAULTS.forEach(conf::set);
        target.hadoopProperties().forEach(conf::set);
        conf.set("fs.permissions.umask-mode", "000");
        conf.set("dfs.checksum.combine.mode", "COMPOSITE_CRC");
        conf.set("hadoop.security.authentication", target.kerberos() ? "kerberos" : "simple");
        if (target.kerberos()) {
            conf.set("hadoop.security.authorization", "true");
        }
        StringBuilder description = new StringBuilder("hadoop configuration (target ").append(target.name())
                .append("): ");
        if (folder == null) {
            description.append("Hadoop's defaults (no hadoop-conf, ").append(HADOOP_CONF_DIR).append(" not set)");
        } else {
            description.append(String.join(", ", read)).append(" from ").append(folder).append(" (")
                    .append(source).append(')');
        }
        if (!target.hadoopProperties().isEmpty()) {
            // names only: a value may be a password or a token
            description.append("; hadoop-properties: ").append(String.join(", ", target.hadoopProperties().keySet()));
        }
        return new ClientConfiguration(conf, description.toString());
    }

    /**
     * nbci's settings alone, without any site file or target property: Hadoop's defaults, {@link #DEFAULTS}
     * and the fixed settings for simple authentication (the benchmark opens its reference client with these).
     */
    public static Configuration defaultsOnly() {
        Configuration conf = new Configuration();
        DEFAULTS.forEach(conf::set);
        conf.set("fs.permissions.umask-mode", "000");
        conf.set("dfs.checksum.combine.mode", "COMPOSITE_CRC");
        return conf;
    }

    private static List<String> addSiteFiles(Configuration conf, Path folder, DeployTarget target, String source) {
        String where = target.where() + ": target " + target.name() + ": " + source + " " + folder;
        if (!Files.isDirectory(folder)) {
            throw new DeployException(ExitCode.BAD_INPUT, where + " does not exist or is not a folder; expected the "
                    + "cluster's client configuration folder (e.g. /etc/hadoop/conf) holding "
                    + String.join(" and ", SITE_FILES));
        }
        List<String> read = new ArrayList<>();
        for (String name : SITE_FILES) {
            Path file = folder.resolve(name);
            if (!Files.exists(file)) {
                continue;
            }
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new DeployException(ExitCode.BAD_INPUT, where + ": " + file + " is not a readable file");
            }
            org.apache.hadoop.fs.Path resource = new org.apache.hadoop.fs.Path(file.toAbsolutePath().toUri());
            // Hadoop parses resources lazily, at the first get(): parse this one now, alone, to name it
            Configuration probe = new Configuration(false);
            probe.addResource(resource);
            try {
                probe.size();
            } catch (RuntimeException e) {
                throw new DeployException(ExitCode.BAD_INPUT, where + ": " + file + " is not a Hadoop configuration "
                        + "file: " + TargetConnection.firstLine(rootMessage(e)), e);
            }
            conf.addResource(resource);
            read.add(name);
        }
        if (read.isEmpty()) {
            throw new DeployException(ExitCode.BAD_INPUT, where + " holds neither " + String.join(" nor ", SITE_FILES)
                    + "; expected the cluster's client configuration folder (e.g. /etc/hadoop/conf)");
        }
        return List.copyOf(read);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    /** The configuration to open the target's FileSystem with (a Kerberos login reads it too). */
    public Configuration conf() {
        return conf;
    }

    /** One log line: which folder and files were read, and the names (never the values) of hadoop-properties. */
    public String describe() {
        return description;
    }
}
