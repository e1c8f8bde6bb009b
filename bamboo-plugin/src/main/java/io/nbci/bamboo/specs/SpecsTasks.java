package io.nbci.bamboo.specs;

import com.atlassian.bamboo.specs.api.exceptions.PropertiesValidationException;
import com.atlassian.bamboo.specs.api.model.AtlassianModuleProperties;
import com.atlassian.bamboo.specs.api.model.plan.condition.ConditionProperties;
import com.atlassian.bamboo.specs.api.model.plan.requirement.RequirementProperties;
import com.atlassian.bamboo.specs.api.model.task.AnyTaskProperties;
import io.nbci.bamboo.NbciPluginKeys;
import java.util.List;
import java.util.Map;

/** What the nbci Specs builders share: they all build the properties of an {@code AnyTask} of this plugin. */
final class SpecsTasks {
    private SpecsTasks() {
    }

    static AnyTaskProperties properties(String taskKey, String description, boolean enabled,
            Map<String, String> configuration, List<RequirementProperties> requirements,
            List<ConditionProperties> conditions) {
        return new AnyTaskProperties(new AtlassianModuleProperties(NbciPluginKeys.moduleKey(taskKey)), description,
                enabled, configuration, requirements, conditions);
    }

    /** Fails {@code build()} naming the task and the setter to call. */
    static void require(boolean present, String task, String setter, String what) {
        if (!present) {
            throw new PropertiesValidationException(task + ": " + setter + "(..) is required: " + what);
        }
    }
}
