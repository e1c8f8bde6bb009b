package io.nbci.localcluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.Test;

public class DockerBackendTest {

    @Test
    public void shouldLaunchServicesOnAllAddressesWithFixedDataNodePortsAndContainerPaths() {
        Map<ClusterSpec.Port, Integer> ports = new EnumMap<>(ClusterSpec.Port.class);
        ports.put(ClusterSpec.Port.CONTROL, 40000);
        ports.put(ClusterSpec.Port.HDFS, 40001);
        ports.put(ClusterSpec.Port.WEBHDFS, 40002);
        ports.put(ClusterSpec.Port.DATANODE, 40003);
        ports.put(ClusterSpec.Port.DATANODE_HTTP, 40004);
        ports.put(ClusterSpec.Port.DATANODE_IPC, 40005);

        String launch = DockerBackend.launchProperties(new LocalCluster().withServices(ClusterService.HDFS).spec(),
                ports, "t0k3n");

        assertThat(launch).contains("protocol=1\n", "work.dir=/nbci/work\n", "ready.file=/nbci/work/ready.json\n",
                "parent.pid=0\n", "services=hdfs\n", "host=localhost\n", "bind.host=0.0.0.0\n",
                "control.port=40000\n", "hdfs.port=40001\n", "hdfs.http.port=40002\n", "datanode.port=40003\n",
                "datanode.http.port=40004\n", "datanode.ipc.port=40005\n", "control.token=t0k3n\n");
    }

    @Test
    public void shouldDefaultToTheNbciImageOfThisVersion() {
        assertThat(new DockerBackend().image()).startsWith("localhost/nbci-cluster:");
        assertThat(new DockerBackend().withImage("registry.example/nbci-cluster:1").image())
                .isEqualTo("registry.example/nbci-cluster:1");
        assertThat(new DockerBackend().withDockerHost("tcp://docker:2375").dockerHost()).isEqualTo("tcp://docker:2375");
    }

    @Test
    public void pruneShouldTakeOnlyThisMachinesContainersOfDeadOwnersAndNeverDetachedOnes() {
        String host = ContainerLabels.thisHost();
        Map<String, String> mine = ContainerLabels.of("s", "cluster", false);
        Map<String, String> dead = new java.util.HashMap<>(mine);
        dead.put(ContainerLabels.OWNER_PID, "999999999");
        Map<String, String> detached = new java.util.HashMap<>(dead);
        detached.put(ContainerLabels.DETACHED, "true");
        Map<String, String> elsewhere = new java.util.HashMap<>(dead);
        elsewhere.put(ContainerLabels.OWNER_HOST, "another-agent");

        assertThat(ContainerPrune.isLeftover(mine, host)).as("owner alive").isFalse();
        assertThat(ContainerPrune.isLeftover(dead, host)).as("owner gone").isTrue();
        assertThat(ContainerPrune.isLeftover(detached, host)).as("detached").isFalse();
        assertThat(ContainerPrune.isLeftover(elsewhere, host)).as("other machine").isFalse();
    }
}
