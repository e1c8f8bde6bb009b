package io.nbci.bamboo.specs;

import com.atlassian.bamboo.specs.api.builders.task.Task;
import com.atlassian.bamboo.specs.api.model.task.AnyTaskProperties;
import io.nbci.bamboo.NbciPluginKeys;
import io.nbci.bamboo.config.ScenariosTaskConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Bamboo Specs for the "Run integration scenarios" task: seeds a local Hive and HDFS, runs the
 * job, checks what it wrote, and puts one test per scenario into the build's Tests tab.
 *
 * <pre>{@code
 * new NbciScenariosTask().scenarios("examples/imagescore/scenarios");
 * }</pre>
 */
public class NbciScenariosTask extends Task<NbciScenariosTask, AnyTaskProperties> {
    private final List<String> scenarios = new ArrayList<>();
    private String backend = "embedded";
    private String external = "";

    /** Scenario files or folders, relative to the working directory. */
    public NbciScenariosTask scenarios(String... paths) {
        scenarios.addAll(List.of(paths));
        return this;
    }

    /** Runs on a throwaway local Hive and HDFS started on the agent (the default). */
    public NbciScenariosTask embeddedCluster() {
        backend = "embedded";
        external = "";
        return this;
    }

    /** Runs against an existing cluster described by a file in the repository. */
    public NbciScenariosTask externalCluster(String clusterFile) {
        backend = "external";
        external = clusterFile;
        return this;
    }

    public ScenariosTaskConfig config() {
        return new ScenariosTaskConfig(scenarios, backend, external);
    }

    public static NbciScenariosTask of(ScenariosTaskConfig config) {
        NbciScenariosTask task = new NbciScenariosTask();
        task.scenarios.addAll(config.scenarios());
        task.backend = config.backend();
        task.external = config.external();
        return task;
    }

    @Override
    protected AnyTaskProperties build() {
        SpecsTasks.require(!scenarios.isEmpty(), "NbciScenariosTask", "scenarios",
                "add at least one scenario file or folder, e.g. scenarios");
        return SpecsTasks.properties(NbciPluginKeys.SCENARIOS_TASK, description, taskEnabled, config().toMap(),
                requirements, conditions);
    }
}
