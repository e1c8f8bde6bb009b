/*
 * COMPILE-ONLY STAND-IN for Bamboo 9.x com.atlassian.bamboo.task.TaskDefinitionImpl, written from Atlassian's
 * published javadoc (atlassian-bamboo 9.x). Only the members nbci uses, with the same
 * signatures. Never packaged: Bamboo provides the real type at run time (-Pbamboo compiles
 * against the real SDK).
 */
package com.atlassian.bamboo.task;

import java.util.HashMap;
import java.util.Map;

/** The ordinary task definition (used by tests to stand for a stored task). */
public class TaskDefinitionImpl implements TaskDefinition {
    private final long id;
    private final String pluginKey;
    private final String userDescription;
    private final Map<String, String> configuration;
    private boolean enabled = true;
    private boolean finalising;

    public TaskDefinitionImpl(long id, String pluginKey, String userDescription, Map<String, String> configuration) {
        this.id = id;
        this.pluginKey = pluginKey;
        this.userDescription = userDescription;
        this.configuration = new HashMap<>(configuration);
    }

    @Override
    public long getId() {
        return id;
    }

    @Override
    public String getPluginKey() {
        return pluginKey;
    }

    @Override
    public String getUserDescription() {
        return userDescription;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean isFinalising() {
        return finalising;
    }

    public void setFinalising(boolean finalising) {
        this.finalising = finalising;
    }

    @Override
    public Map<String, String> getConfiguration() {
        return configuration;
    }
}
