package io.nbci.localcluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.Test;

public class EmbeddedBackendTest {

    @Test
    public void shouldKeepACiAgentsHiveAndHadoopConfigurationAwayFromTheServiceJvm() {
        Map<String, String> environment = new HashMap<>(Map.of("PATH", "/usr/bin", "HOME", "/home/ci",
                "HIVE_CONF_DIR", "/etc/hive/conf", "HADOOP_CONF_DIR", "/etc/hadoop/conf", "HIVE_HOME", "/opt/hive"));

        EmbeddedBackend.isolateFromClientConfiguration(environment);

        assertThat(environment).containsOnlyKeys("PATH", "HOME");
    }
}
