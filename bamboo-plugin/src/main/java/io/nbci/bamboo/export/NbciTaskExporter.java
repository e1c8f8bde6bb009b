package io.nbci.bamboo.export;

import com.atlassian.bamboo.specs.api.builders.task.Task;
import com.atlassian.bamboo.specs.api.model.AtlassianModuleProperties;
import com.atlassian.bamboo.specs.api.model.task.AnyTaskProperties;
import com.atlassian.bamboo.specs.api.model.task.TaskProperties;
import com.atlassian.bamboo.specs.api.validators.common.ValidationContext;
import com.atlassian.bamboo.specs.api.validators.common.ValidationProblem;
import com.atlassian.bamboo.task.TaskContainer;
import com.atlassian.bamboo.task.TaskDefinition;
import com.atlassian.bamboo.task.export.TaskDefinitionExporter;
import com.atlassian.bamboo.task.export.TaskValidationContext;
import io.nbci.bamboo.NbciPluginKeys;
import io.nbci.bamboo.config.StoredConfigException;
import java.util.List;
import java.util.Map;

/**
 * What the four nbci exporters share: a stored task becomes the matching nbci Specs builder
 * (so "View plan as Java Specs" shows {@code new NbciNotebooksTask()...}), and Specs coming in
 * (from a Specs repository or {@code BambooServer.publish}) become the stored map after the
 * same checks the edit form makes. Secrets leave only masked or as variable references.
 *
 * @param <C> the task's typed config view
 */
public abstract class NbciTaskExporter<C> implements TaskDefinitionExporter {
    private final String taskKey;

    protected NbciTaskExporter(String taskKey) {
        this.taskKey = taskKey;
    }

    /** Reads the typed view from a stored map. */
    protected abstract C read(Map<String, ?> map);

    /** The map Bamboo stores for imported Specs. */
    protected abstract Map<String, String> toStoredMap(C config);

    /** The Specs builder for stored settings; secrets masked. */
    protected abstract Task<?, ?> toSpecs(C config);

    /** Proves the config usable; throws {@link StoredConfigException} naming the key. */
    protected abstract void check(C config);

    @Override
    public Map<String, String> toTaskConfiguration(TaskContainer taskContainer, TaskProperties taskProperties) {
        return toStoredMap(read(configuration(taskProperties)));
    }

    @Override
    public Task<?, ?> toSpecsEntity(TaskDefinition taskDefinition) {
        C config = read(taskDefinition.getConfiguration());
        Task<?, ?> task = toSpecs(config);
        if (taskDefinition.getUserDescription() != null) {
            task.description(taskDefinition.getUserDescription());
        }
        task.enabled(taskDefinition.isEnabled());
        return task;
    }

    @Override
    public List<ValidationProblem> validate(TaskValidationContext taskValidationContext,
            TaskProperties taskProperties) {
        ValidationContext where = ValidationContext.of(NbciPluginKeys.moduleKey(taskKey));
        if (!(taskProperties instanceof AnyTaskProperties)) {
            return List.of(new ValidationProblem(where, "expected the properties of an AnyTask for "
                    + NbciPluginKeys.moduleKey(taskKey) + ", found " + taskProperties.getClass().getSimpleName()));
        }
        AtlassianModuleProperties module = ((AnyTaskProperties) taskProperties).getAtlassianPlugin();
        if (!NbciPluginKeys.moduleKey(taskKey).equals(module.getCompleteModuleKey())) {
            return List.of(new ValidationProblem(where, "expected module " + NbciPluginKeys.moduleKey(taskKey)
                    + ", found " + module.getCompleteModuleKey()));
        }
        try {
            check(read(configuration(taskProperties)));
            return List.of();
        } catch (StoredConfigException e) {
            return List.of(new ValidationProblem(where, e.getMessage()));
        }
    }

    private static Map<String, String> configuration(TaskProperties taskProperties) {
        if (!(taskProperties instanceof AnyTaskProperties)) {
            throw new IllegalArgumentException("expected AnyTaskProperties, found "
                    + taskProperties.getClass().getName());
        }
        return ((AnyTaskProperties) taskProperties).getConfiguration();
    }
}
