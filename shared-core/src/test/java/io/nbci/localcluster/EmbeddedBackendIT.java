package io.nbci.localcluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.Test;

/** The backend contract on the embedded backend: the services in a child JVM on this machine. */
public class EmbeddedBackendIT extends AbstractClusterBackendContractIT {

    @Override
    protected ClusterBackend backend() {
        return new EmbeddedBackend();
    }

    /**
     * HiveServer2 runs on its embedded metastore. The clients' conf/hive-site.xml (which names the
     * Thrift metastore) is written before the service starts; were it read by the service, HiveServer2
     * would spend its start retrying a metastore that is not up yet.
     */
    @Test
    public void shouldStartHiveServer2OnItsOwnSettingsNotOnTheClientsConfDir() throws Exception {
        assertThat(cluster().getHadoopConfDir().resolve("hive-site.xml")).exists();

        assertThat(Files.readString(cluster().getLogFile())).contains("HiveServer2 ready at")
                .doesNotContain("Failed to connect to the MetaStore Server");
    }
}
