package io.nbci.launch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Run notebooks" as a plugin step configures it, checked and ready to become an
 * {@code nbci run} (one notebook) or {@code nbci run-all} (a folder or glob) invocation.
 * Paths are relative to the workspace.
 *
 * <pre>{@code
 * RunNotebooksConfig config = RunNotebooksConfig.builder()
 *         .input("notebooks/score.ipynb").parameter("run_date", "2026-11-23")
 *         .cellTimeout("600").build();
 * NbciInvocation invocation = config.toInvocation();
 * }</pre>
 *
 * @param input             a notebook (.ipynb or paired .py), a folder or a glob
 * @param outputDir         where executed notebooks go
 * @param parameters        {@code -p NAME VALUE}, in order
 * @param parametersFile    {@code -f FILE} (YAML), or null
 * @param kernel            {@code --kernel}, or null for the notebook's own
 * @param workingDir        {@code --cwd}, or null
 * @param cellTimeout       {@code --cell-timeout} seconds, or null for the default
 * @param startTimeout      {@code --start-timeout} seconds, or null for the default
 * @param jobs              {@code --jobs} for several notebooks, or null
 * @param logOutput         {@code --log-output}: stream cell output into the build log
 * @param junitFile         {@code --junit} file
 * @param resultsFile       {@code --results} file (nbci results JSON)
 * @param unstableOnFailure a failing cell marks the build unstable rather than failed
 */
public record RunNotebooksConfig(String input, String outputDir, Map<String, String> parameters,
        String parametersFile, String kernel, String workingDir, Integer cellTimeout, Integer startTimeout,
        Integer jobs, boolean logOutput, String junitFile, String resultsFile, boolean unstableOnFailure) {

    public static final String DEFAULT_OUTPUT_DIR = "nbci-output/notebooks";
    public static final String DEFAULT_JUNIT = "nbci-output/notebooks-junit.xml";
    public static final String DEFAULT_RESULTS = "nbci-output/notebooks-results.json";

    public RunNotebooksConfig {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True when the input names one notebook file, which {@code nbci run} takes; otherwise {@code run-all}. */
    public boolean isSingleNotebook() {
        return (input.endsWith(".ipynb") || input.endsWith(".py")) && !input.matches(".*[*?\\[{].*");
    }

    /** The executed notebook's path for a single-notebook run. */
    public String outputNotebook() {
        String name = input.substring(input.lastIndexOf('/') + 1);
        if (name.endsWith(".py")) {
            name = name.substring(0, name.length() - 3) + ".ipynb";
        }
        return Fields.join(outputDir, name);
    }

    public NbciInvocation toInvocation() {
        List<String> args = new ArrayList<>();
        String command;
        if (isSingleNotebook()) {
            command = "run";
            args.add(command);
            args.add(input);
            args.add(outputNotebook());
        } else {
            command = "run-all";
            args.add(command);
            args.add(input);
            args.add("--output-dir");
            args.add(outputDir);
            if (jobs != null) {
                args.add("--jobs");
                args.add(String.valueOf(jobs));
            }
        }
        parameters.forEach((name, value) -> {
            args.add("-p");
            args.add(name);
            args.add(value);
        });
        Fields.option(args, "-f", parametersFile);
        Fields.option(args, "--kernel", kernel);
        Fields.option(args, "--cwd", workingDir);
        Fields.option(args, "--cell-timeout", cellTimeout);
        Fields.option(args, "--start-timeout", startTimeout);
        if (logOutput) {
            args.add("--log-output");
        }
        args.add("--junit");
        args.add(junitFile);
        args.add("--results");
        args.add(resultsFile);
        List<Collect> collect = List.of(new Collect(Collect.Kind.JUNIT, junitFile),
                new Collect(Collect.Kind.RESULTS, resultsFile),
                new Collect(Collect.Kind.NOTEBOOK, Fields.join(outputDir, "**/*.ipynb")));
        return new NbciInvocation(command, args, Map.of(), Map.of(), List.of(), collect,
                new OutcomePolicy(unstableOnFailure));
    }

    /** Collects raw form values; {@link #build()} validates them and names the first bad field. */
    public static final class Builder {
        private String input;
        private String outputDir;
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private String parametersFile;
        private String kernel;
        private String workingDir;
        private String cellTimeout;
        private String startTimeout;
        private String jobs;
        private boolean logOutput;
        private String junitFile;
        private String resultsFile;
        private boolean unstableOnFailure;

        private Builder() {
        }

        public Builder input(String value) {
            this.input = value;
            return this;
        }

        public Builder outputDir(String value) {
            this.outputDir = value;
            return this;
        }

        /** Adds {@code -p NAME VALUE}; a later value for the same name replaces the earlier one. */
        public Builder parameter(String name, String value) {
            Validation.parameterName(name).orThrow("parameters");
            parameters.put(name.strip(), value == null ? "" : value);
            return this;
        }

        /**
         * Adds parameters written one per line as {@code name=value} (the form's text area);
         * blank lines and lines starting with '#' are skipped.
         */
        public Builder parameters(String lines) {
            if (lines == null) {
                return this;
            }
            int number = 0;
            for (String line : lines.split("\\R")) {
                number++;
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                int equals = line.indexOf('=');
                if (equals < 0) {
                    throw new LaunchConfigException("parameters", "line " + number
                            + ": expected name=value, found \"" + line.strip() + "\"");
                }
                String name = line.substring(0, equals).strip();
                Check check = Validation.parameterName(name);
                if (check.isError()) {
                    throw new LaunchConfigException("parameters", "line " + number + ": " + check.message());
                }
                parameters.put(name, line.substring(equals + 1).strip());
            }
            return this;
        }

        public Builder parametersFile(String value) {
            this.parametersFile = value;
            return this;
        }

        public Builder kernel(String value) {
            this.kernel = value;
            return this;
        }

        public Builder workingDir(String value) {
            this.workingDir = value;
            return this;
        }

        public Builder cellTimeout(String seconds) {
            this.cellTimeout = seconds;
            return this;
        }

        public Builder startTimeout(String seconds) {
            this.startTimeout = seconds;
            return this;
        }

        public Builder jobs(String value) {
            this.jobs = value;
            return this;
        }

        public Builder logOutput(boolean value) {
            this.logOutput = value;
            return this;
        }

        public Builder junitFile(String value) {
            this.junitFile = value;
            return this;
        }

        public Builder resultsFile(String value) {
            this.resultsFile = value;
            return this;
        }

        public Builder unstableOnFailure(boolean value) {
            this.unstableOnFailure = value;
            return this;
        }

        public RunNotebooksConfig build() {
            Validation.notebookInput(input).orThrow("input");
            Validation.workspacePath(outputDir).orThrow("outputDir");
            Validation.workspacePath(parametersFile).orThrow("parametersFile");
            Validation.kernelName(kernel).orThrow("kernel");
            Validation.workspacePath(workingDir).orThrow("workingDir");
            Validation.workspacePath(junitFile).orThrow("junitFile");
            Validation.workspacePath(resultsFile).orThrow("resultsFile");
            RunNotebooksConfig config = new RunNotebooksConfig(input.strip(), Fields.orDefault(outputDir, DEFAULT_OUTPUT_DIR),
                    parameters, Fields.trim(parametersFile), Fields.trim(kernel), Fields.trim(workingDir),
                    Fields.number("cellTimeout", cellTimeout, Validation.timeoutSeconds(cellTimeout)),
                    Fields.number("startTimeout", startTimeout, Validation.timeoutSeconds(startTimeout)),
                    Fields.number("jobs", jobs, Validation.jobs(jobs)), logOutput,
                    Fields.orDefault(junitFile, DEFAULT_JUNIT), Fields.orDefault(resultsFile, DEFAULT_RESULTS),
                    unstableOnFailure);
            if (!config.isSingleNotebook()) {
                String several = "nbci run-all (a folder or glob) ";
                if (!parameters.isEmpty() || config.parametersFile() != null) {
                    throw new LaunchConfigException(parameters.isEmpty() ? "parametersFile" : "parameters", several
                            + "takes no parameters; give one notebook (.ipynb or .py) to pass parameters");
                }
                if (logOutput) {
                    throw new LaunchConfigException("logOutput", several
                            + "does not stream cell output; give one notebook or leave this off");
                }
            } else if (config.jobs() != null) {
                throw new LaunchConfigException("jobs", "jobs apply to a folder or glob; \"" + config.input()
                        + "\" is one notebook");
            }
            return config;
        }
    }
}
