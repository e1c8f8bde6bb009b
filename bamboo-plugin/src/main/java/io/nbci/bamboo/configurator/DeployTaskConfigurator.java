package io.nbci.bamboo.configurator;

import io.nbci.bamboo.config.DeployTaskConfig;
import io.nbci.launch.Check;
import io.nbci.launch.Validation;
import java.util.Map;
import java.util.function.Function;

/** The edit form of "nbci: Deploy to HDFS" (plans and deployment environments). */
public class DeployTaskConfigurator extends NbciTaskConfigurator<DeployTaskConfig> {

    @Override
    protected DeployTaskConfig read(Map<String, ?> map) {
        return DeployTaskConfig.read(map);
    }

    @Override
    protected Map<String, String> toMap(DeployTaskConfig config) {
        return config.toMap();
    }

    @Override
    protected DeployTaskConfig defaults() {
        return DeployTaskConfig.defaults();
    }

    @Override
    protected Map<String, Function<String, Check>> fieldRules() {
        return rules(
                DeployTaskConfig.TARGET, (Function<String, Check>) Validation::targetName,
                DeployTaskConfig.SOURCE, (Function<String, Check>) Validation::workspacePath,
                DeployTaskConfig.TARGETS_FILE, (Function<String, Check>) Validation::workspacePath);
    }

    @Override
    protected void checkWhole(DeployTaskConfig config) {
        config.toLaunch();
    }
}
