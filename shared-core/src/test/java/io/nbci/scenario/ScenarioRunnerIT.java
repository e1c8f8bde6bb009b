package io.nbci.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import io.nbci.execution.KernelSpecs;
import io.nbci.execution.NotebookRunner;
import io.nbci.execution.TranslatorRegistry;
import io.nbci.localcluster.LocalCluster;
import io.nbci.results.CaseResult;
import io.nbci.results.CaseResult.Check;
import io.nbci.results.Status;
import io.nbci.results.SuiteResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The scenario engine on a real embedded cluster (HiveServer2, HDFS, Graphite capture in a
 * child JVM), one cluster for the whole class: every fixture and expectation kind, each
 * expectation failing with expected vs actual, notebook / script / JUnit-writing command jobs,
 * isolation between scenarios, timeouts and broken fixtures. The scenario files live in
 * {@code <repo>/src/test/resources/scenarios/it}; they are copied to a temporary folder first
 * so that what jobs write stays out of the source tree.
 */
public class ScenarioRunnerIT {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static LocalCluster cluster;
    private static ScenarioRunner runner;
    private static Path scenarios;

    @BeforeClass
    public static void startCluster() throws IOException {
        Path source = Path.of(System.getProperty("nbci.repo.root", "..")).resolve("src/test/resources/scenarios");
        scenarios = TEMP.newFolder("scenarios").toPath();
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path file : walk.toList()) {
                Path target = scenarios.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        cluster = new LocalCluster().withMemory("768m").start();
        NotebookRunner notebooks = new NotebookRunner(KernelSpecs.fromEnvironment(System.getenv()),
                TranslatorRegistry.withDefaults(), LogSink.silent());
        runner = new ScenarioRunner(cluster, notebooks, TEMP.newFolder("out").toPath(), LogSink.silent());
    }

    @AfterClass
    public static void stopCluster() {
        if (runner != null) {
            runner.close();
        }
        if (cluster != null) {
            cluster.stop();
        }
    }

    private static List<Scenario> read(String name) {
        return ScenarioFiles.read(scenarios.resolve("it").resolve(name));
    }

    private static ScenarioRunner.ScenarioOutcome run(String name) {
        return runner.run(read(name).get(0));
    }

    private static String describe(CaseResult result) {
        return result.status() + " " + (result.failure() == null ? "" : result.failure().message() + "\n"
                + result.failure().detail()) + "\noutput:\n" + result.output();
    }

    @Test
    public void shouldSeedEveryFixtureKindAndPassEveryExpectationKind() {
        ScenarioRunner.ScenarioOutcome outcome = run("everything.yaml");

        CaseResult result = outcome.scenarioCase();
        assertThat(result.status()).as(describe(result)).isEqualTo(Status.PASSED);
        assertThat(outcome.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(result.checks()).hasSize(27).allMatch(Check::passed);
        assertThat(result.fixtures()).extracting(io.nbci.results.Fixture::kind).containsExactly("hive-table",
                "hive-table", "hive-table", "hive-table", "hive-table", "hive-table", "hive-table", "hive-script",
                "hive-script", "hdfs-file", "hdfs-file", "hdfs-dir");
        assertThat(result.fixtures().get(4).description()).contains("(INSERT)");
        assertThat(result.fixtures().get(1).description()).contains("3 rows (LOAD DATA)");
        assertThat(outcome.suites().get(0).artifacts()).extracting(a -> a.kind())
                .contains("log", "listing");
    }

    @Test
    public void shouldFailEveryWrongExpectationWithExpectedAndActual() {
        ScenarioRunner.ScenarioOutcome outcome = run("everything-wrong.yaml");

        CaseResult result = outcome.scenarioCase();
        assertThat(result.status()).as(describe(result)).isEqualTo(Status.FAILED);
        assertThat(outcome.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(result.checks()).as("every check ran and failed").hasSize(18).noneMatch(Check::passed);
        List<Check> checks = result.checks();
        assertThat(checks.get(0)).extracting(Check::expected, Check::actual).containsExactly("0", "3");
        assertThat(checks.get(1).message()).contains("everything-wrong.yaml:26", "1 missing", "1 unexpected");
        assertThat(checks.get(1).actual()).contains("36");
        assertThat(checks.get(1).rows()).isNotNull();
        assertThat(checks.get(2).message()).contains("order differs");
        assertThat(checks.get(3).message()).as("tolerance 1e-5 is too tight for 0.33333 vs 0.3333")
                .contains("rows differ");
        assertThat(checks.get(4)).extracting(Check::expected, Check::actual)
                .containsExactly("does not exist", "exists");
        assertThat(checks.get(5)).extracting(Check::expected, Check::actual)
                .containsExactly("exists", "does not exist");
        assertThat(checks.get(6)).extracting(Check::expected, Check::actual).containsExactly("7 lines", "3 lines");
        assertThat(checks.get(7).expected()).isEqualTo("contains 4,2.0");
        assertThat(checks.get(7).actual()).contains("1,0.33333", "3,1.0");
        assertThat(checks.get(8)).extracting(Check::expected, Check::actual).containsExactly("2 lines", "3 lines");
        assertThat(checks.get(9).expected()).isEqualTo("4");
        assertThat(checks.get(9).actual()).isEqualTo("3");
        assertThat(checks.get(10).actual()).isEqualTo("3");
        assertThat(checks.get(10).expected()).contains("10", "20");
        assertThat(checks.get(11).expected()).isEqualTo("3 samples");
        assertThat(checks.get(11).actual()).startsWith("2 samples")
                .contains("it.job.category.a.count=1", "it.job.category.b.count=2");
        assertThat(checks.get(12).actual()).isEqualTo("no sample");
        assertThat(checks.get(13).actual()).isEqualTo("no sample");
        assertThat(checks.get(14).target()).isEqualTo("processed 4 rows");
        assertThat(checks.get(15).target()).isEqualTo("/read \\d+ outline lines/");
        assertThat(checks.get(16).actual()).contains("job done");
        assertThat(checks.get(17).actual()).contains("processed 3 rows");
        assertThat(result.failure().message()).startsWith("18 checks failed; first: ");
        assertThat(result.failure().detail()).contains("expected: 0", "actual:   3", "the job wrote:",
                "/it/out/report.txt");
    }

    @Test
    public void shouldRunAPyPercentNotebookWithParametersAndReportItsCells() {
        ScenarioRunner.ScenarioOutcome outcome = run("notebook.yaml");

        CaseResult result = outcome.scenarioCase();
        assertThat(result.status()).as(describe(result)).isEqualTo(Status.PASSED);
        assertThat(outcome.suites()).hasSizeGreaterThanOrEqualTo(2);
        SuiteResult cells = outcome.suites().get(1);
        assertThat(cells.kind()).isEqualTo(SuiteResult.Kind.NOTEBOOK);
        assertThat(cells.cases()).hasSizeGreaterThanOrEqualTo(3).allMatch(c -> c.status() == Status.PASSED);
        assertThat(outcome.suites().get(0).artifacts()).extracting(a -> a.kind()).contains("notebook");
    }

    @Test
    public void shouldMergeTheJUnitFileACommandWrote() {
        ScenarioRunner.ScenarioOutcome outcome = run("junit-command.yaml");

        assertThat(outcome.scenarioCase().status()).as(describe(outcome.scenarioCase())).isEqualTo(Status.PASSED);
        assertThat(outcome.suites()).hasSize(2);
        SuiteResult team = outcome.suites().get(1);
        assertThat(team.name()).isEqualTo("team_unit_tests");
        assertThat(team.cases()).extracting(CaseResult::name, CaseResult::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("test_should_round", Status.PASSED),
                org.assertj.core.groups.Tuple.tuple("test_should_fail_on_purpose", Status.FAILED));
        assertThat(team.cases().get(1).failure().message()).isEqualTo("assert 1 == 2");
    }

    @Test
    public void shouldIsolateScenariosWithTheSameTableAndPathWithoutARestart() {
        long pid = cluster.pid().orElseThrow();
        List<Scenario> both = read("isolation.yaml");

        CaseResult first = runner.run(both.get(0)).scenarioCase();
        CaseResult second = runner.run(both.get(1)).scenarioCase();

        assertThat(first.status()).as(describe(first)).isEqualTo(Status.PASSED);
        assertThat(second.status()).as(describe(second)).isEqualTo(Status.PASSED);
        assertThat(second.checks()).hasSize(6).allMatch(Check::passed);
        assertThat(cluster.pid()).as("the same service process").hasValue(pid);
        assertThat(cluster.hive(List.of("SHOW DATABASES")).rows()).extracting(r -> String.valueOf(r.get(0)))
                .doesNotContain("iso");
    }

    @Test
    public void shouldKillAJobThatTimesOutAndReportAnError() throws Exception {
        long started = System.nanoTime();
        ScenarioRunner.ScenarioOutcome outcome = run("timeout.yaml");
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        CaseResult result = outcome.scenarioCase();
        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(outcome.exitCode()).isEqualTo(ExitCode.TIMEOUT);
        assertThat(ExitCode.TIMEOUT.code()).isEqualTo(4);
        assertThat(result.failure().type()).isEqualTo("timeout");
        assertThat(result.failure().message()).contains("did not finish in 3 s");
        assertThat(result.failure().detail()).contains("sleeping");
        assertThat(seconds).isLessThan(60);
        Thread.sleep(500);
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("")
                .contains("nbci-it-timeout-marker")).map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .toList()).as("processes left by the job").isEmpty();
    }

    @Test
    public void shouldReportAFixtureWithBadHqlAsAnErrorNamingItsLine() {
        ScenarioRunner.ScenarioOutcome outcome = run("bad-hql.yaml");

        CaseResult result = outcome.scenarioCase();
        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(outcome.exitCode()).isIn(ExitCode.BAD_INPUT, ExitCode.INFRASTRUCTURE);
        assertThat(result.failure().message()).contains("bad-hql.yaml:4").contains("fixture");
        assertThat(cluster.hive(List.of("SHOW DATABASES")).rows()).extracting(r -> String.valueOf(r.get(0)))
                .as("the good fixture before it was removed").doesNotContain("fine");
    }
}
