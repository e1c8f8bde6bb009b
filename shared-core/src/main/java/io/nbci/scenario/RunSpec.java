package io.nbci.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a scenario runs: a notebook (.ipynb or paired py:percent .py) with parameters, a Python
 * script, or any command (spark-submit, a team's own pytest suite). The job sees the cluster
 * through environment variables and a generated HADOOP_CONF_DIR.
 *
 * @param kind        notebook, script or command
 * @param notebook    the notebook or py:percent file (kind NOTEBOOK)
 * @param parameters  injected parameters (kind NOTEBOOK), plain YAML values
 * @param kernel      kernel name override, or null
 * @param command     argv (kind SCRIPT: python interpreter + script + args; kind COMMAND: as written)
 * @param workingDir  working directory, relative paths resolved against the scenario's folder
 * @param env         extra environment variables
 * @param timeoutSeconds whole-run timeout (per-cell timeout for notebooks)
 * @param junitFiles  JUnit XML files the command writes, merged into nbci's results
 */
public record RunSpec(Kind kind, Path notebook, Map<String, Object> parameters, String kernel, List<String> command,
        Path workingDir, Map<String, String> env, long timeoutSeconds, List<Path> junitFiles, Container container) {

    /**
     * Run the script or command in a container instead of on this machine ({@code run.image}):
     * the current directory is mounted at /repo, the cluster reachable as for a local job.
     *
     * @param image  image reference present on the Docker host
     * @param memory memory limit such as 1g, or null for none
     * @param cpus   CPU limit in cores, 0 for none
     */
    public record Container(String image, String memory, double cpus) {
    }

    /** A job that runs on this machine. */
    public RunSpec(Kind kind, Path notebook, Map<String, Object> parameters, String kernel, List<String> command,
            Path workingDir, Map<String, String> env, long timeoutSeconds, List<Path> junitFiles) {
        this(kind, notebook, parameters, kernel, command, workingDir, env, timeoutSeconds, junitFiles, null);
    }

    /** What kind of job a scenario runs. */
    public enum Kind { NOTEBOOK, SCRIPT, COMMAND }

    public RunSpec {
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(parameters));
        command = command == null ? List.of() : List.copyOf(command);
        env = env == null ? Map.of() : Map.copyOf(env);
        junitFiles = junitFiles == null ? List.of() : List.copyOf(junitFiles);
    }
}
