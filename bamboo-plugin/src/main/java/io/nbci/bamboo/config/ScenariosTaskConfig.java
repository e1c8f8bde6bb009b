package io.nbci.bamboo.config;

import io.nbci.launch.ScenarioTestConfig;
import java.util.List;
import java.util.Map;

/**
 * The "Run integration scenarios" task's settings, typed, over its stored string map.
 *
 * @param scenarios     scenario files, folders or globs relative to the working directory, one a line;
 *                      empty for the project's default
 * @param backend       {@code embedded} (a throwaway local Hive/HDFS on the agent) or {@code external}
 * @param hiveJdbcUrl   external backend: the cluster's HiveServer2 JDBC URL
 * @param hdfsUri       external backend: the cluster's filesystem URI
 * @param scratchPrefix external backend: prefix of the scratch database and HDFS path the scenarios use
 */
public record ScenariosTaskConfig(List<String> scenarios, String backend, String hiveJdbcUrl, String hdfsUri,
        String scratchPrefix) {

    public static final String SCENARIOS = "nbciScenarios";
    public static final String BACKEND = "nbciBackend";
    public static final String HIVE_JDBC_URL = "nbciHiveJdbcUrl";
    public static final String HDFS_URI = "nbciHdfsUri";
    public static final String SCRATCH_PREFIX = "nbciScratchPrefix";

    public static final List<String> KEYS = List.of(SCENARIOS, BACKEND, HIVE_JDBC_URL, HDFS_URI, SCRATCH_PREFIX);
    /** The backends {@code nbci test --backend} knows. */
    public static final List<String> BACKENDS = ScenarioTestConfig.BACKENDS;

    static final Map<String, String> FIELDS = Map.of("paths", SCENARIOS, "backend", BACKEND,
            "hiveJdbcUrl", HIVE_JDBC_URL, "hdfsUri", HDFS_URI, "scratchPrefix", SCRATCH_PREFIX);

    public ScenariosTaskConfig {
        scenarios = List.copyOf(scenarios);
        backend = NotebooksTaskConfig.nonNull(backend).isEmpty() ? "embedded" : backend.strip();
        hiveJdbcUrl = NotebooksTaskConfig.nonNull(hiveJdbcUrl);
        hdfsUri = NotebooksTaskConfig.nonNull(hdfsUri);
        scratchPrefix = NotebooksTaskConfig.nonNull(scratchPrefix);
    }

    public static ScenariosTaskConfig defaults() {
        return new ScenariosTaskConfig(List.of("scenarios"), "embedded", "", "", "");
    }

    public static ScenariosTaskConfig read(Map<String, ?> stored) {
        StoredConfig config = StoredConfig.read(stored);
        return new ScenariosTaskConfig(config.lines(SCENARIOS), config.text(BACKEND), config.text(HIVE_JDBC_URL),
                config.text(HDFS_URI), config.text(SCRATCH_PREFIX));
    }

    public Map<String, String> toMap() {
        return StoredConfig.writer()
                .lines(SCENARIOS, scenarios)
                .text(BACKEND, backend)
                .text(HIVE_JDBC_URL, hiveJdbcUrl)
                .text(HDFS_URI, hdfsUri)
                .text(SCRATCH_PREFIX, scratchPrefix)
                .build();
    }

    /** The core config the task runs; a failing scenario fails the task. */
    public ScenarioTestConfig toLaunch() {
        return StoredConfigException.translating(FIELDS, () -> ScenarioTestConfig.builder()
                .paths(String.join("\n", scenarios))
                .backend(backend)
                .hiveJdbcUrl(hiveJdbcUrl)
                .hdfsUri(hdfsUri)
                .scratchPrefix(scratchPrefix)
                .build());
    }
}
