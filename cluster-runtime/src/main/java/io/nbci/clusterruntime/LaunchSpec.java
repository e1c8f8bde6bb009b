package io.nbci.clusterruntime;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What the core asks the launcher to start: read from the {@code launch.properties} file that
 * {@code io.nbci.localcluster.EmbeddedBackend} writes into the working folder and passes as the
 * launcher's only argument. Every port is chosen by the core up front (so HDFS and HiveServer2
 * can start at the same time and the core knows every address before the child is ready).
 *
 * <p>Keys (protocol 1): {@code protocol}, {@code work.dir}, {@code work.temporary},
 * {@code ready.file}, {@code control.port}, {@code control.token}, {@code parent.pid}
 * ({@code 0} = detached: do not watch the parent), {@code services} (comma list of
 * {@code hdfs,hive,graphite}), {@code host}, {@code hdfs.port}, {@code hdfs.http.port},
 * {@code hive.port}, {@code metastore.port}, {@code graphite.port}.
 *
 * <p>Optional keys for a launcher inside a container (the container backend writes them):
 * {@code bind.host} (the address every service and the control port listen on, e.g.
 * {@code 0.0.0.0}; default: {@code host} for services and loopback for control),
 * {@code datanode.port}, {@code datanode.http.port}, {@code datanode.ipc.port} (fixed DataNode
 * ports so they can be published under the same numbers; default: any free port).
 */
record LaunchSpec(Path workDir, boolean temporary, Path readyFile, int controlPort, String token, long parentPid,
        boolean hdfs, boolean hive, boolean graphite, String host, int hdfsPort, int hdfsHttpPort, int hivePort,
        int metastorePort, int graphitePort, String bindHost, int datanodePort, int datanodeHttpPort,
        int datanodeIpcPort, String externalJdbcUrl) {

    static final String PROTOCOL = "1";

    static LaunchSpec read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        String protocol = p.getProperty("protocol", "");
        if (!PROTOCOL.equals(protocol)) {
            throw new IllegalArgumentException("launch protocol " + PROTOCOL + " expected, found '" + protocol
                    + "' in " + file + ": the nbci command line and the cluster runtime are of different versions");
        }
        String services = "," + required(p, "services", file).replace(" ", "") + ",";
        return new LaunchSpec(Path.of(required(p, "work.dir", file)),
                Boolean.parseBoolean(p.getProperty("work.temporary", "false")),
                Path.of(required(p, "ready.file", file)),
                Integer.parseInt(required(p, "control.port", file)),
                required(p, "control.token", file),
                Long.parseLong(p.getProperty("parent.pid", "0")),
                services.contains(",hdfs,"), services.contains(",hive,"), services.contains(",graphite,"),
                p.getProperty("host", "localhost"),
                Integer.parseInt(p.getProperty("hdfs.port", "0")),
                Integer.parseInt(p.getProperty("hdfs.http.port", "0")),
                Integer.parseInt(p.getProperty("hive.port", "0")),
                Integer.parseInt(p.getProperty("metastore.port", "0")),
                Integer.parseInt(p.getProperty("graphite.port", "0")),
                p.getProperty("bind.host", ""),
                Integer.parseInt(p.getProperty("datanode.port", "0")),
                Integer.parseInt(p.getProperty("datanode.http.port", "0")),
                Integer.parseInt(p.getProperty("datanode.ipc.port", "0")),
                p.getProperty("hive.jdbc.url"));
    }

    /** The address services listen on: {@code bind.host} when given, else the client host name. */
    String serviceBindHost() {
        return bindHost.isEmpty() ? host : bindHost;
    }

    private static String required(Properties p, String key, Path file) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("key '" + key + "' expected in " + file + ", not found");
        }
        return value;
    }
}
