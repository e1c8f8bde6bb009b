package io.nbci.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbci.common.ExitCode;
import io.nbci.common.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class KernelSpecsTest {
    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path spec(Path dataDir, String name, String json) throws Exception {
        Path dir = dataDir.resolve("kernels").resolve(name);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("kernel.json"), json);
        return dir;
    }

    @Test
    public void shouldSearchJupyterPathThenTheUserDirThenTheSystemDirs() {
        KernelSpecs specs = KernelSpecs.fromEnvironment(Map.of("JUPYTER_PATH", "/a:/b", "HOME", "/home/u"));
        assertThat(specs.dataDirectories()).containsExactly(Path.of("/a"), Path.of("/b"),
                Path.of("/home/u/.local/share/jupyter"), Path.of("/usr/local/share/jupyter"), Path.of("/usr/share/jupyter"));
        assertThat(KernelSpecs.fromEnvironment(Map.of("JUPYTER_DATA_DIR", "/d")).dataDirectories().get(0))
                .isEqualTo(Path.of("/d"));
    }

    @Test
    public void shouldTakeTheFirstMatchAndHonourArgvEnvAndInterruptMode() throws Exception {
        Path first = temp.newFolder("first").toPath();
        Path second = temp.newFolder("second").toPath();
        Path dir = spec(first, "spark", "{\"argv\": [\"python\", \"-f\", \"{connection_file}\", \"{resource_dir}/x\"],"
                + " \"display_name\": \"Spark\", \"language\": \"python\", \"interrupt_mode\": \"message\","
                + " \"env\": {\"SPARK_HOME\": \"/opt/spark\"}}");
        spec(second, "spark", "{\"argv\": [\"other\"]}");
        KernelSpec spec = new KernelSpecs(List.of(first, second)).find("Spark");
        assertThat(spec.interruptsByMessage()).isTrue();
        assertThat(spec.env()).containsEntry("SPARK_HOME", "/opt/spark");
        assertThat(spec.command(Path.of("/tmp/c.json")))
                .containsExactly("python", "-f", "/tmp/c.json", dir + "/x");
    }

    @Test
    public void shouldNameTheFileOfABrokenSpec() throws Exception {
        Path data = temp.newFolder("data").toPath();
        spec(data, "bad", "{\"argv\": []}");
        assertThatThrownBy(() -> new KernelSpecs(List.of(data)).find("bad"))
                .hasMessageContaining("kernels/bad/kernel.json").hasMessageContaining("argv")
                .satisfies(e -> assertThat(((ExecutionException) e).exitCode()).isEqualTo(ExitCode.INFRASTRUCTURE));
    }

    @Test
    public void shouldWriteTheConnectionFileReadableOnlyByItsOwner() throws Exception {
        ConnectionInfo info = ConnectionInfo.allocate();
        Path file = info.write(temp.getRoot().toPath(), "python3");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String json = Files.readString(file);
        assertThat(json).contains("\"signature_scheme\": \"hmac-sha256\"").contains("\"ip\": \"127.0.0.1\"")
                .contains(info.key().reveal());
        assertThat(info.key().reveal()).hasSize(64);
        assertThat(info.key().toString()).isEqualTo(Secret.MASK);
        assertThat(List.of(info.shellPort(), info.iopubPort(), info.stdinPort(), info.controlPort(), info.hbPort()))
                .doesNotHaveDuplicates();
    }
}
