package io.nbci.bamboo.configurator;

import io.nbci.bamboo.config.NotebooksTaskConfig;
import io.nbci.launch.Check;
import io.nbci.launch.Validation;
import java.util.Map;
import java.util.function.Function;

/** The edit form of "nbci: Run notebooks". */
public class NotebooksTaskConfigurator extends NbciTaskConfigurator<NotebooksTaskConfig> {

    @Override
    protected NotebooksTaskConfig read(Map<String, ?> map) {
        return NotebooksTaskConfig.read(map);
    }

    @Override
    protected Map<String, String> toMap(NotebooksTaskConfig config) {
        return config.toMap();
    }

    @Override
    protected NotebooksTaskConfig defaults() {
        return NotebooksTaskConfig.defaults();
    }

    @Override
    protected Map<String, Function<String, Check>> fieldRules() {
        return rules(
                NotebooksTaskConfig.NOTEBOOKS, (Function<String, Check>) Validation::notebookInput,
                NotebooksTaskConfig.PARAMETERS_FILE, (Function<String, Check>) Validation::workspacePath,
                NotebooksTaskConfig.KERNEL, (Function<String, Check>) Validation::kernelName,
                NotebooksTaskConfig.CELL_TIMEOUT, (Function<String, Check>) Validation::timeoutSeconds,
                NotebooksTaskConfig.JOBS, (Function<String, Check>) Validation::jobs);
    }

    @Override
    protected void checkWhole(NotebooksTaskConfig config) {
        config.toLaunch();
    }
}
