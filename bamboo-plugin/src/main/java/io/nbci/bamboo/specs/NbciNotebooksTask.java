package io.nbci.bamboo.specs;

import com.atlassian.bamboo.specs.api.builders.task.Task;
import com.atlassian.bamboo.specs.api.model.task.AnyTaskProperties;
import io.nbci.bamboo.NbciPluginKeys;
import io.nbci.bamboo.config.NotebooksTaskConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Bamboo Specs for the "Run notebooks" task: runs notebooks headless on the agent and puts one
 * test per cell into the build's Tests tab.
 *
 * <pre>{@code
 * new Job("Notebooks", "NB").tasks(
 *         new VcsCheckoutTask().addCheckoutOfDefaultRepository(),
 *         new NbciNotebooksTask()
 *                 .notebooks("notebooks/**&#47;*.ipynb")
 *                 .parameter("run_date", "${bamboo.buildTimeStamp}")
 *                 .cellTimeout(Duration.ofMinutes(10)));
 * }</pre>
 */
public class NbciNotebooksTask extends Task<NbciNotebooksTask, AnyTaskProperties> {
    private String notebooks = "";
    private final List<String> parameters = new ArrayList<>();
    private String parametersFile = "";
    private String kernel = "";
    private String cellTimeout = "";
    private String jobs = "";
    private boolean logOutput;

    /** A notebook (.ipynb or paired .py), a folder or a glob, relative to the working directory. */
    public NbciNotebooksTask notebooks(String pathOrGlob) {
        notebooks = pathOrGlob;
        return this;
    }

    /** A parameter injected into the notebooks' {@code parameters} cell, typed like papermill's {@code -p}. */
    public NbciNotebooksTask parameter(String name, String value) {
        parameters.add(name + "=" + value);
        return this;
    }

    /** A YAML file of parameters, relative to the working directory. */
    public NbciNotebooksTask parametersFile(String path) {
        parametersFile = path;
        return this;
    }

    /** Runs every notebook on this kernelspec instead of its own. */
    public NbciNotebooksTask kernel(String kernelName) {
        kernel = kernelName;
        return this;
    }

    /** How long one cell may run before nbci interrupts it and fails the task. */
    public NbciNotebooksTask cellTimeout(Duration timeout) {
        cellTimeout = Long.toString(timeout.toSeconds());
        return this;
    }

    /** How many notebooks run at once, each in its own kernel. */
    public NbciNotebooksTask jobs(int parallelKernels) {
        jobs = Integer.toString(parallelKernels);
        return this;
    }

    /** Streams every cell's output into the build log. */
    public NbciNotebooksTask logOutput(boolean stream) {
        logOutput = stream;
        return this;
    }

    /** The task's settings as the plugin stores them. */
    public NotebooksTaskConfig config() {
        return new NotebooksTaskConfig(notebooks, parameters, parametersFile, kernel, cellTimeout, jobs, logOutput);
    }

    /** The builder for stored settings (what the exporter produces). */
    public static NbciNotebooksTask of(NotebooksTaskConfig config) {
        NbciNotebooksTask task = new NbciNotebooksTask();
        task.notebooks = config.notebooks();
        task.parameters.addAll(config.parameters());
        task.parametersFile = config.parametersFile();
        task.kernel = config.kernel();
        task.cellTimeout = config.cellTimeout();
        task.jobs = config.jobs();
        task.logOutput = config.logOutput();
        return task;
    }

    @Override
    protected AnyTaskProperties build() {
        SpecsTasks.require(!notebooks.isBlank(), "NbciNotebooksTask", "notebooks",
                "name a notebook, a folder or a glob, e.g. notebooks/**/*.ipynb");
        return SpecsTasks.properties(NbciPluginKeys.NOTEBOOKS_TASK, description, taskEnabled, config().toMap(),
                requirements, conditions);
    }
}
