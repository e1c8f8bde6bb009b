package io.nbci.bamboo.config;

import java.util.List;
import java.util.Map;

/**
 * The "Run integration scenarios" task's settings, typed, over its stored string map.
 *
 * @param scenarios scenario files or folders relative to the working directory, one a line
 * @param backend   {@code embedded} (a throwaway local Hive/HDFS) or {@code external}
 * @param external  for the external backend: the file describing the existing cluster; blank otherwise
 */
public record ScenariosTaskConfig(List<String> scenarios, String backend, String external) {

    public static final String SCENARIOS = "nbciScenarios";
    public static final String BACKEND = "nbciBackend";
    public static final String EXTERNAL = "nbciExternal";

    public static final List<String> KEYS = List.of(SCENARIOS, BACKEND, EXTERNAL);
    /** The backends {@code nbci test --backend} knows. */
    public static final List<String> BACKENDS = List.of("embedded", "external");

    public ScenariosTaskConfig {
        scenarios = List.copyOf(scenarios);
        backend = NotebooksTaskConfig.nonNull(backend).isEmpty() ? "embedded" : backend.strip();
        external = NotebooksTaskConfig.nonNull(external);
    }

    public static ScenariosTaskConfig defaults() {
        return new ScenariosTaskConfig(List.of("scenarios"), "embedded", "");
    }

    public static ScenariosTaskConfig read(Map<String, ?> stored) {
        StoredConfig config = StoredConfig.read(stored);
        return new ScenariosTaskConfig(config.lines(SCENARIOS), config.text(BACKEND), config.text(EXTERNAL));
    }

    public Map<String, String> toMap() {
        return StoredConfig.writer()
                .lines(SCENARIOS, scenarios)
                .text(BACKEND, backend)
                .text(EXTERNAL, external)
                .build();
    }
}
