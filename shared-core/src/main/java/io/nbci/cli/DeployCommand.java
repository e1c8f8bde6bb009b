package io.nbci.cli;

import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import io.nbci.common.NbciException;
import io.nbci.deploy.DeployException;
import io.nbci.deploy.DeployOutcome;
import io.nbci.deploy.DeployTarget;
import io.nbci.deploy.Deployer;
import io.nbci.deploy.SourceVersion;
import io.nbci.deploy.TargetConnection;
import io.nbci.results.CaseResult;
import io.nbci.results.Failure;
import io.nbci.results.ResultsFile;
import io.nbci.results.RunResults;
import io.nbci.results.Status;
import io.nbci.results.SuiteResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nbci deploy}: uploads a folder as a new release of a target and switches the live pointer atomically. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Upload a folder as release ID of a target (an HDFS snapshot <base>/work/.snapshot/ID, or a "
                + "folder <base>/releases/ID: see the target's layout), verify it, and switch the live pointer "
                + "<base>/current to it atomically. See docs/deploying.md."})
public final class DeployCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions options;

    @Mixin
    TargetOptions targetOptions;

    @Option(names = "--source", required = true, paramLabel = "DIR", description = "Folder to deploy.")
    Path source;

    @Option(names = "--version", paramLabel = "ID",
            description = "Release ID (default: git rev-parse HEAD of the source folder).")
    String version;

    @Option(names = "--dry-run", description = "Print the files that would be added, changed and removed; write nothing.")
    boolean dryRun;

    @Option(names = "--results", paramLabel = "FILE", description = "Write the results (JSON) to FILE.")
    Path results;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() {
        Instant started = Instant.now();
        long start = System.nanoTime();
        LogSink log = options.log();
        try {
            DeployTarget target = targetOptions.resolve();
            String commit = SourceVersion.gitCommit(source);
            String id = version != null ? version : commit;
            if (id == null) {
                throw new DeployException(ExitCode.BAD_INPUT, "--version not given and " + source
                        + " is not in a git work tree (no commit to use as the release ID)");
            }
            SourceVersion.validate(id, "--version");
            DeployOutcome outcome;
            try (TargetConnection connection = TargetConnection.open(target, log)) {
                log.info("target " + target.name() + ": " + target.location() + " ("
                        + target.describeAuth() + ")");
                outcome = new Deployer(connection, log).deploy(source, id, commit, dryRun);
            }
            write(started, start, outcome.exitCode(), outcome.toSuite(source.toString()));
            if (outcome.exitCode() == ExitCode.OK && !outcome.dryRun()) {
                log.info(String.format(java.util.Locale.ROOT, "deployed %s in %.1f s: %d uploaded, %d reused",
                        outcome.release(), (System.nanoTime() - start) / 1e9, outcome.uploaded(), outcome.reused()));
            }
            return outcome.exitCode().code();
        } catch (NbciException e) {
            Failure failure = Failure.of(e.getClass().getSimpleName(), e.getMessage());
            CaseResult failed = new CaseResult("deploy", "deploy." + targetOptions.target,
                    e.exitCode() == ExitCode.FAILED ? Status.FAILED : Status.ERROR, millis(start), failure, null, null,
                    List.of());
            write(started, start, e.exitCode(), new SuiteResult("deploy " + targetOptions.target,
                    SuiteResult.Kind.DEPLOY, String.valueOf(source), millis(start), List.of(failed), List.of(),
                    List.of(), Map.of("target", targetOptions.target)));
            throw e;
        }
    }

    private void write(Instant started, long start, ExitCode exitCode, SuiteResult suite) {
        RunResults run = RunResults.of("deploy", started, millis(start), exitCode, List.of(suite));
        if (results != null) {
            ResultsFile.write(run, results);
        }
        io.nbci.report.Publishing.publish(run, report.settings(), options.log());
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000L;
    }
}
