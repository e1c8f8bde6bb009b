package io.nbci.cli;

import io.nbci.common.LogSink;
import io.nbci.status.ProcessCommandRunner;
import io.nbci.status.StatusGate;
import io.nbci.status.StatusState;
import io.nbci.status.TestReports;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nbci gate}: posts pending, runs a command, posts its outcome with a test summary, exits with its code. */
@Command(name = "gate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Wraps a command in a commit status: posts pending, runs the command, then posts success or "
                + "failure from its exit code with a summary of the test reports it wrote, and exits with the "
                + "command's exit code (3 when a status cannot be posted)."},
        footer = {"%nExample:%n  nbci gate --provider github --context nbci/notebooks -- ./nbci test"})
public final class GateCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions options;

    @Mixin
    StatusTargetOptions target;

    @Option(names = "--junit-glob", paramLabel = "GLOB",
            description = "JUnit XML files to summarise, relative to the working directory (repeatable). Default: "
                    + "surefire/failsafe reports, test-results, junit*.xml, *-junit.xml, TEST-*.xml.")
    List<String> junitGlobs;

    @Option(names = "--results-glob", paramLabel = "GLOB",
            description = "nbci results files to summarise (repeatable). Default: results.json, nbci-results.json, *.nbci-results.json.")
    List<String> resultsGlobs;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command to run, after --.")
    List<String> command;

    @Override
    public Integer call() {
        LogSink log = options.log();
        Path directory = Path.of("").toAbsolutePath();
        StatusSetup setup = StatusSetup.prepare(target, StatusState.PENDING, null, log, System.getenv(), directory);
        TestReports reports = new TestReports(junitGlobs == null ? TestReports.DEFAULT_JUNIT_GLOBS : junitGlobs,
                resultsGlobs == null ? TestReports.DEFAULT_RESULTS_GLOBS : resultsGlobs, log);
        return new StatusGate(setup.publisher, new ProcessCommandRunner(), reports, log)
                .run(setup.status, command, directory);
    }
}
