package io.nbci.localcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbci.common.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ClusterSpecTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void shouldDefaultToEveryServiceOnFreePortsInATemporaryFolder() {
        ClusterSpec spec = new LocalCluster().spec();

        assertThat(spec.services()).containsExactlyInAnyOrder(ClusterService.values());
        assertThat(spec.port(ClusterSpec.Port.HIVE)).isZero();
        assertThat(spec.workingFolder()).isNull();
        assertThat(spec.memory()).isEqualTo("768m");
        assertThat(spec.detached()).isFalse();
    }

    @Test
    public void shouldRejectHiveWithoutHdfs() {
        assertThatThrownBy(() -> new LocalCluster().withServices(ClusterService.HIVE).spec())
                .isInstanceOf(ClusterException.class)
                .hasMessageContaining("hdfs is required with hive")
                .satisfies(e -> assertThat(((ClusterException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT));
    }

    @Test
    public void shouldNameTheBadField() {
        assertThatThrownBy(() -> new LocalCluster().withMemory("lots").spec()).hasMessageStartingWith("memory:");
        assertThatThrownBy(() -> new LocalCluster().withHivePort(70000).spec()).hasMessageStartingWith("port of hive:");
        assertThatThrownBy(() -> new LocalCluster().withStartupTimeout(Duration.ZERO).spec())
                .hasMessageStartingWith("startupTimeout:");
        assertThatThrownBy(() -> new LocalCluster().withServices().spec()).hasMessageStartingWith("services:");
    }

    @Test
    public void shouldRejectOnePortForTwoEndpoints() {
        assertThatThrownBy(() -> new LocalCluster().withHdfsPort(9000).withGraphitePort(9000).spec())
                .hasMessageContaining("9000 given for both");
    }

    @Test
    public void gettersShouldExplainThatTheClusterIsNotStarted() {
        assertThatThrownBy(() -> new LocalCluster().getHiveJdbcUrl()).hasMessageContaining("not started");
    }

    @Test
    public void shouldExpandClasspathFilesInTheOverride() throws Exception {
        Path file = temp.newFile("runtime.classpath").toPath();
        Files.writeString(file, "/r/a.jar:/r/b.jar\n");

        assertThat(RuntimeClasspath.expand("/classes:@" + file))
                .containsExactly(Path.of("/classes"), Path.of("/r/a.jar"), Path.of("/r/b.jar"));
    }

    @Test
    public void shouldChooseDistinctFreePortsUpFront() {
        ClusterSpec spec = new LocalCluster().spec();

        List<Integer> ports = List.copyOf(Ports.choose(spec, List.of(ClusterSpec.Port.values())).values());

        assertThat(ports).hasSize(ClusterSpec.Port.values().length).doesNotHaveDuplicates().allMatch(p -> p > 0);
    }
}
