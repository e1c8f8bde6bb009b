package io.nbci.bamboo.configurator;

import io.nbci.bamboo.config.ScenariosTaskConfig;
import io.nbci.launch.Check;
import io.nbci.launch.Validation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The edit form of "nbci: Run integration scenarios". */
public class ScenariosTaskConfigurator extends NbciTaskConfigurator<ScenariosTaskConfig> {

    @Override
    protected ScenariosTaskConfig read(Map<String, ?> map) {
        return ScenariosTaskConfig.read(map);
    }

    @Override
    protected Map<String, String> toMap(ScenariosTaskConfig config) {
        return config.toMap();
    }

    @Override
    protected ScenariosTaskConfig defaults() {
        return ScenariosTaskConfig.defaults();
    }

    @Override
    protected Map<String, Function<String, Check>> fieldRules() {
        return rules(
                ScenariosTaskConfig.SCENARIOS, (Function<String, Check>) Validation::globs,
                ScenariosTaskConfig.HDFS_URI,
                (Function<String, Check>) value -> Validation.uri(value, Validation.FILESYSTEM_SCHEMES));
    }

    @Override
    protected void checkWhole(ScenariosTaskConfig config) {
        config.toLaunch();
    }

    @Override
    protected void populateChoices(Map<String, Object> context) {
        Map<String, String> backends = new LinkedHashMap<>();
        backends.put("embedded", "A throwaway local Hive and HDFS on the agent");
        backends.put("external", "An existing cluster");
        context.put("nbciBackends", backends);
    }
}
