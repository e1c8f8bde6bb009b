package io.nbci.bamboo.export;

import com.atlassian.bamboo.specs.api.builders.task.Task;
import io.nbci.bamboo.NbciPluginKeys;
import io.nbci.bamboo.config.DeployTaskConfig;
import io.nbci.bamboo.specs.NbciHdfsDeployTask;
import java.util.Map;

/** Specs round trip of "nbci: Deploy to HDFS" (plans and deployment environments). */
public class DeployTaskExporter extends NbciTaskExporter<DeployTaskConfig> {
    public DeployTaskExporter() {
        super(NbciPluginKeys.DEPLOY_TASK);
    }

    @Override
    protected DeployTaskConfig read(Map<String, ?> map) {
        return DeployTaskConfig.read(map);
    }

    @Override
    protected Map<String, String> toStoredMap(DeployTaskConfig config) {
        return config.toMap();
    }

    @Override
    protected Task<?, ?> toSpecs(DeployTaskConfig config) {
        return NbciHdfsDeployTask.of(config);
    }

    @Override
    protected void check(DeployTaskConfig config) {
        config.toLaunch();
    }
}
