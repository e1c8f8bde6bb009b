package io.nbci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbci.localcluster.LocalCluster;
import io.nbci.results.ResultsFile;
import io.nbci.results.RunResults;
import io.nbci.results.Status;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code nbci test --backend external} against a cluster that {@code nbci cluster up --detach}
 * started as another process: the scenario passes, leaves nothing behind (its database, the
 * scratch prefix), and a scenario reaching outside the scratch prefix is refused.
 */
public class ExternalBackendIT {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static Path work;
    private static Map<String, String> env;

    @BeforeClass
    public static void clusterUp() throws Exception {
        work = TEMP.newFolder("cluster").toPath();
        Path envFile = TEMP.getRoot().toPath().resolve("cluster.env");
        int up = Main.execute("cluster", "up", "--detach", "--memory", "768m", "--work", work.toString(),
                "--env-file", envFile.toString());
        assertThat(up).as("nbci cluster up --detach").isZero();
        env = new HashMap<>();
        for (String line : Files.readAllLines(envFile)) {
            if (line.startsWith("export ")) {
                String assignment = line.substring("export ".length());
                int eq = assignment.indexOf('=');
                env.put(assignment.substring(0, eq), assignment.substring(eq + 1).replaceAll("^'|'$", ""));
            }
        }
    }

    @AfterClass
    public static void clusterDown() {
        if (work != null) {
            assertThat(Main.execute("cluster", "down", "--work", work.toString())).as("nbci cluster down").isZero();
        }
    }

    private static Path scenarios() {
        return Path.of(System.getProperty("nbci.repo.root", "..")).resolve("src/test/resources/scenarios");
    }

    private static CliRun test(String scenario, Path out) {
        return CliRun.of("test", scenarios().resolve(scenario).toString(), "--backend", "external",
                "--hive-jdbc-url", env.get("NBCI_HIVE_JDBC_URL"), "--hdfs-uri", env.get("NBCI_HDFS_URI"),
                "--webhdfs-url", env.get("NBCI_WEBHDFS_URL"), "--scratch-prefix", "/scratch-it",
                "--output-dir", out.toString());
    }

    @Test
    public void shouldPassOnTheExternalClusterAndLeaveNothingBehind() throws Exception {
        Path out = TEMP.newFolder("out").toPath();

        CliRun run = test("external", out);

        assertThat(run.exitCode).as(run.toString()).isZero();
        RunResults results = ResultsFile.read(out.resolve("results.json"));
        assertThat(results.suites().get(0).cases().get(0).status()).isEqualTo(Status.PASSED);
        assertThat(results.suites().get(0).properties()).containsEntry("backend", "external");
        try (FileSystem fs = FileSystem.newInstance(URI.create(env.get("NBCI_HDFS_URI")), new Configuration(),
                "nbci")) {
            assertThat(fs.exists(new org.apache.hadoop.fs.Path("/scratch-it"))).as("the scratch prefix").isFalse();
        }
        LocalCluster attached = LocalCluster.attach(work);
        assertThat(attached.hive(List.of("SHOW DATABASES")).rows()).extracting(r -> String.valueOf(r.get(0)))
                .doesNotContain("ext_it");
    }

    @Test
    public void shouldRefuseAScenarioWritingOutsideTheScratchPrefix() throws Exception {
        Path out = TEMP.newFolder("out-outside").toPath();

        CliRun run = test("external-outside", out);

        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.out + run.err).contains("outside.yaml:3").contains("scratch prefix /scratch-it");
        try (FileSystem fs = FileSystem.newInstance(URI.create(env.get("NBCI_HDFS_URI")), new Configuration(),
                "nbci")) {
            assertThat(fs.exists(new org.apache.hadoop.fs.Path("/data/not-ours.txt"))).isFalse();
        }
    }
}
