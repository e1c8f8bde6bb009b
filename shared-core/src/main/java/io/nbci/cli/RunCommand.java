package io.nbci.cli;

import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import io.nbci.execution.ExecutionException;
import io.nbci.execution.KernelSpecs;
import io.nbci.execution.NotebookRun;
import io.nbci.execution.NotebookRunner;
import io.nbci.execution.RunOptions;
import io.nbci.execution.TranslatorRegistry;
import io.nbci.report.JUnitXmlWriter;
import io.nbci.results.ResultsFile;
import io.nbci.results.RunResults;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nbci run}: runs one notebook on a Jupyter kernel with parameters, papermill-style. */
@Command(name = "run",
        description = {"Run a notebook (or paired py:percent script) top to bottom on a Jupyter kernel.",
            "Parameters go into a cell tagged injected-parameters after the cell tagged parameters, as papermill does.",
            "The executed notebook is always written, also when a cell fails."},
        mixinStandardHelpOptions = true)
public final class RunCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions options;

    @Parameters(index = "0", paramLabel = "INPUT", description = "The notebook (.ipynb) or paired script (.py).")
    Path input;

    @Parameters(index = "1", arity = "0..1", paramLabel = "OUTPUT",
            description = "Where the executed notebook goes (default: INPUT with the extension .out.ipynb).")
    Path output;

    @Option(names = {"-p", "--parameters"}, arity = "2", paramLabel = "NAME VALUE",
            description = "A parameter, typed as papermill does: True/False/None, int, float, else string.")
    List<String> typed = List.of();

    @Option(names = {"-r", "--parameters-raw"}, arity = "2", paramLabel = "NAME VALUE",
            description = "A parameter passed as a string, unchanged.")
    List<String> raw = List.of();

    @Option(names = {"-f", "--parameters-file"}, paramLabel = "FILE", description = "A YAML file of parameters (read before -p and -r).")
    List<Path> files = List.of();

    @Option(names = {"-k", "--kernel"}, paramLabel = "NAME", description = "Kernel to use instead of the notebook's kernelspec.")
    String kernel;

    @Option(names = "--cwd", paramLabel = "DIR", description = "The kernel's working directory (default: the current one).")
    Path cwd;

    @Option(names = "--cell-timeout", paramLabel = "S", description = "Seconds one cell may run (default: 600).")
    Double cellTimeout;

    @Option(names = "--start-timeout", paramLabel = "S", description = "Seconds the kernel may take to start (default: 60).")
    Double startTimeout;

    @Option(names = "--log-output", description = "Stream the cells' output to the log as it arrives.")
    boolean logOutput;

    @Option(names = "--prepare-only", description = "Write the parameterised notebook without running it.")
    boolean prepareOnly;

    @Option(names = "--junit", paramLabel = "FILE", description = "Write a JUnit XML report: one testcase per code cell.")
    Path junit;

    @Option(names = "--results", paramLabel = "FILE", description = "Write the nbci results file (JSON).")
    Path results;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() {
        LogSink log = options.log();
        Instant started = Instant.now();
        long start = System.nanoTime();
        requireDirectory(cwd);
        io.nbci.execution.ParameterValues parameters = parameters(files, typed, raw);
        RunOptions runOptions = RunOptions.builder(input, output != null ? output : defaultOutput(input))
                .parameters(parameters.values())
                .kernelName(kernel)
                .workingDirectory(cwd)
                .cellTimeout(duration(cellTimeout, "--cell-timeout"))
                .startTimeout(duration(startTimeout, "--start-timeout"))
                .logOutput(logOutput)
                .prepareOnly(prepareOnly)
                .build();
        NotebookRun run = runner(log).run(runOptions);
        RunResults runResults = RunResults.of("run", started, (System.nanoTime() - start) / 1_000_000,
                run.exitCode(), List.of(run.suite()));
        writeReports(runResults, junit, results, report, log);
        return run.exitCode().code();
    }

    static void requireDirectory(Path dir) {
        if (dir != null && !java.nio.file.Files.isDirectory(dir)) {
            throw new ExecutionException(ExitCode.BAD_INPUT, "--cwd " + dir + ": expected an existing folder, found "
                    + (java.nio.file.Files.exists(dir) ? "a file" : "nothing"));
        }
    }

    static NotebookRunner runner(LogSink log) {
        return new NotebookRunner(KernelSpecs.fromEnvironment(System.getenv()), TranslatorRegistry.withDefaults(), log);
    }

    /** JUnit XML, results JSON, then the HTML report and build metrics: written before the exit code is returned. */
    static void writeReports(RunResults runResults, Path junit, Path results, ReportOptions report, LogSink log) {
        if (junit != null) {
            JUnitXmlWriter.write(runResults, junit);
            log.info("JUnit report: " + junit);
        }
        if (results != null) {
            ResultsFile.write(runResults, results);
            log.info("results: " + results);
        }
        Path base = results != null ? results.toAbsolutePath().getParent() : null;
        io.nbci.report.Publishing.publish(runResults, base != null ? report.settings(base) : report.settings(), log);
    }

    static io.nbci.execution.ParameterValues parameters(List<Path> files, List<String> typed, List<String> raw) {
        io.nbci.execution.ParameterValues parameters = new io.nbci.execution.ParameterValues();
        files.forEach(parameters::addFile);
        for (int i = 0; i + 1 < typed.size(); i += 2) {
            parameters.addTyped(typed.get(i), typed.get(i + 1));
        }
        for (int i = 0; i + 1 < raw.size(); i += 2) {
            parameters.addRaw(raw.get(i), raw.get(i + 1));
        }
        return parameters;
    }

    static Path defaultOutput(Path input) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return input.resolveSibling(stem + ".out.ipynb");
    }

    static Duration duration(Double seconds, String option) {
        if (seconds == null) {
            return null;
        }
        if (!(seconds > 0) || seconds.isInfinite()) {
            throw new ExecutionException(ExitCode.BAD_INPUT, option + " must be a positive number of seconds, found " + seconds);
        }
        return Duration.ofNanos((long) (seconds * 1e9));
    }
}
