package io.nbci.bamboo.testing;

import com.atlassian.bamboo.build.logger.BuildLogger;
import com.atlassian.bamboo.builder.BuildState;
import com.atlassian.bamboo.configuration.ConfigurationMap;
import com.atlassian.bamboo.configuration.ConfigurationMapImpl;
import com.atlassian.bamboo.task.TaskContext;
import com.atlassian.bamboo.task.TaskIdentifier;
import com.atlassian.bamboo.task.TaskResult;
import com.atlassian.bamboo.task.TaskState;
import com.atlassian.bamboo.v2.build.BuildContext;
import com.atlassian.bamboo.v2.build.CurrentResult;
import com.atlassian.bamboo.variable.VariableContext;
import com.atlassian.bamboo.variable.VariableDefinitionContext;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A running task as Bamboo hands it over, for unit tests against the SPI shim: configuration,
 * working directory, variables (some of them passwords), the build's result so far, and a
 * recording build log.
 */
public final class FakeTaskContext implements TaskContext {
    private final ConfigurationMap configuration;
    private final File rootDirectory;
    private final File workingDirectory;
    private final RecordingBuildLogger logger = new RecordingBuildLogger();
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final List<String> passwordKeys = new ArrayList<>();
    private final List<TaskResult> earlierResults = new ArrayList<>();
    private BuildState buildState = BuildState.UNKNOWN;

    public FakeTaskContext(Map<String, String> configuration, File workingDirectory) {
        this(configuration, workingDirectory, workingDirectory);
    }

    /** A task with a working subdirectory: {@code workingDirectory} is inside {@code rootDirectory}. */
    public FakeTaskContext(Map<String, String> configuration, File rootDirectory, File workingDirectory) {
        this.configuration = new ConfigurationMapImpl(configuration);
        this.rootDirectory = rootDirectory;
        this.workingDirectory = workingDirectory;
    }

    public FakeTaskContext variable(String key, String value) {
        variables.put(key, value);
        return this;
    }

    public FakeTaskContext passwordVariable(String key, String value) {
        passwordKeys.add(key);
        return variable(key, value);
    }

    /** Records an earlier task of this job that ended in {@code state}. */
    public FakeTaskContext earlierTask(TaskState state) {
        earlierResults.add(new TaskResult() {
            @Override
            public TaskIdentifier getTaskIdentifier() {
                return FakeTaskContext.this;
            }

            @Override
            public TaskState getTaskState() {
                return state;
            }

            @Override
            public Map<String, String> getResultData() {
                return Map.of();
            }
        });
        return this;
    }

    public FakeTaskContext buildState(BuildState state) {
        buildState = state;
        return this;
    }

    public RecordingBuildLogger log() {
        return logger;
    }

    @Override
    public BuildContext getBuildContext() {
        return new BuildContext() {
            @Override
            public CurrentResult getCurrentResult() {
                return new CurrentResult() {
                    @Override
                    public BuildState getBuildState() {
                        return buildState;
                    }

                    @Override
                    public List<TaskResult> getTaskResults() {
                        return List.copyOf(earlierResults);
                    }
                };
            }

            @Override
            public VariableContext getVariableContext() {
                return new VariableContext() {
                    @Override
                    public Map<String, VariableDefinitionContext> getEffectiveVariables() {
                        Map<String, VariableDefinitionContext> all = new LinkedHashMap<>();
                        variables.forEach((key, value) -> all.put(key, definition(key, value)));
                        return all;
                    }

                    @Override
                    public Iterable<VariableDefinitionContext> getPasswordVariables() {
                        List<VariableDefinitionContext> passwords = new ArrayList<>();
                        passwordKeys.forEach(key -> passwords.add(definition(key, variables.get(key))));
                        return passwords;
                    }
                };
            }
        };
    }

    private static VariableDefinitionContext definition(String key, String value) {
        return new VariableDefinitionContext() {
            @Override
            public String getKey() {
                return key;
            }

            @Override
            public String getValue() {
                return value;
            }
        };
    }

    @Override
    public BuildContext getCommonContext() {
        return getBuildContext();
    }

    @Override
    public BuildLogger getBuildLogger() {
        return logger;
    }

    @Override
    public File getRootDirectory() {
        return rootDirectory;
    }

    @Override
    public File getWorkingDirectory() {
        return workingDirectory;
    }

    @Override
    public ConfigurationMap getConfigurationMap() {
        return configuration;
    }

    @Override
    public long getId() {
        return 7;
    }

    @Override
    public String getPluginKey() {
        return "io.nbci.bamboo:test";
    }

    @Override
    public String getUserDescription() {
        return "under test";
    }

    @Override
    public boolean isEnabled() {
        return true;
    }

    @Override
    public boolean isFinalising() {
        return false;
    }
}
