package io.nbci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@code nbci cluster up --detach / status / reset / down} on a Graphite-only cluster (quick). */
public class ClusterCommandIT {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void upStatusResetDownShouldDriveADetachedCluster() throws Exception {
        String work = temp.newFolder("cluster").toString();
        Path env = temp.getRoot().toPath().resolve("cluster.env");
        try {
            assertThat(Main.execute("cluster", "up", "--detach", "--services", "graphite", "--memory", "128m",
                    "--work", work, "--env-file", env.toString())).isZero();
            assertThat(Files.readString(env)).contains("export NBCI_GRAPHITE_PORT='")
                    .contains("export HADOOP_CONF_DIR='");

            assertThat(Main.execute("cluster", "status", "--work", work)).isZero();
            assertThat(Main.execute("cluster", "reset", "--work", work)).isZero();
        } finally {
            assertThat(Main.execute("cluster", "down", "--work", work)).isZero();
        }
        assertThat(Main.execute("cluster", "status", "--work", work)).isEqualTo(3);
        assertThat(Main.execute("cluster", "down", "--work", work)).as("down twice").isZero();
    }

    @Test
    public void unknownServiceShouldBeBadInput() {
        assertThat(Main.execute("cluster", "up", "--services", "kafka", "--work", temp.getRoot().toString()))
                .isEqualTo(2);
    }
}
