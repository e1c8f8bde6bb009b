package io.nbci.cli;

import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import io.nbci.common.NbciException;
import io.nbci.execution.NotebookRun;
import io.nbci.execution.NotebookRunner;
import io.nbci.execution.RunOptions;
import io.nbci.results.RunResults;
import io.nbci.results.SuiteResult;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nbci run-all}: runs many notebooks, each on its own kernel, in parallel, with one report. */
@Command(name = "run-all",
        description = {"Run every notebook under a folder, or matching a glob, each on its own kernel, N at a time.",
            "Writes each executed notebook under --output-dir and one JUnit report for all."},
        mixinStandardHelpOptions = true)
public final class RunAllCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions options;

    @Parameters(index = "0", paramLabel = "DIR|GLOB",
            description = "A folder (every .ipynb below it) or a glob such as 'jobs/**/*.ipynb'.")
    String where;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "How many notebooks run at once (default: 1).")
    int jobs = 1;

    @Option(names = "--output-dir", paramLabel = "D", description = "Where executed notebooks go (default: nbci-out).")
    Path outputDir = Path.of("nbci-out");

    @Option(names = {"-k", "--kernel"}, paramLabel = "NAME", description = "Kernel to use instead of each notebook's kernelspec.")
    String kernel;

    @Option(names = "--cwd", paramLabel = "DIR", description = "The kernels' working directory (default: the current one).")
    Path cwd;

    @Option(names = "--cell-timeout", paramLabel = "S", description = "Seconds one cell may run (default: 600).")
    Double cellTimeout;

    @Option(names = "--start-timeout", paramLabel = "S", description = "Seconds a kernel may take to start (default: 60).")
    Double startTimeout;

    @Option(names = "--junit", paramLabel = "FILE", description = "Write one JUnit XML report: a testsuite per notebook.")
    Path junit;

    @Option(names = "--results", paramLabel = "FILE", description = "Write the nbci results file (JSON).")
    Path results;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() throws Exception {
        if (jobs < 1) {
            throw new NbciException(ExitCode.BAD_INPUT, "--jobs must be at least 1, found " + jobs);
        }
        RunCommand.requireDirectory(cwd);
        LogSink log = options.log();
        Instant started = Instant.now();
        long start = System.nanoTime();
        List<Input> inputs = inputs(where, outputDir);
        if (inputs.isEmpty()) {
            throw new NbciException(ExitCode.BAD_INPUT, "no notebooks found at " + where
                    + " (expected a folder holding .ipynb files, or a glob such as 'jobs/**/*.ipynb')");
        }
        Duration cellLimit = RunCommand.duration(cellTimeout, "--cell-timeout");
        Duration startLimit = RunCommand.duration(startTimeout, "--start-timeout");
        log.info("running " + inputs.size() + " notebooks, " + jobs + " at a time");
        NotebookRunner runner = RunCommand.runner(log);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, inputs.size()), r -> {
            Thread thread = new Thread(r, "nbci-run");
            thread.setDaemon(true);
            return thread;
        });
        List<Future<NotebookRun>> futures = new ArrayList<>();
        try {
            for (Input input : inputs) {
                RunOptions runOptions = RunOptions.builder(input.file(), input.output())
                        .kernelName(kernel)
                        .workingDirectory(cwd)
                        .cellTimeout(cellLimit)
                        .startTimeout(startLimit)
                        .build();
                futures.add(pool.submit(() -> runner.run(runOptions)));
            }
            List<SuiteResult> suites = new ArrayList<>();
            ExitCode exitCode = ExitCode.OK;
            int failed = 0;
            for (Future<NotebookRun> future : futures) {
                NotebookRun run = future.get();
                suites.add(run.suite());
                exitCode = exitCode.worst(run.exitCode());
                if (run.exitCode() != ExitCode.OK) {
                    failed++;
                }
            }
            RunResults runResults = RunResults.of("run-all", started, (System.nanoTime() - start) / 1_000_000,
                    exitCode, suites);
            log.info(String.format("%d notebooks, %d failed; %s; %.2f s", inputs.size(), failed, runResults.summary(),
                    runResults.durationMillis() / 1000.0));
            RunCommand.writeReports(runResults, junit, results, report, log);
            return exitCode.code();
        } finally {
            pool.shutdownNow();
        }
    }

    /** One notebook to run and where its executed copy goes. */
    record Input(Path file, Path output) {
    }

    static List<Input> inputs(String where, Path outputDir) throws IOException {
        Path asPath = Path.of(where);
        Path base;
        PathMatcher matcher;
        if (Files.isDirectory(asPath)) {
            base = asPath;
            matcher = path -> path.getFileName().toString().endsWith(".ipynb");
        } else if (Files.isRegularFile(asPath)) {
            return List.of(new Input(asPath, outputDir.resolve(outputName(asPath.getFileName()))));
        } else {
            base = globBase(where);
            matcher = FileSystems.getDefault().getPathMatcher("glob:" + where);
        }
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        Path absoluteOut = outputDir.toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(base)) {
            return files.filter(Files::isRegularFile)
                    .filter(path -> !path.toString().contains(".ipynb_checkpoints"))
                    .filter(path -> !path.toAbsolutePath().normalize().startsWith(absoluteOut))
                    .filter(matcher::matches)
                    .sorted()
                    .map(path -> new Input(path, outputDir.resolve(outputName(base.relativize(path)))))
                    .collect(Collectors.toList());
        }
    }

    private static Path outputName(Path relative) {
        String name = relative.getFileName().toString();
        if (!name.endsWith(".ipynb")) {
            int dot = name.lastIndexOf('.');
            name = (dot > 0 ? name.substring(0, dot) : name) + ".ipynb";
        }
        Path parent = relative.getParent();
        return parent == null ? Path.of(name) : parent.resolve(name);
    }

    private static Path globBase(String glob) {
        Path base = null;
        for (String part : glob.split("/", -1)) {
            if (part.matches(".*[*?\\[{].*")) {
                break;
            }
            if (part.isEmpty() && base == null && glob.startsWith("/")) {
                base = Path.of("/");
                continue;
            }
            base = base == null ? Path.of(part) : base.resolve(part);
        }
        return base == null ? Path.of(".") : base;
    }
}
