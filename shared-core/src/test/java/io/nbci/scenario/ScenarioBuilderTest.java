package io.nbci.scenario;

import static io.nbci.scenario.ScenarioBuilder.command;
import static io.nbci.scenario.ScenarioBuilder.notebook;
import static io.nbci.scenario.ScenarioBuilder.row;
import static io.nbci.scenario.ScenarioBuilder.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbci.common.ExitCode;
import io.nbci.common.NbciException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ScenarioBuilderTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path folder;
    private Path notebookFile;

    @Before
    public void setUp() throws Exception {
        folder = temp.getRoot().toPath().toRealPath();
        notebookFile = folder.resolve("job.ipynb");
        Files.writeString(notebookFile, "{}");
        Files.writeString(folder.resolve("setup.hql"), "CREATE DATABASE reports;\nCREATE TABLE reports.m (id INT);\n");
        Files.createDirectories(folder.resolve("solr"));
    }

    private Scenario fromYaml(String... lines) throws Exception {
        Path file = folder.resolve("scenario.yaml");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return ScenarioFiles.read(file).get(0);
    }

    @Test
    public void shouldBuildTheSameScenarioAsTheYamlFile() throws Exception {
        Scenario yaml = fromYaml(
                "name: reports a missing score",
                "fixtures:",
                "  - hive_table: dwh.Offers",
                "    columns: {offer_id: BIGINT, category: STRING, price: DOUBLE, active: BOOLEAN}",
                "    partitioned_by: {dt: STRING}",
                "    partition: {dt: '2016-10-10'}",
                "    location: /data/dwh/offers/",
                "    format: orc",
                "    rows:",
                "      - [100, 'Moda i uroda', 9.5, true]",
                "      - [101, null, 0.25, false]",
                "  - hive_table: dwh.raw",
                "    ddl: CREATE TABLE dwh.raw (line STRING);",
                "  - hql_file: setup.hql",
                "  - hql: \"CREATE VIEW reports.v AS SELECT 1; SELECT 'a;b'\"",
                "  - hdfs: /data/solr/part-0.jsonl",
                "    content: ''",
                "  - hdfs: /data/copy",
                "    from: solr",
                "run:",
                "  notebook: job.ipynb",
                "  parameters: {run_date: '2016-10-10', limit: 5, ratio: 0.5, dry: false}",
                "  kernel: python3",
                "  env: {MODE: test}",
                "  timeout: 120",
                "expect:",
                "  - exit_code: 0",
                "  - hive: SELECT offer_id, dt FROM reports.missing",
                "    rows: [[100, '2016-10-10']]",
                "    ordered: true",
                "    tolerance: 0.01",
                "  - hdfs: /data/reports/missing",
                "    lines: 1",
                "  - hdfs: /data/reports/tmp",
                "    exists: false",
                "  - hdfs: /data/reports/summary",
                "    contains: missing",
                "  - metric: stats.*.missing",
                "    value: 1",
                "  - metric: stats.**.items",
                "    range: [0, 10]",
                "  - metric: stats.sent",
                "    count: 2",
                "    tolerance: 0.5",
                "  - metric: stats.any",
                "  - log: Corrupted",
                "  - log_absent: /Traceback.*/");

        Scenario built = scenario("reports a missing score")
                .given()
                    .hiveTable("dwh.Offers")
                        .columns("offer_id BIGINT", "category STRING", "price DOUBLE", "active BOOLEAN")
                        .partitionedBy("dt STRING").partition("dt", "2016-10-10")
                        .location("/data/dwh/offers/").format("ORC")
                        .rows(row(100, "Moda i uroda", 9.5, true), row(101L, null, 0.25f, false))
                    .hiveTable("dwh.raw").ddl("CREATE TABLE dwh.raw (line STRING);")
                    .hqlFile(folder.resolve("setup.hql"))
                    .hql("CREATE VIEW reports.v AS SELECT 1; SELECT 'a;b'")
                    .hdfsFile("/data/solr/part-0.jsonl", "")
                    .hdfsCopy("/data/copy", folder.resolve("solr"))
                .whenRunning(notebook(notebookFile)
                        .parameter("run_date", "2016-10-10").parameter("limit", 5).parameter("ratio", 0.5)
                        .parameter("dry", false)
                        .kernel("python3").env("MODE", "test").timeout(Duration.ofMinutes(2)))
                .then()
                    .exitCode(0)
                    .hiveQuery("SELECT offer_id, dt FROM reports.missing").returns(row(100, "2016-10-10"))
                        .ordered().tolerance(0.01)
                    .hdfsPath("/data/reports/missing").lines(1)
                    .hdfsPath("/data/reports/tmp").absent()
                    .hdfsPath("/data/reports/summary").contains("missing")
                    .metric("stats.*.missing").value(1)
                    .metric("stats.**.items").range(0, 10)
                    .metric("stats.sent").count(2).tolerance(0.5)
                    .metric("stats.any")
                    .log("Corrupted")
                    .logAbsent("/Traceback.*/")
                .build();

        assertThat(withoutOrigins(built)).isEqualTo(withoutOrigins(yaml));
        assertThat(built.file()).isNull();
        assertThat(built.fixtures().get(0).origin()).isEqualTo("ScenarioBuilderTest.java:97");
    }

    @Test
    public void shouldAddExitCodeZeroLikeTheYamlFileWhenNoneIsGiven() throws Exception {
        Scenario yaml = fromYaml(
                "name: s",
                "run:",
                "  command: [/bin/echo, hi]",
                "expect:",
                "  - log: hi");
        Scenario built = scenario("s").whenRunning(command("/bin/echo", "hi").workingDir(folder))
                .then().log("hi").build();

        assertThat(withoutOrigins(built)).isEqualTo(withoutOrigins(yaml));
        assertThat(built.expectations().get(0)).isInstanceOf(Expectation.ExitCodeIs.class);
    }

    @Test
    public void shouldNameTheTableWhenItIsNotDatabaseDotTable() {
        assertThatThrownBy(() -> scenario("s").given().hiveTable("offers").columns("id BIGINT")
                .whenRunning(notebook(notebookFile)).then().build())
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("ScenarioBuilderTest.java:")
                .hasMessageContaining("hiveTable: expected database.table (letters, digits, underscore), found"
                        + " \"offers\"")
                .satisfies(e -> assertThat(((NbciException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT));
    }

    @Test
    public void shouldRejectRelativeHdfsPathsNamingTheField() {
        assertThatThrownBy(() -> scenario("s").given().hdfsFile("data/x.jsonl", "")
                .whenRunning(notebook(notebookFile)).then().build())
                .hasMessageContaining("hdfsFile: expected an absolute HDFS path (starting with /), found"
                        + " \"data/x.jsonl\"");
        assertThatThrownBy(() -> scenario("s").whenRunning(notebook(notebookFile))
                .then().hdfsPath("/data/../etc").build())
                .hasMessageContaining("hdfsPath: '.' and '..' are not allowed in HDFS paths");
        assertThatThrownBy(() -> scenario("s").given().hiveTable("dwh.t").columns("id BIGINT").location("rel")
                .whenRunning(notebook(notebookFile)).then().build())
                .hasMessageContaining("hiveTable(\"dwh.t\").location: expected an absolute HDFS path");
    }

    @Test
    public void shouldRejectARowOfTheWrongWidthNamingTheRow() {
        assertThatThrownBy(() -> scenario("s").given().hiveTable("dwh.t").columns("id BIGINT", "name STRING")
                .rows(row(1, "a"), row(2)).whenRunning(notebook(notebookFile)).then().build())
                .hasMessageContaining("hiveTable(\"dwh.t\").rows row 2: row has 1 values, the table has 2 columns");
    }

    @Test
    public void shouldRejectBadColumnsPartitionsAndValues() {
        assertThatThrownBy(() -> scenario("s").given().hiveTable("dwh.t").columns("id")
                .whenRunning(notebook(notebookFile)).then().build())
                .hasMessageContaining("hiveTable(\"dwh.t\").columns: expected \"name TYPE\"");
        assertThatThrownBy(() -> scenario("s").given().hiveTable("dwh.t").columns("id BIGINT")
                .partition("dt", "2016-10-10").whenRunning(notebook(notebookFile)).then().build())
                .hasMessageContaining("hiveTable(\"dwh.t\").partition: dt is not a partition column");
        assertThatThrownBy(() -> scenario("s").given().hiveTable("dwh.t").columns("id BIGINT")
                .rows(row(new Object())).whenRunning(notebook(notebookFile)).then().build())
                .hasMessageContaining("rows row 1: expected a plain value");
        assertThatThrownBy(() -> scenario("s").given().hiveTable("dwh.t")
                .whenRunning(notebook(notebookFile)).then().build())
                .hasMessageContaining("a hive table needs ddl(..) or columns(..)");
    }

    @Test
    public void shouldRejectConflictingOrIncompleteExpectations() {
        assertThatThrownBy(() -> scenario("s").whenRunning(notebook(notebookFile))
                .then().metric("m").value(1).count(2).build())
                .hasMessageContaining("metric(\"m\"): give one of value, range or count");
        assertThatThrownBy(() -> scenario("s").whenRunning(notebook(notebookFile))
                .then().hiveQuery("SELECT 1").build())
                .hasMessageContaining("hiveQuery(\"SELECT 1\").returns: say which rows it returns");
        assertThatThrownBy(() -> scenario("s").whenRunning(notebook(notebookFile))
                .then().hdfsPath("/x").absent().lines(1).build())
                .hasMessageContaining("contains and lines need the path to exist");
    }

    @Test
    public void shouldRejectAMissingNotebookAndAnEmptyName() {
        assertThatThrownBy(() -> scenario("s").whenRunning(notebook(folder.resolve("nope.ipynb"))).then().build())
                .hasMessageContaining("whenRunning(notebook): no such notebook: " + folder.resolve("nope.ipynb"));
        assertThatThrownBy(() -> scenario(" ").whenRunning(notebook(notebookFile)).then().build())
                .hasMessageContaining("scenario name: must not be empty");
    }

    /** The scenario with every origin and the file blanked: those say where it was declared, not what it is. */
    static Scenario withoutOrigins(Scenario s) {
        List<Fixture> fixtures = s.fixtures().stream().map(ScenarioBuilderTest::withoutOrigin).toList();
        List<Expectation> expectations = s.expectations().stream().map(ScenarioBuilderTest::withoutOrigin).toList();
        return new Scenario(s.name(), null, fixtures, s.run(), expectations);
    }

    private static Fixture withoutOrigin(Fixture f) {
        if (f instanceof Fixture.HiveTable t) {
            return new Fixture.HiveTable("", t.database(), t.table(), t.ddl(), t.columns(), t.partitionColumns(),
                    t.partition(), t.rows(), t.format(), t.location());
        }
        if (f instanceof Fixture.Hql h) {
            return new Fixture.Hql("", h.statements());
        }
        Fixture.HdfsPath p = (Fixture.HdfsPath) f;
        return new Fixture.HdfsPath("", p.path(), p.content(), p.from());
    }

    private static Expectation withoutOrigin(Expectation e) {
        if (e instanceof Expectation.ExitCodeIs x) {
            return new Expectation.ExitCodeIs("", x.code());
        }
        if (e instanceof Expectation.HiveRows h) {
            return new Expectation.HiveRows("", h.query(), h.rows(), h.ordered(), h.tolerance());
        }
        if (e instanceof Expectation.HdfsPathState p) {
            return new Expectation.HdfsPathState("", p.path(), p.exists(), p.contains(), p.lines());
        }
        if (e instanceof Expectation.Metric m) {
            return new Expectation.Metric("", m.name(), m.value(), m.min(), m.max(), m.count(), m.tolerance());
        }
        Expectation.LogLine l = (Expectation.LogLine) e;
        return new Expectation.LogLine("", l.pattern(), l.present());
    }
}
