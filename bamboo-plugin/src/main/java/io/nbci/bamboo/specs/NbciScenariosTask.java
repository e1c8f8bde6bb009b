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
    private String hiveJdbcUrl = "";
    private String hdfsUri = "";
    private String scratchPrefix = "";

    /** Scenario files or folders, relative to the working directory. */
    public NbciScenariosTask scenarios(String... paths) {
        scenarios.addAll(List.of(paths));
        return this;
    }

    /** Runs on a throwaway local Hive and HDFS started on the agent (the default). */
    public NbciScenariosTask embeddedCluster() {
        backend = "embedded";
        hiveJdbcUrl = "";
        hdfsUri = "";
        scratchPrefix = "";
        return this;
    }

    /**
     * Runs against an existing cluster (for jobs that need the team's real YARN or Spark).
     *
     * @param jdbcUrl the cluster's HiveServer2 JDBC URL, {@code jdbc:hive2://...} (no password in it)
     * @param fsUri   the cluster's filesystem URI, e.g. {@code hdfs://namenode:8020}
     * @param prefix  prefix of the scratch database and HDFS path the scenarios create, e.g. {@code ci_scratch}
     */
    public NbciScenariosTask externalCluster(String jdbcUrl, String fsUri, String prefix) {
        backend = "external";
        hiveJdbcUrl = jdbcUrl;
        hdfsUri = fsUri;
        scratchPrefix = prefix;
        return this;
    }

    public ScenariosTaskConfig config() {
        return new ScenariosTaskConfig(scenarios, backend, hiveJdbcUrl, hdfsUri, scratchPrefix);
    }

    public static NbciScenariosTask of(ScenariosTaskConfig config) {
        NbciScenariosTask task = new NbciScenariosTask();
        task.scenarios.addAll(config.scenarios());
        task.backend = config.backend();
        task.hiveJdbcUrl = config.hiveJdbcUrl();
        task.hdfsUri = config.hdfsUri();
        task.scratchPrefix = config.scratchPrefix();
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
