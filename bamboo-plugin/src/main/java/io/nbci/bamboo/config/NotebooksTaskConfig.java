package io.nbci.bamboo.config;

import java.util.List;
import java.util.Map;

/**
 * The "Run notebooks" task's settings, typed, over its stored string map. Text fields stay
 * as the user typed them; the launch config they turn into validates them and names the key.
 *
 * @param notebooks      notebook paths or globs relative to the working directory, one a line
 * @param parameters     {@code NAME=VALUE} lines injected like papermill's {@code -p}
 * @param parametersFile a YAML file of parameters ({@code -f}); blank for none
 * @param kernel         kernelspec name overriding the notebooks' own; blank for theirs
 * @param cellTimeout    seconds one cell may run; blank for the command's default
 * @param jobs           notebooks run in parallel; blank for one
 * @param logOutput      stream each cell's output into the build log
 */
public record NotebooksTaskConfig(List<String> notebooks, List<String> parameters, String parametersFile,
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

    public NotebooksTaskConfig {
        notebooks = List.copyOf(notebooks);
        parameters = List.copyOf(parameters);
        parametersFile = nonNull(parametersFile);
        kernel = nonNull(kernel);
        cellTimeout = nonNull(cellTimeout);
        jobs = nonNull(jobs);
    }

    /** What a new task's form shows. */
    public static NotebooksTaskConfig defaults() {
        return new NotebooksTaskConfig(List.of("notebooks/**/*.ipynb"), List.of(), "", "", "", "", false);
    }

    public static NotebooksTaskConfig read(Map<String, ?> stored) {
        StoredConfig config = StoredConfig.read(stored);
        return new NotebooksTaskConfig(config.lines(NOTEBOOKS), config.lines(PARAMETERS), config.text(PARAMETERS_FILE),
                config.text(KERNEL), config.text(CELL_TIMEOUT), config.text(JOBS), config.flag(LOG_OUTPUT));
    }

    /** The map Bamboo stores (current key version). */
    public Map<String, String> toMap() {
        return StoredConfig.writer()
                .lines(NOTEBOOKS, notebooks)
                .lines(PARAMETERS, parameters)
                .text(PARAMETERS_FILE, parametersFile)
                .text(KERNEL, kernel)
                .text(CELL_TIMEOUT, cellTimeout)
                .text(JOBS, jobs)
                .flag(LOG_OUTPUT, logOutput)
                .build();
    }

    static String nonNull(String value) {
        return value == null ? "" : value.strip();
    }
}
