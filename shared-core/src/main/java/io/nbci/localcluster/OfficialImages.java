package io.nbci.localcluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The local cluster on the Apache project's own images instead of nbci's: {@code apache/hadoop}
 * (a NameNode and a DataNode container, configured through the image's {@code FILE.XML_key=value}
 * environment convention) and {@code apache/hive} ({@code SERVICE_NAME=metastore} and
 * {@code SERVICE_NAME=hiveserver2}, Hive settings in {@code SERVICE_OPTS}). This class translates a
 * {@link ClusterSpec} into the {@link ContainerPlan}s to start on the suite network; each service
 * answers there by its alias (namenode, datanode, metastore, hiveserver2) on the images' documented
 * ports, published on random host ports.
 *
 * <p>Limits compared with nbci's image (docs/containers.md): no Graphite sink and no control port
 * (no fast reset, no captured metrics), and the DataNode is advertised by its container name, so
 * HDFS data transfer and WebHDFS redirects work from job containers on the suite network, not
 * from the host. Teams need registry access (or locally tagged copies) for these images.
 *
 * @param hadoopImage e.g. docker.io/apache/hadoop:3.3.6
 * @param hiveImage   e.g. docker.io/apache/hive:4.0.1
 */
public record OfficialImages(String hadoopImage, String hiveImage) {

    public static final int NAMENODE_RPC = 8020;
    public static final int NAMENODE_HTTP = 9870;
    public static final int DATANODE_HTTP = 9864;
    public static final int METASTORE = 9083;
    public static final int HIVESERVER2 = 10000;

    /** The Hadoop and Hive versions nbci tests against. */
    public static OfficialImages defaults() {
        return new OfficialImages("docker.io/apache/hadoop:3.3.6", "docker.io/apache/hive:4.0.1");
    }

    /**
     * The containers for {@code spec}, in start order.
     *
     * @param hostPorts host port by container alias and port, e.g. {@code "namenode:9870" -> 43127}
     */
    List<ContainerPlan> plans(ClusterSpec spec, String session, String network, Map<String, Integer> hostPorts) {
        List<ContainerPlan> plans = new ArrayList<>();
        Duration timeout = spec.startupTimeout();
        if (spec.runs(ClusterService.HDFS)) {
            Map<String, String> hadoop = new LinkedHashMap<>();
            hadoop.put("CORE-SITE.XML_fs.defaultFS", "hdfs://namenode:" + NAMENODE_RPC);
            hadoop.put("HDFS-SITE.XML_dfs.namenode.rpc-address", "namenode:" + NAMENODE_RPC);
            hadoop.put("HDFS-SITE.XML_dfs.replication", "1");
            hadoop.put("HDFS-SITE.XML_dfs.permissions.enabled", "false");
            hadoop.put("HDFS-SITE.XML_dfs.webhdfs.enabled", "true");
            hadoop.put("HADOOP_HEAPSIZE_MAX", spec.memory());
            Map<String, String> namenode = new LinkedHashMap<>(hadoop);
            namenode.put("ENSURE_NAMENODE_DIR", "/tmp/hadoop-root/dfs/name");
            plans.add(plan(session, network, "namenode", hadoopImage, List.of("hdfs", "namenode"), namenode,
                    ports(hostPorts, "namenode", NAMENODE_RPC, NAMENODE_HTTP),
                    List.of(WaitStrategy.port(NAMENODE_RPC), WaitStrategy.webHdfs(NAMENODE_HTTP)), timeout));
            plans.add(plan(session, network, "datanode", hadoopImage, List.of("hdfs", "datanode"), hadoop,
                    ports(hostPorts, "datanode", DATANODE_HTTP), List.of(WaitStrategy.port(DATANODE_HTTP)), timeout));
        }
        if (spec.runs(ClusterService.HIVE)) {
            String warehouse = "-Dfs.defaultFS=hdfs://namenode:" + NAMENODE_RPC
                    + " -Dhive.metastore.warehouse.dir=hdfs://namenode:" + NAMENODE_RPC + "/user/hive/warehouse";
            plans.add(plan(session, network, "metastore", hiveImage, List.of(), Map.of("SERVICE_NAME", "metastore",
                    "SERVICE_OPTS", "-Xmx" + spec.memory() + " " + warehouse),
                    ports(hostPorts, "metastore", METASTORE), List.of(WaitStrategy.port(METASTORE)), timeout));
            plans.add(plan(session, network, "hiveserver2", hiveImage, List.of(), Map.of("SERVICE_NAME", "hiveserver2",
                    "IS_RESUME", "true",
                    "SERVICE_OPTS", "-Xmx" + spec.memory() + " -Dhive.metastore.uris=thrift://metastore:" + METASTORE
                            + " " + warehouse),
                    ports(hostPorts, "hiveserver2", HIVESERVER2),
                    List.of(WaitStrategy.logLine("Starting HiveServer2|HiveServer2.*started"),
                            WaitStrategy.port(HIVESERVER2)), timeout));
        }
        return plans;
    }

    private static Map<Integer, Integer> ports(Map<String, Integer> hostPorts, String alias, int... containerPorts) {
        Map<Integer, Integer> ports = new LinkedHashMap<>();
        for (int port : containerPorts) {
            Integer host = hostPorts.get(alias + ":" + port);
            if (host == null) {
                throw new ClusterException("no host port chosen for " + alias + ":" + port);
            }
            ports.put(port, host);
        }
        return ports;
    }

    private static ContainerPlan plan(String session, String network, String alias, String image, List<String> command,
            Map<String, String> env, Map<Integer, Integer> ports, List<WaitStrategy> waits, Duration timeout) {
        return new ContainerPlan("nbci-" + alias + "-" + session, image, command, env, ports, Set.of(), network,
                List.of(alias), ContainerLabels.of(session, alias, false), 0, Map.of(), waits, null, timeout);
    }
}
