package io.nbci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

public class ClusterCommandTest {

    @Test
    public void shouldShowHelpForTheClusterCommands() {
        for (String sub : new String[] {"up", "down", "status", "reset", "fetch"}) {
            assertThat(Main.execute("cluster", sub, "--help")).as(sub).isZero();
        }
        assertThat(Main.execute("cluster", "--help")).isZero();
    }

    @Test
    public void clusterWithoutSubcommandShouldBeBadUsage() {
        assertThat(Main.execute("cluster")).isEqualTo(2);
    }

    @Test
    public void downWithoutAClusterShouldSayNothingRuns() throws Exception {
        java.nio.file.Path empty = java.nio.file.Files.createTempDirectory("nbci-no-cluster");
        try {
            assertThat(Main.execute("cluster", "down", "--work", empty.toString())).isZero();
            assertThat(Main.execute("cluster", "status", "--work", empty.toString())).isEqualTo(3);
        } finally {
            java.nio.file.Files.delete(empty);
        }
    }
}
