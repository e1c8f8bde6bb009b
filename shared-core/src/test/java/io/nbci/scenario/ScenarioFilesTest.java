package io.nbci.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbci.common.ExitCode;
import io.nbci.common.NbciException;
import io.nbci.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ScenarioFilesTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path folder;

    @Before
    public void setUp() throws Exception {
        folder = temp.getRoot().toPath();
        Files.writeString(folder.resolve("job.ipynb"), "{}");
        Files.writeString(folder.resolve("offers.csv"), "category,offer_id\n\"Moda, i uroda\",100\nRTV,\\N\n");
        Files.writeString(folder.resolve("scores.jsonl"), "{\"offer_id\": 1, \"score\": 0.5}\n[2, null]\n");
        Files.writeString(folder.resolve("setup.hql"), "CREATE DATABASE x; -- comment; here\nUSE x;\n"
                + "INSERT INTO t VALUES ('a;b');\n");
        Files.createDirectories(folder.resolve("solr"));
    }

    private Path write(String name, String... lines) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    @Test
    public void shouldReadEveryFixtureRunAndExpectationKind() throws Exception {
        Path file = write("missing.yaml",
                "fixtures:",
                "  - hive_table: dwh.offers",
                "    columns: {offer_id: BIGINT, category: STRING}",
                "    partitioned_by: {dt: STRING}",
                "    partition: {dt: '2016-10-10'}",
                "    rows_file: offers.csv",
                "  - hive_table: dwh.scores",
                "    columns: {offer_id: BIGINT, score: DOUBLE}",
                "    rows_file: scores.jsonl",
                "  - hql_file: setup.hql",
                "  - hdfs: /data/solr/",
                "    from: solr",
                "  - hdfs: /data/flag",
                "    content: ''",
                "run:",
                "  notebook: job.ipynb",
                "  parameters: {run_date: '2016-10-10', limit: 5, dry: false}",
                "  timeout: 120",
                "expect:",
                "  - hive: SELECT offer_id FROM out.missing",
                "    rows: [[100], [null]]",
                "    tolerance: 0.01",
                "  - hdfs: /out/_SUCCESS",
                "  - hdfs: /out/tmp",
                "    exists: false",
                "  - metric: stats.offer.*.missing",
                "    range: [1, 2]",
                "  - metric: stats.offer.items",
                "    count: 1",
                "  - log: Corrupted record",
                "  - log_absent: /Traceback.*/");

        Scenario scenario = ScenarioFiles.read(file).get(0);

        assertThat(scenario.name()).isEqualTo("missing");
        Fixture.HiveTable offers = (Fixture.HiveTable) scenario.fixtures().get(0);
        assertThat(offers.qualifiedName()).isEqualTo("dwh.offers");
        assertThat(offers.partition()).isEqualTo(Map.of("dt", "2016-10-10"));
        assertThat(offers.rows()).containsExactly(List.of("100", "Moda, i uroda"), java.util.Arrays.asList(null, "RTV"));
        assertThat(((Fixture.HiveTable) scenario.fixtures().get(1)).rows())
                .containsExactly(List.of(1L, 0.5), java.util.Arrays.asList(2L, null));
        assertThat(((Fixture.Hql) scenario.fixtures().get(2)).statements())
                .containsExactly("CREATE DATABASE x", "USE x", "INSERT INTO t VALUES ('a;b')");
        assertThat(((Fixture.HdfsPath) scenario.fixtures().get(3)).path()).isEqualTo("/data/solr");
        assertThat(scenario.run().kind()).isEqualTo(RunSpec.Kind.NOTEBOOK);
        assertThat(scenario.run().parameters()).containsEntry("limit", 5L).containsEntry("dry", false);
        assertThat(scenario.run().workingDir()).isEqualTo(folder.toAbsolutePath());
        assertThat(scenario.expectations()).hasSize(8);
        assertThat(scenario.expectations().get(0)).isEqualTo(new Expectation.ExitCodeIs(file + ":20", 0));
        Expectation.Metric range = (Expectation.Metric) scenario.expectations().get(4);
        assertThat(range.min()).isEqualTo(1.0);
        assertThat(range.max()).isEqualTo(2.0);
    }

    @Test
    public void shouldSplitAStringCommandLikeAShell() throws Exception {
        Path file = write("cmd.yaml",
                "run:",
                "  command: python3 -m pytest 'tests dir' --junitxml=\"out/py test.xml\"",
                "  junit: out/py test.xml",
                "  env: {SPARK_HOME: /opt/spark}");

        RunSpec run = ScenarioFiles.read(file).get(0).run();

        assertThat(run.command()).containsExactly("python3", "-m", "pytest", "tests dir", "--junitxml=out/py test.xml");
        assertThat(run.junitFiles()).containsExactly(folder.toAbsolutePath().resolve("out/py test.xml"));
        assertThat(run.env()).containsEntry("SPARK_HOME", "/opt/spark");
    }

    @Test
    public void shouldNameFileLineAndKeyOfEveryMistake() throws Exception {
        assertError(write("a.yaml", "run:", "  notebook: job.ipynb", "expect:", "  - metric: x", "    valu: 1"),
                "a.yaml:5:5: expect[0].valu: unknown key; expected one of count, metric, range, tolerance, value");
        assertError(write("b.yaml", "run:", "  notebook: nope.ipynb"),
                "b.yaml:2:13: run.notebook: no such notebook: ");
        assertError(write("c.yaml", "fixtures:", "  - hive_table: offers", "    columns: {a: INT}", "run:",
                "  command: ls"), "c.yaml:2:17: fixtures[0].hive_table: expected database.table");
        assertError(write("d.yaml", "fixtures:", "  - hive: x", "run:", "  command: ls"),
                "d.yaml:2:5: fixtures[0]: unknown fixture; expected one of hive_table, hql, hql_file, hdfs");
        assertError(write("e.yaml", "fixtures:", "  - hive_table: a.b", "    columns: {x: INT, y: INT}",
                "    rows: [[1, 2], [3]]", "run:", "  command: ls"),
                "e.yaml:4:20: fixtures[0].rows[1]: row has 1 values, the table has 2 columns");
        assertError(write("f.yaml", "fixtures:", "  - hdfs: data/x", "    content: a", "run:", "  command: ls"),
                "f.yaml:2:11: fixtures[0].hdfs: expected an absolute HDFS path");
        assertError(write("g.yaml", "expect:", "  - exit_code: 0"), "g.yaml:1:1: run: is required");
        assertError(write("h.yaml", "run:", "  command: \"ls 'x\""), "h.yaml:2:12: run.command: unterminated single");
    }

    @Test
    public void shouldReadAJobContainerAndRefuseItForNotebooks() throws Exception {
        Path file = write("image.yaml", "run:", "  script: job.py", "  image: localhost/team-job:1",
                "  memory: 1g", "  cpus: 1.5");
        Files.writeString(folder.resolve("job.py"), "print(1)\n");

        RunSpec run = ScenarioFiles.read(file).get(0).run();

        assertThat(run.container()).isEqualTo(new RunSpec.Container("localhost/team-job:1", "1g", 1.5));
        assertThat(run.command().get(0)).isEqualTo("python3");
        assertError(write("nb-image.yaml", "run:", "  notebook: job.ipynb", "  image: x"),
                "nb-image.yaml:3:10: run.image: image goes with script or command");
        assertError(write("limits.yaml", "run:", "  command: ls", "  memory: 1g"),
                "limits.yaml:2:3: run: memory and cpus limit a job container");
        assertError(write("bad-memory.yaml", "run:", "  command: ls", "  image: x", "  memory: lots"),
                "bad-memory.yaml:4:11: run.memory: expected a size such as 512m or 2g");
    }

    @Test
    public void shouldNameTheLineOfABadRowInARowsFile() throws Exception {
        Files.writeString(folder.resolve("bad.csv"), "a,b\n1,2\n3\n");
        Path file = write("rows.yaml", "fixtures:", "  - hive_table: x.y", "    columns: {a: INT, b: INT}",
                "    rows_file: bad.csv", "run:", "  command: ls");

        assertThatThrownBy(() -> ScenarioFiles.read(file))
                .isInstanceOf(NbciException.class)
                .hasMessageContaining("bad.csv:3: row has 1 fields, the table has 2 columns");
    }

    @Test
    public void shouldReadAListOfScenariosAndRefuseDuplicateNames() throws Exception {
        Path file = write("suite.yaml", "scenarios:", "  - name: one", "    run: {command: ls}",
                "  - name: two", "    run: {command: ls}");
        Path clash = write("clash.yaml", "name: one", "run: {command: ls}");

        assertThat(ScenarioFiles.read(file)).extracting(Scenario::name).containsExactly("one", "two");
        assertThatThrownBy(() -> ScenarioFiles.load(List.of(file, clash)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("\"one\" is also used in");
    }

    private static void assertError(Path file, String expectedStart) {
        assertThatThrownBy(() -> ScenarioFiles.read(file))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((NbciException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT))
                .satisfies(e -> assertThat(e.getMessage())
                        .contains(expectedStart.substring(expectedStart.indexOf(':') + 1)))
                .hasMessageStartingWith(file.toString());
    }
}
