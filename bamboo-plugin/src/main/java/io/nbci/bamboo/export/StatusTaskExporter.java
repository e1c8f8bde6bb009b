package io.nbci.bamboo.export;

import com.atlassian.bamboo.specs.api.builders.task.Task;
import io.nbci.bamboo.NbciPluginKeys;
import io.nbci.bamboo.config.StatusTaskConfig;
import io.nbci.bamboo.specs.NbciCommitStatusTask;
import java.util.Map;

/**
 * Specs round trip of "nbci: Commit status". A token stored as a value is exported as
 * {@code ****} (importing that back is refused until the token is entered again); a token
 * stored as a variable reference is exported as the reference.
 */
public class StatusTaskExporter extends NbciTaskExporter<StatusTaskConfig> {
    public StatusTaskExporter() {
        super(NbciPluginKeys.STATUS_TASK);
    }

    @Override
    protected StatusTaskConfig read(Map<String, ?> map) {
        return StatusTaskConfig.read(map);
    }

    @Override
    protected Map<String, String> toStoredMap(StatusTaskConfig config) {
        return config.toMap();
    }

    @Override
    protected Task<?, ?> toSpecs(StatusTaskConfig config) {
        return NbciCommitStatusTask.of(config);
    }

    @Override
    protected void check(StatusTaskConfig config) {
        config.validate();
    }
}
