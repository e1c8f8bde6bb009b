package io.nbci.bamboo.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbci.bamboo.testing.FakeNbci;
import io.nbci.common.RecordingLog;
import io.nbci.common.Secret;
import io.nbci.launch.GeneratedFile;
import io.nbci.launch.NbciInvocation;
import io.nbci.launch.OutcomePolicy;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class NbciLauncherTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void shouldRunNbciOnTheJavaNamedByNbciJavaHome() {
        String java = NbciLauncher.javaExecutable(Map.of("NBCI_JAVA_HOME", "/opt/jdk-21"), "/agent/jre");

        assertThat(java).isEqualTo(Path.of("/opt/jdk-21", "bin", "java").toString());
        assertThat(NbciLauncher.javaExecutable(Map.of(), "/agent/jre"))
                .isEqualTo(Path.of("/agent/jre", "bin", "java").toString());
    }

    @Test
    public void shouldWriteTheInvocationsFilesFirstAndMaskItsSecrets() throws Exception {
        Path jar = FakeNbci.jar(folder.newFolder("cli").toPath());
        File workspace = folder.newFolder("ws");
        NbciLauncher launcher = new NbciLauncher(() -> jar,
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        NbciInvocation invocation = new NbciInvocation("status", List.of("status", "--state", "pending"),
                Map.of("PLAIN", "1"), Map.of("NBCI_STATUS_TOKEN", Secret.of("tok-123456", "test")),
                List.of(new GeneratedFile("nbci-output/targets.yaml", "targets: {}\n")), List.of(), OutcomePolicy.FAIL);
        RecordingLog log = new RecordingLog();

        int code = launcher.run(invocation, workspace, Map.of("bamboo_fakeExit", "3"), log, List.of());

        assertThat(code).isEqualTo(3);
        assertThat(workspace.toPath().resolve("nbci-output/targets.yaml")).hasContent("targets: {}");
        assertThat(log.messages()).contains("Running nbci status --state pending", "fake nbci status --state pending",
                "token is ****");
        assertThat(String.join("\n", log.messages())).doesNotContain("tok-123456");
    }

}
