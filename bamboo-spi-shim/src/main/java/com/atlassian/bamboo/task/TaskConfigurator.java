/*
 * COMPILE-ONLY STAND-IN for Bamboo 9.x com.atlassian.bamboo.task.TaskConfigurator, written from Atlassian's
 * published javadoc (atlassian-bamboo 9.x). Only the members nbci uses, with the same
 * signatures. Never packaged: Bamboo provides the real type at run time (-Pbamboo compiles
 * against the real SDK).
 */
package com.atlassian.bamboo.task;

import com.atlassian.bamboo.collections.ActionParametersMap;
import com.atlassian.bamboo.utils.error.ErrorCollection;
import java.util.Map;

/** Turns the task's edit form into its stored configuration and back. */
public interface TaskConfigurator {
    Map<String, String> generateTaskConfigMap(ActionParametersMap params, TaskDefinition previousTaskDefinition);

    void populateContextForCreate(Map<String, Object> context);

    void populateContextForEdit(Map<String, Object> context, TaskDefinition taskDefinition);

    void validate(ActionParametersMap params, ErrorCollection errorCollection);
}
