package io.nbci.bamboo.config;

import io.nbci.launch.RunNotebooksConfig;
import java.util.List;
import java.util.Map;

/**
 * The "Run notebooks" task's settings, typed, over its stored string map. Values stay as the
 * user typed them; {@link #toLaunch()} turns them into the core's {@link RunNotebooksConfig},
 * which validates them and names the bad field.
 *
 * @param notebooks      a notebook (.ipynb or paired .py), a folder or a glob, relative to the working directory
 * @param parameters     {@code NAME=VALUE} lines injected like papermill's {@code -p} (one notebook only)
 * @param parametersFile a YAML file of parameters ({@code -f}; one notebook only); blank for none
 * @param kernel         kernelspec name overriding the notebooks' own; blank for theirs
 * @param cellTimeout    seconds one cell may run; blank for the command's default
 * @param jobs           notebooks of a folder or glob run in parallel; blank for one
 * @param logOutput      stream each cell's output into the build log (one notebook only)
 */
public record NotebooksTaskConfig(String notebooks, List<String> parameters, String parametersFile,
        String kernel, String cellTimeout, String jobs, boolean logOutput) {

    public static final String NOTEBOOKS = "nbciNotebooks";
    public static final String PARAMETERS = "nbciParameters";
    public static final String PARAMETERS_FILE = "nbciParametersFile";
    public static final String KERNEL = "nbciKernel";
    public static final String CELL_TIMEOUT = "nbciCellTimeout";
    public static final String JOBS = "nbciJobs";
    public static final String LOG_OUTPUT = "nbciLogOutput";

    /** Every key this task stores, in form order. */
    public static final List<String> KEYS = List.of(NOTEBOOKS, PARAMETERS, PARAMETERS_FILE, KERNEL, CELL_TIMEOUT,
            JOBS, LOG_OUTPUT);

    /** The core's field names mapped to this task's keys, so core errors land on the right form field. */
    static final Map<String, String> FIELDS = Map.of("input", NOTEBOOKS, "parameters", PARAMETERS,
            "parametersFile", PARAMETERS_FILE, "kernel", KERNEL, "cellTimeout", CELL_TIMEOUT, "jobs", JOBS,
            "logOutput", LOG_OUTPUT);

    public NotebooksTaskConfig {
        notebooks = nonNull(notebooks);
        parameters = List.copyOf(parameters);
        parametersFile = nonNull(parametersFile);
        kernel = nonNull(kernel);
        cellTimeout = nonNull(cellTimeout);
        jobs = nonNull(jobs);
    }

    /** What a new task's form shows. */
    public static NotebooksTaskConfig defaults() {
        return new NotebooksTaskConfig("notebooks/**/*.ipynb", List.of(), "", "", "", "", false);
    }

    public static NotebooksTaskConfig read(Map<String, ?> stored) {
        StoredConfig config = StoredConfig.read(stored);
        return new NotebooksTaskConfig(config.text(NOTEBOOKS), config.lines(PARAMETERS), config.text(PARAMETERS_FILE),
                config.text(KERNEL), config.text(CELL_TIMEOUT), config.text(JOBS), config.flag(LOG_OUTPUT));
    }

    /** The map Bamboo stores (current key version). */
    public Map<String, String> toMap() {
        return StoredConfig.writer()
                .text(NOTEBOOKS, notebooks)
                .lines(PARAMETERS, parameters)
                .text(PARAMETERS_FILE, parametersFile)
                .text(KERNEL, kernel)
                .text(CELL_TIMEOUT, cellTimeout)
                .text(JOBS, jobs)
                .flag(LOG_OUTPUT, logOutput)
                .build();
    }

    /**
     * The core config the task runs. Bamboo has no "unstable" result, so a failing cell fails
     * the task.
     *
     * @throws StoredConfigException naming this task's key when a value is wrong
     */
    public RunNotebooksConfig toLaunch() {
        return StoredConfigException.translating(FIELDS, () -> RunNotebooksConfig.builder()
                .input(notebooks)
                .parameters(String.join("\n", parameters))
                .parametersFile(parametersFile)
                .kernel(kernel)
                .cellTimeout(cellTimeout)
                .jobs(jobs)
                .logOutput(logOutput)
                .build());
    }

    static String nonNull(String value) {
        return value == null ? "" : value.strip();
    }
}
