package io.nbci.execution;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link NotebookRunner} runs and how: one immutable value the command line, the
 * Jenkins step and the Bamboo task each build from their own configuration.
 *
 * @param input        the notebook (.ipynb) or paired py:percent script (.py)
 * @param output       where the executed notebook is written (always, also on failure)
 * @param parameters   values to inject, in order
 * @param kernelName   overrides the notebook's kernelspec, or null
 * @param workingDirectory the kernel's working directory, or null for nbci's own (papermill's default)
 * @param cellTimeout  how long one cell may run before it is interrupted; finite
 * @param startTimeout how long the kernel may take to become ready
 * @param logOutput    stream the cells' output to the log as it arrives
 * @param prepareOnly  write the parameterised notebook without running it
 * @param environment  variables added to the kernel's environment (e.g. the local cluster's endpoints)
 */
public record RunOptions(Path input, Path output, Map<String, Object> parameters, String kernelName,
        Path workingDirectory, Duration cellTimeout, Duration startTimeout, boolean logOutput, boolean prepareOnly,
        Map<String, String> environment) {

    /** The per-cell timeout when none is given: papermill has none, and a hung CI job helps no one. */
    public static final Duration DEFAULT_CELL_TIMEOUT = Duration.ofMinutes(10);

    public RunOptions {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        cellTimeout = cellTimeout == null ? DEFAULT_CELL_TIMEOUT : cellTimeout;
        startTimeout = startTimeout == null ? KernelOptions.DEFAULT_START_TIMEOUT : startTimeout;
        if (cellTimeout.isNegative() || cellTimeout.isZero()) {
            throw ExecutionException.badInput("cell timeout must be positive, found " + cellTimeout.toMillis() / 1000.0 + " s");
        }
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw ExecutionException.badInput("start timeout must be positive, found " + startTimeout.toMillis() / 1000.0 + " s");
        }
    }

    public static Builder builder(Path input, Path output) {
        return new Builder(input, output);
    }

    /** Builds {@link RunOptions}; {@link #build()} validates. */
    public static final class Builder {
        private Map<String, String> environment;
        private final Path input;
        private final Path output;
        private Map<String, Object> parameters = Map.of();
        private String kernelName;
        private Path workingDirectory;
        private Duration cellTimeout;
        private Duration startTimeout;
        private boolean logOutput;
        private boolean prepareOnly;

        private Builder(Path input, Path output) {
            this.input = input;
            this.output = output;
        }

        public Builder parameters(Map<String, Object> values) {
            this.parameters = values;
            return this;
        }

        public Builder kernelName(String name) {
            this.kernelName = name;
            return this;
        }

        public Builder workingDirectory(Path dir) {
            this.workingDirectory = dir;
            return this;
        }

        public Builder cellTimeout(Duration timeout) {
            this.cellTimeout = timeout;
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        public Builder logOutput(boolean value) {
            this.logOutput = value;
            return this;
        }

        public Builder prepareOnly(boolean value) {
            this.prepareOnly = value;
            return this;
        }

        public Builder environment(Map<String, String> variables) {
            this.environment = variables;
            return this;
        }

        public RunOptions build() {
            return new RunOptions(input, output, parameters, kernelName, workingDirectory, cellTimeout, startTimeout,
                    logOutput, prepareOnly, environment);
        }
    }
}
