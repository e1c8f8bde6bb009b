package io.nbci.localcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.Test;

public class OfficialImagesTest {

    private static final Map<String, Integer> HOST_PORTS = Map.of("namenode:8020", 41000, "namenode:9870", 41001,
            "datanode:9864", 41002, "metastore:9083", 41003, "hiveserver2:10000", 41004);

    private static List<ContainerPlan> plans(ClusterService... services) {
        return OfficialImages.defaults().plans(new LocalCluster().withServices(services).withMemory("512m").spec(),
                "s1", "nbci-s1", HOST_PORTS);
    }

    @Test
    public void shouldStartNameNodeDataNodeMetastoreAndHiveServer2InThatOrder() {
        assertThat(plans(ClusterService.HDFS, ClusterService.HIVE)).extracting(ContainerPlan::name)
                .containsExactly("nbci-namenode-s1", "nbci-datanode-s1", "nbci-metastore-s1", "nbci-hiveserver2-s1");
    }

    @Test
    public void shouldConfigureHadoopThroughTheImagesEnvironmentConvention() {
        ContainerPlan namenode = plans(ClusterService.HDFS).get(0);

        assertThat(namenode.image()).isEqualTo("docker.io/apache/hadoop:3.3.6");
        assertThat(namenode.command()).containsExactly("hdfs", "namenode");
        assertThat(namenode.env()).containsEntry("CORE-SITE.XML_fs.defaultFS", "hdfs://namenode:8020")
                .containsEntry("HDFS-SITE.XML_dfs.replication", "1")
                .containsEntry("ENSURE_NAMENODE_DIR", "/tmp/hadoop-root/dfs/name")
                .containsEntry("HADOOP_HEAPSIZE_MAX", "512m");
        assertThat(namenode.ports()).containsEntry(8020, 41000).containsEntry(9870, 41001);
        assertThat(namenode.aliases()).containsExactly("namenode");
        assertThat(namenode.network()).isEqualTo("nbci-s1");
        assertThat(namenode.waits()).extracting(WaitStrategy::describe)
                .containsExactly("port 8020", "HTTP 200 from port 9870/webhdfs/v1/?op=GETFILESTATUS");
        assertThat(namenode.labels()).containsEntry(ContainerLabels.MANAGED, "true")
                .containsEntry(ContainerLabels.SESSION, "s1");
    }

    @Test
    public void shouldPointHiveServer2AtTheMetastoreAndTheWarehouseOnHdfs() {
        ContainerPlan hiveserver2 = plans(ClusterService.HDFS, ClusterService.HIVE).get(3);

        assertThat(hiveserver2.image()).isEqualTo("docker.io/apache/hive:4.0.1");
        assertThat(hiveserver2.command()).isEmpty();
        assertThat(hiveserver2.env()).containsEntry("SERVICE_NAME", "hiveserver2");
        assertThat(hiveserver2.env().get("SERVICE_OPTS")).contains("-Dhive.metastore.uris=thrift://metastore:9083",
                "-Dfs.defaultFS=hdfs://namenode:8020", "warehouse.dir=hdfs://namenode:8020/user/hive/warehouse");
        assertThat(hiveserver2.ports()).containsExactly(Map.entry(10000, 41004));
    }

    @Test
    public void shouldNameAServicePortWithoutAHostPort() {
        assertThatThrownBy(() -> OfficialImages.defaults().plans(new LocalCluster().withServices(ClusterService.HDFS)
                .spec(), "s1", "n", Map.of())).hasMessageContaining("no host port chosen for namenode:8020");
    }
}
