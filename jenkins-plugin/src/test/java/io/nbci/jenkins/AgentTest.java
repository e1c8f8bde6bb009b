package io.nbci.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class AgentTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void shouldPickJavaFromConfigurationThenJavaHomeThenPath() {
        assertThat(AgentJava.command(" /opt/jdk17/bin/java ", "/usr/lib/jvm/x", true)).isEqualTo("/opt/jdk17/bin/java");
        assertThat(AgentJava.command(null, "/usr/lib/jvm/java-17/", true)).isEqualTo("/usr/lib/jvm/java-17/bin/java");
        assertThat(AgentJava.command("", "C:\\jdk17", false)).isEqualTo("C:\\jdk17\\bin\\java.exe");
        assertThat(AgentJava.command(null, " ", true)).isEqualTo("java");
        assertThat(AgentJava.command(null, null, false)).isEqualTo("java.exe");
    }

    @Test
    public void shouldNameTheAgentCopyByContent() throws Exception {
        File one = folder.newFile("a.jar");
        File same = folder.newFile("b.jar");
        File other = folder.newFile("c.jar");
        Files.writeString(one.toPath(), "jar bytes");
        Files.writeString(same.toPath(), "jar bytes");
        Files.writeString(other.toPath(), "other bytes");

        assertThat(AgentJar.nameFor(one)).matches("nbci-[0-9a-f]{16}\\.jar").isEqualTo(AgentJar.nameFor(same))
                .isNotEqualTo(AgentJar.nameFor(other));
    }
}
