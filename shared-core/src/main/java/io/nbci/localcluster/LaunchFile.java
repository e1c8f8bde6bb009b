package io.nbci.localcluster;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cluster runtime's {@code launch.properties} (protocol 1, read by the runtime's
 * {@code LaunchSpec}): written into the working folder for a child JVM by {@link EmbeddedBackend},
 * copied into the container by {@link DockerBackend}.
 */
final class LaunchFile {

    private LaunchFile() {
    }

    /**
     * The file's text.
     *
     * @param workDir   the working folder as the launcher sees it (in a container: {@code /nbci/work})
     * @param readyFile where the launcher writes ready.json, as it sees it
     * @param parentPid the process whose end stops the launcher; 0 for none (detached, or in a container)
     * @param extra     further keys, e.g. {@code bind.host} in a container, {@code hive.jdbc.url} for an external
     *                  HiveServer2
     */
    static String render(ClusterSpec spec, Map<ClusterSpec.Port, Integer> ports, String token, String workDir,
            String readyFile, boolean temporary, long parentPid, Map<String, String> extra) {
        StringBuilder launch = new StringBuilder("# written by nbci: what the cluster runtime starts\n");
        launch.append("protocol=1\n");
        launch.append("work.dir=").append(escape(workDir)).append('\n');
        launch.append("work.temporary=").append(temporary).append('\n');
        launch.append("ready.file=").append(escape(readyFile)).append('\n');
        launch.append("control.token=").append(token).append('\n');
        launch.append("parent.pid=").append(parentPid).append('\n');
        launch.append("services=").append(spec.services().stream().map(ClusterService::id).sorted()
                .collect(Collectors.joining(","))).append('\n');
        launch.append("host=").append(spec.host()).append('\n');
        ports.forEach((port, number) -> launch.append(key(port)).append('=').append(number).append('\n'));
        extra.forEach((key, value) -> launch.append(key).append('=').append(escape(value)).append('\n'));
        return launch.toString();
    }

    /** The key of a port: {@code hdfs.http.port} for WebHDFS, {@code datanode.http.port}, ..., else NAME.port. */
    static String key(ClusterSpec.Port port) {
        switch (port) {
            case WEBHDFS:
                return "hdfs.http.port";
            case DATANODE_HTTP:
                return "datanode.http.port";
            case DATANODE_IPC:
                return "datanode.ipc.port";
            default:
                return Ports.name(port) + ".port";
        }
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }
}
