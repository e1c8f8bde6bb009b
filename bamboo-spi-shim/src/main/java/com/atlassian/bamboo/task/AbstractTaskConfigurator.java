/*
 * COMPILE-ONLY STAND-IN for Bamboo 9.x com.atlassian.bamboo.task.AbstractTaskConfigurator, written from Atlassian's
 * published javadoc (atlassian-bamboo 9.x). Only the members nbci uses, with the same
 * signatures. Never packaged: Bamboo provides the real type at run time (-Pbamboo compiles
 * against the real SDK).
 */
package com.atlassian.bamboo.task;

import com.atlassian.bamboo.collections.ActionParametersMap;
import com.atlassian.bamboo.utils.error.ErrorCollection;
import java.util.HashMap;
import java.util.Map;

/** Base class of task configurators: every method does nothing until overridden. */
public abstract class AbstractTaskConfigurator implements TaskConfigurator {

    @Override
    public Map<String, String> generateTaskConfigMap(ActionParametersMap params, TaskDefinition previousTaskDefinition) {
        return new HashMap<>();
    }

    @Override
    public void populateContextForCreate(Map<String, Object> context) {
    }

    @Override
    public void populateContextForEdit(Map<String, Object> context, TaskDefinition taskDefinition) {
    }

    @Override
    public void validate(ActionParametersMap params, ErrorCollection errorCollection) {
    }
}
