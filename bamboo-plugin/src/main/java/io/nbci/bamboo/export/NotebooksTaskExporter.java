package io.nbci.bamboo.export;

import com.atlassian.bamboo.specs.api.builders.task.Task;
import io.nbci.bamboo.NbciPluginKeys;
import io.nbci.bamboo.config.NotebooksTaskConfig;
import io.nbci.bamboo.specs.NbciNotebooksTask;
import java.util.Map;

/** Specs round trip of "nbci: Run notebooks". */
public class NotebooksTaskExporter extends NbciTaskExporter<NotebooksTaskConfig> {
    public NotebooksTaskExporter() {
        super(NbciPluginKeys.NOTEBOOKS_TASK);
    }

    @Override
    protected NotebooksTaskConfig read(Map<String, ?> map) {
        return NotebooksTaskConfig.read(map);
    }

    @Override
    protected Map<String, String> toStoredMap(NotebooksTaskConfig config) {
        return config.toMap();
    }

    @Override
    protected Task<?, ?> toSpecs(NotebooksTaskConfig config) {
        return NbciNotebooksTask.of(config);
    }

    @Override
    protected void check(NotebooksTaskConfig config) {
        config.toLaunch();
    }
}
