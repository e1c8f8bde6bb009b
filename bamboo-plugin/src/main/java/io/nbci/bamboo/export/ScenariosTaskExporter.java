package io.nbci.bamboo.export;

import com.atlassian.bamboo.specs.api.builders.task.Task;
import io.nbci.bamboo.NbciPluginKeys;
import io.nbci.bamboo.config.ScenariosTaskConfig;
import io.nbci.bamboo.specs.NbciScenariosTask;
import java.util.Map;

/** Specs round trip of "nbci: Run integration scenarios". */
public class ScenariosTaskExporter extends NbciTaskExporter<ScenariosTaskConfig> {
    public ScenariosTaskExporter() {
        super(NbciPluginKeys.SCENARIOS_TASK);
    }

    @Override
    protected ScenariosTaskConfig read(Map<String, ?> map) {
        return ScenariosTaskConfig.read(map);
    }

    @Override
    protected Map<String, String> toStoredMap(ScenariosTaskConfig config) {
        return config.toMap();
    }

    @Override
    protected Task<?, ?> toSpecs(ScenariosTaskConfig config) {
        return NbciScenariosTask.of(config);
    }

    @Override
    protected void check(ScenariosTaskConfig config) {
        config.toLaunch();
    }
}
