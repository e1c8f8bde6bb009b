package io.nbci.junit4;

import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import io.nbci.execution.KernelSpecs;
import io.nbci.execution.NotebookRunner;
import io.nbci.execution.TranslatorRegistry;
import io.nbci.localcluster.ClusterBackend;
import io.nbci.localcluster.ClusterService;
import io.nbci.localcluster.ClusterSpec;
import io.nbci.localcluster.LocalCluster;
import io.nbci.results.Artifact;
import io.nbci.results.CaseResult;
import io.nbci.results.CaseResult.Check;
import io.nbci.results.Failure;
import io.nbci.scenario.Checks;
import io.nbci.scenario.Scenario;
import io.nbci.scenario.ScenarioRunner;
import io.nbci.scenario.ScenarioRunner.ScenarioOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.ComparisonFailure;
import org.junit.rules.ExternalResource;
import org.junit.rules.TestRule;

/**
 * A JUnit 4 rule giving a test class a started local cluster (HDFS, HiveServer2, Graphite) and
 * running scenarios on it through the same {@link ScenarioRunner} as {@code nbci test}. Declare it
 * as a {@code @ClassRule}: the cluster starts once before the first test and stops after the last.
 * The runner removes what each scenario created, so tests do not see each other's data.
 *
 * <pre>{@code
 * @ClassRule
 * public static final NbciCluster CLUSTER = new NbciCluster().withMemory("768m");
 *
 * @Test
 * public void shouldReportTheMissingScore() {
 *     CLUSTER.verify(scenario("reports a missing score")
 *         .given().hiveTable("dwh.offers").columns("offer_id BIGINT").rows(row(100))
 *         .whenRunning(notebook(Path.of("verifier.ipynb")))
 *         .then().metric("stats.*.missing").value(1)
 *         .build());
 * }
 * }</pre>
 *
 * <p>{@link #verify(Scenario)} throws an {@link AssertionError} listing every failed check with its
 * expected and actual value and the paths of the executed notebook and the job log (a
 * {@link ComparisonFailure} when exactly one check failed, so IDEs show the difference).
 */
public class NbciCluster extends ExternalResource {
    private final LocalCluster cluster = new LocalCluster();
    private LogSink log = new StderrSink();
    private Path outputDir = Path.of("target", "nbci-junit");
    private NotebookRunner notebooks;
    private ScenarioRunner runner;

    /** All services, free ports, 768 MB heap; results under {@code target/nbci-junit}; log to stderr. */
    public NbciCluster() {
    }

    /** Runs only these services (HIVE needs HDFS). */
    public NbciCluster withServices(ClusterService... only) {
        cluster.withServices(only);
        return this;
    }

    /** A fixed port for one service endpoint; 0 (the default) picks a free one. */
    public NbciCluster withPort(ClusterSpec.Port port, int number) {
        cluster.withPort(port, number);
        return this;
    }

    /** The host name clients are given; default localhost. */
    public NbciCluster withHost(String hostName) {
        cluster.withHost(hostName);
        return this;
    }

    /** Maximum heap of the service JVM, java -Xmx syntax; default 768m. */
    public NbciCluster withMemory(String heap) {
        cluster.withMemory(heap);
        return this;
    }

    /** Keeps the cluster's configuration, data and logs in this folder; default a temporary folder. */
    public NbciCluster withWorkingFolder(Path folder) {
        cluster.withWorkingFolder(folder);
        return this;
    }

    public NbciCluster withStartupTimeout(Duration timeout) {
        cluster.withStartupTimeout(timeout);
        return this;
    }

    /** Another backend, e.g. {@code ExternalBackend.of(..)} for a shared test cluster. */
    public NbciCluster withBackend(ClusterBackend backend) {
        cluster.withBackend(backend);
        return this;
    }

    /** Where each scenario's evidence goes (executed notebook, job log, listing); default target/nbci-junit. */
    public NbciCluster withOutputDir(Path folder) {
        this.outputDir = folder;
        return this;
    }

    /** Where the cluster and the runner report progress; default stderr. */
    public NbciCluster withLogSink(LogSink sink) {
        this.log = sink;
        return this;
    }

    /** Runs notebooks with this runner instead of one over the kernelspecs found in the environment. */
    public NbciCluster withNotebookRunner(NotebookRunner runner) {
        this.notebooks = runner;
        return this;
    }

    @Override
    protected void before() {
        cluster.withLogSink(log).start();
        NotebookRunner kernels = notebooks != null ? notebooks
                : new NotebookRunner(KernelSpecs.fromEnvironment(System.getenv()), TranslatorRegistry.withDefaults(),
                        log);
        runner = new ScenarioRunner(cluster, kernels, outputDir.toAbsolutePath(), log);
    }

    @Override
    protected void after() {
        try {
            if (runner != null) {
                runner.close();
            }
        } finally {
            runner = null;
            cluster.stop();
        }
    }

    /** Runs a scenario and returns what happened; never throws for a failed check. */
    public ScenarioOutcome run(Scenario scenario) {
        if (runner == null) {
            throw new IllegalStateException("the nbci cluster is not started: declare the NbciCluster field as"
                    + " public static with @ClassRule (or public with @Rule)");
        }
        return runner.run(scenario);
    }

    /**
     * Runs a scenario and throws an AssertionError unless every check passed.
     *
     * @return the outcome, for further assertions
     */
    public ScenarioOutcome verify(Scenario scenario) {
        ScenarioOutcome outcome = run(scenario);
        if (outcome.exitCode() != ExitCode.OK) {
            throw failureOf(scenario, outcome);
        }
        return outcome;
    }

    /** The error {@link #verify(Scenario)} throws for an outcome that is not OK. */
    static AssertionError failureOf(Scenario scenario, ScenarioOutcome outcome) {
        CaseResult result = outcome.scenarioCase();
        List<Check> failed = result.checks().stream().filter(c -> !c.passed()).toList();
        StringBuilder text = new StringBuilder();
        text.append("scenario \"").append(scenario.name()).append("\" ")
                .append(result.status().name().toLowerCase(java.util.Locale.ROOT));
        if (!failed.isEmpty()) {
            text.append(": ").append(failed.size()).append(" of ").append(result.checks().size())
                    .append(" checks failed\n").append(Checks.describeFailed(failed));
        } else {
            Failure failure = result.failure();
            text.append(": ").append(failure == null ? "exit code " + outcome.exitCode() : failure.message())
                    .append('\n');
            if (failure != null && failure.detail() != null) {
                text.append(failure.detail().strip()).append('\n');
            }
        }
        for (Artifact artifact : outcome.suites().get(0).artifacts()) {
            String label = Map.of("notebook", "executed notebook", "log", "job log", "listing", "HDFS written",
                    "junit", "job JUnit").getOrDefault(artifact.kind(), artifact.kind());
            text.append(label).append(": ").append(artifact.path()).append('\n');
        }
        String message = text.toString().stripTrailing();
        if (failed.size() == 1) {
            Check only = failed.get(0);
            return new ComparisonFailure(message + "\n", String.valueOf(only.expected()),
                    String.valueOf(only.actual()));
        }
        return new AssertionError(message);
    }

    /** Clears Hive, HDFS and captured metrics without a restart (scenarios already clean up after themselves). */
    public Duration reset() {
        return cluster.reset();
    }

    /**
     * A companion {@code @Rule} that calls {@link #reset()} before each test, for tests that also
     * write to the cluster themselves (through {@link #getHiveJdbcUrl()} or {@link #getHdfsUri()}):
     * {@code @Rule public final TestRule clean = CLUSTER.resetBeforeEachTest();}
     */
    public TestRule resetBeforeEachTest() {
        return new ExternalResource() {
            @Override
            protected void before() {
                reset();
            }
        };
    }

    /** The cluster itself, for anything the getters below do not cover. */
    public LocalCluster cluster() {
        return cluster;
    }

    public String getHdfsUri() {
        return cluster.getHdfsUri();
    }

    public String getWebHdfsUrl() {
        return cluster.getWebHdfsUrl();
    }

    public String getHiveJdbcUrl() {
        return cluster.getHiveJdbcUrl();
    }

    public String getMetastoreUri() {
        return cluster.getMetastoreUri();
    }

    public String getGraphiteHost() {
        return cluster.getGraphiteHost();
    }

    public int getGraphitePort() {
        return cluster.getGraphitePort();
    }

    public Path getHadoopConfDir() {
        return cluster.getHadoopConfDir();
    }

    /** The environment a job sees (HADOOP_CONF_DIR, HIVE_JDBC_URL, GRAPHITE_HOST, ...). */
    public Map<String, String> environment() {
        return cluster.environment();
    }

    /** Progress on stderr, which Surefire keeps with the test's output. */
    private static final class StderrSink implements LogSink {
        @Override
        public void info(String message) {
            System.err.println("[nbci] " + message);
        }

        @Override
        public void warn(String message) {
            System.err.println("[nbci] WARN " + message);
        }

        @Override
        public void error(String message) {
            System.err.println("[nbci] ERROR " + message);
        }
    }
}
