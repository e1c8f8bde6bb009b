package io.nbci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbci.results.ResultsFile;
import io.nbci.results.RunResults;
import io.nbci.results.Status;
import io.nbci.results.SuiteResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code nbci test} end to end on the real embedded cluster: exit codes 0, 1 and 2, the JUnit
 * XML (one testcase per scenario with expected vs actual, the notebook's cells as their own
 * testsuite) and the results JSON. Scenario files: {@code <repo>/src/test/resources/scenarios/cli}.
 */
public class TestCommandIT {

    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private static Path scenarios() {
        return Path.of(System.getProperty("nbci.repo.root", "..")).resolve("src/test/resources/scenarios/cli");
    }

    @Test
    public void shouldExitOneWithJUnitAndResultsWhenACheckFails() throws Exception {
        Path out = temp.newFolder("out").toPath();
        Path junit = out.resolve("junit.xml");

        CliRun run = CliRun.of("test", scenarios().resolve("pass").toString(),
                scenarios().resolve("metric-fails.yaml").toString(), "--output-dir", out.toString(),
                "--junit", junit.toString());

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        List<String> suites = new ArrayList<>();
        NodeList suiteNodes = xml.getElementsByTagName("testsuite");
        for (int i = 0; i < suiteNodes.getLength(); i++) {
            suites.add(((Element) suiteNodes.item(i)).getAttribute("name"));
        }
        assertThat(suites).contains("cli notebook passes", "cli metric fails").hasSizeGreaterThanOrEqualTo(3);
        Element failing = suite(xml, "cli metric fails");
        assertThat(failing.getElementsByTagName("testcase").getLength()).isEqualTo(1);
        Element failure = (Element) failing.getElementsByTagName("failure").item(0);
        assertThat(failure).as("the failing scenario's <failure>").isNotNull();
        assertThat(failure.getTextContent()).contains("42").contains("no sample");
        Element passing = suite(xml, "cli notebook passes");
        assertThat(passing.getElementsByTagName("testcase").getLength()).isEqualTo(1);
        assertThat(passing.getElementsByTagName("failure").getLength()).isZero();

        RunResults results = ResultsFile.read(out.resolve("results.json"));
        assertThat(results.exitCode().code()).isEqualTo(1);
        SuiteResult cells = results.suites().stream().filter(s -> s.kind() == SuiteResult.Kind.NOTEBOOK)
                .findFirst().orElseThrow(() -> new AssertionError("no notebook suite in " + results.suites()));
        assertThat(cells.cases()).hasSizeGreaterThanOrEqualTo(3).allMatch(c -> c.status() == Status.PASSED);
        assertThat(suites).contains(cells.name());
        assertThat(results.suites()).filteredOn(s -> s.kind() == SuiteResult.Kind.SCENARIO)
                .extracting(s -> s.cases().get(0).status()).containsExactly(Status.PASSED, Status.FAILED);
    }

    private static Element suite(Document xml, String name) {
        NodeList nodes = xml.getElementsByTagName("testsuite");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element suite = (Element) nodes.item(i);
            if (name.equals(suite.getAttribute("name"))) {
                return suite;
            }
        }
        throw new AssertionError("no testsuite " + name);
    }

    @Test
    public void shouldExitZeroWhenEveryScenarioPasses() throws Exception {
        Path out = temp.newFolder("out").toPath();

        CliRun run = CliRun.of("test", scenarios().resolve("pass").toString(), "--output-dir", out.toString());

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(ResultsFile.read(out.resolve("results.json")).exitCode().code()).isZero();
        assertThat(clusterJvms(out)).as("the cluster JVM is stopped").isEmpty();
    }

    @Test
    public void shouldExitTwoOnAnInvalidScenarioWithoutStartingACluster() throws Exception {
        Path out = temp.newFolder("out").toPath();

        CliRun run = CliRun.of("test", scenarios().resolve("invalid").toString(), "--output-dir", out.toString());

        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.err + run.out).contains("broken.yaml:5").contains("value, range or count");
        assertThat(out.resolve("cluster")).doesNotExist();
        assertThat(Files.exists(out.resolve("results.json"))).isFalse();
        assertThat(clusterJvms(out)).as("cluster JVMs launched for " + out).isEmpty();
    }

    /** Processes running the cluster runtime (its launcher main class) from a folder below {@code out}. */
    private static List<Long> clusterJvms(Path out) {
        return ProcessHandle.allProcesses().filter(p -> {
            String command = p.info().commandLine().orElse("");
            return command.contains("ClusterLauncher") && command.contains(out.toString());
        }).map(ProcessHandle::pid).toList();
    }
}
