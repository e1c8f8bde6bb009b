package io.nbci.cli;

import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import io.nbci.config.ConfigException;
import io.nbci.localcluster.ExternalBackend;
import io.nbci.localcluster.LocalCluster;
import io.nbci.report.JUnitXmlWriter;
import io.nbci.report.Publishing;
import io.nbci.results.ResultsFile;
import io.nbci.results.RunResults;
import io.nbci.scenario.Scenario;
import io.nbci.scenario.ScenarioFiles;
import io.nbci.scenario.ScenarioRunner;
import io.nbci.scenario.ScenarioSuite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nbci test}: runs integration scenarios (fixtures, the job, expectations) on one local
 * cluster started for the whole suite, or on an existing cluster with {@code --backend external}.
 */
@Command(name = "test",
        description = {"Run integration scenarios: seed Hive and HDFS, run the job, check tables, files, metrics"
                + " and logs (docs/scenarios.md)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every scenario passed",
            "1:a scenario's check failed",
            "2:a scenario file is invalid (nothing was run)",
            "3:the cluster or a fixture failed",
            "4:a job timed out"
        })
public final class TestCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions options;

    @Mixin
    ReportOptions report;

    @Parameters(paramLabel = "PATH", description = "Scenario files or folders (default: scenarios).")
    List<Path> paths;

    @Option(names = "--junit", paramLabel = "FILE", description = "Write JUnit XML here.")
    Path junit;

    @Option(names = "--results", paramLabel = "FILE", description = "Write the results JSON here"
            + " (default: <output-dir>/results.json).")
    Path results;

    @Option(names = "--output-dir", paramLabel = "DIR", defaultValue = "target/nbci/scenarios",
            description = "Executed notebooks, job logs and listings go here (default: ${DEFAULT-VALUE}).")
    Path outputDir;

    @Option(names = "--backend", defaultValue = "embedded", paramLabel = "NAME",
            description = "embedded (a local cluster in a child JVM), external (an existing cluster) or docker.")
    String backend;

    @Option(names = "--image", paramLabel = "IMAGE",
            description = "With --backend docker: the cluster image (default: localhost/nbci-cluster:<version>).")
    String image;

    @Option(names = "--keep-cluster", description = "Leave the cluster running (and the last scenario's data) for"
            + " inspection; stop it with: nbci cluster down --work <output-dir>/cluster.")
    boolean keepCluster;

    @Option(names = "--hive-jdbc-url", paramLabel = "URL", description = "external: HiveServer2 JDBC URL.")
    String hiveJdbcUrl;

    @Option(names = "--hdfs-uri", paramLabel = "URI", description = "external: HDFS URI, e.g. hdfs://nn:8020.")
    String hdfsUri;

    @Option(names = "--webhdfs-url", paramLabel = "URL", description = "external: WebHDFS URL (optional).")
    String webHdfsUrl;

    @Option(names = "--metastore-uri", paramLabel = "URI", description = "external: metastore URI (optional).")
    String metastoreUri;

    @Option(names = "--scratch-prefix", paramLabel = "PATH", defaultValue = "/tmp/nbci-scratch",
            description = "external: HDFS folder the scenarios may write and clean (default: ${DEFAULT-VALUE}).")
    String scratchPrefix;

    @Option(names = "--cluster-timeout", paramLabel = "SECONDS", defaultValue = "180",
            description = "How long the cluster may take to start (default: ${DEFAULT-VALUE}).")
    long clusterTimeout;

    @Override
    public Integer call() {
        LogSink log = options.log();
        List<Path> inputs = paths == null || paths.isEmpty() ? List.of(Path.of("scenarios")) : paths;
        List<Scenario> scenarios = ScenarioFiles.load(inputs);
        if (scenarios.isEmpty()) {
            throw new ConfigException(inputs.toString(), 0, 0, null, "no scenario files found");
        }
        log.info(scenarios.size() + " scenarios; starting the " + backend + " cluster");
        LocalCluster cluster = new LocalCluster()
                .withWorkingFolder(outputDir.resolve("cluster"))
                .withStartupTimeout(Duration.ofSeconds(clusterTimeout))
                .withDetached(keepCluster)
                .withLogSink(log);
        switch (backend) {
            case "embedded":
                break;
            case "external":
                cluster.withBackend(ExternalBackend.of(require(hiveJdbcUrl, "--hive-jdbc-url"),
                        require(hdfsUri, "--hdfs-uri"), webHdfsUrl, metastoreUri, scratchPrefix));
                break;
            default:
                cluster.withBackend(ClusterUpCommand.backend(backend, image));
        }
        RunResults run;
        try {
            cluster.start();
            try (ScenarioRunner runner = new ScenarioRunner(cluster, RunCommand.runner(log), outputDir, log)) {
                run = ScenarioSuite.run(scenarios, runner, log);
            }
        } finally {
            if (!keepCluster) {
                cluster.stop();
            } else {
                log.info("the cluster keeps running: nbci cluster down --work " + outputDir.resolve("cluster"));
            }
        }
        Path resultsFile = results != null ? results : outputDir.resolve("results.json");
        ResultsFile.write(run, resultsFile);
        if (junit != null) {
            JUnitXmlWriter.write(run, junit);
        }
        log.info(run.summary() + "; results: " + resultsFile + (junit == null ? "" : ", JUnit: " + junit));
        Publishing.publish(run, report.settings(resultsFile.toAbsolutePath().getParent()), log);
        return run.exitCode().code();
    }

    private static String require(String value, String option) {
        if (value == null || value.isBlank()) {
            throw new io.nbci.common.NbciException(ExitCode.BAD_INPUT, "--backend external needs " + option);
        }
        return value;
    }
}
