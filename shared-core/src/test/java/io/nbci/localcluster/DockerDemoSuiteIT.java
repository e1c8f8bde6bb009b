package io.nbci.localcluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbci.results.ResultsFile;
import io.nbci.results.RunResults;
import io.nbci.results.Status;
import io.nbci.results.SuiteResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The README's demo suite (examples/imagescore) passes on {@code --backend docker} as it does on
 * the embedded backend: the same scenarios, the cluster in a container, the command line as a
 * user runs it.
 */
public class DockerDemoSuiteIT {

    @BeforeClass
    public static void needsDocker() {
        DockerTestSupport.assumeDocker();
    }

    @Test
    public void shouldPassTheDemoSuiteOnTheDockerBackend() throws Exception {
        Path repo = Path.of(System.getProperty("nbci.repo.root")).toAbsolutePath();
        Path out = repo.resolve("shared-core/target/docker-demo");
        Files.createDirectories(out);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", repo.resolve("shared-core/target/nbci.jar").toString(), "test", "examples/imagescore/scenarios",
                "--backend", "docker", "--output-dir", out.toString(), "--junit", out.resolve("junit.xml").toString())
                .directory(repo.toFile())
                .redirectErrorStream(true)
                .redirectOutput(out.resolve("nbci-test.log").toFile());
        builder.environment().put("DOCKER_HOST", DockerTestSupport.dockerHost());
        Process process = builder.start();
        boolean finished = process.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String log = Files.readString(out.resolve("nbci-test.log"));

        assertThat(finished).as(log).isTrue();
        assertThat(process.exitValue()).as(log).isZero();
        RunResults results = ResultsFile.read(out.resolve("results.json"));
        List<SuiteResult> scenarios = results.suites().stream()
                .filter(s -> s.kind() == SuiteResult.Kind.SCENARIO).toList();
        assertThat(scenarios).extracting(SuiteResult::name).containsExactlyInAnyOrder("reports a missing score",
                "all scores present", "logs a corrupted record", "empty input");
        assertThat(scenarios).allSatisfy(s -> {
            assertThat(s.count(Status.PASSED)).isEqualTo(1);
            assertThat(s.properties()).containsEntry("backend", "docker");
        });
        assertThat(Files.readString(out.resolve("junit.xml"))).contains("reports a missing score");
    }
}
