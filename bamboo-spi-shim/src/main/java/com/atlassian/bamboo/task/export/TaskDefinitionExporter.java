/*
 * COMPILE-ONLY STAND-IN for Bamboo 9.x com.atlassian.bamboo.task.export.TaskDefinitionExporter, written from Atlassian's
 * published javadoc (atlassian-bamboo 9.x). Only the members nbci uses, with the same
 * signatures. Never packaged: Bamboo provides the real type at run time (-Pbamboo compiles
 * against the real SDK).
 */
package com.atlassian.bamboo.task.export;

import com.atlassian.bamboo.specs.api.builders.task.Task;
import com.atlassian.bamboo.specs.api.model.task.TaskProperties;
import com.atlassian.bamboo.specs.api.validators.common.ValidationProblem;
import com.atlassian.bamboo.task.TaskContainer;
import com.atlassian.bamboo.task.TaskDefinition;
import java.util.List;
import java.util.Map;

/** Turns a stored task into Bamboo Specs and Specs properties back into a stored task. */
public interface TaskDefinitionExporter {
    Map<String, String> toTaskConfiguration(TaskContainer taskContainer, TaskProperties taskProperties);

    /** Raw {@code Task}, as in Bamboo's own signature. */
    @SuppressWarnings("rawtypes")
    Task toSpecsEntity(TaskDefinition taskDefinition);

    List<ValidationProblem> validate(TaskValidationContext taskValidationContext, TaskProperties taskProperties);
}
