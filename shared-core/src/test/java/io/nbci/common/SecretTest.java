package io.nbci.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class SecretTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void shouldMaskInToStringAndStringConcatenation() {
        Secret secret = Secret.of("ghp_abc123", "test");

        assertThat(secret.toString()).isEqualTo("****");
        assertThat("token=" + secret).doesNotContain("ghp_abc123");
        assertThat(secret.reveal()).isEqualTo("ghp_abc123");
    }

    @Test
    public void shouldReadFromEnvironmentAndNameAMissingVariableButNotAValue() {
        Secret secret = Secret.fromEnvironment(Map.of("TOKEN", "s3cr3t\n"), "TOKEN");

        assertThat(secret.reveal()).isEqualTo("s3cr3t");
        assertThat(secret.origin()).isEqualTo("environment variable TOKEN");
        assertThatThrownBy(() -> Secret.fromEnvironment(Map.of(), "GITLAB_TOKEN"))
                .isInstanceOf(NbciException.class)
                .hasMessageContaining("GITLAB_TOKEN");
    }

    @Test
    public void shouldReadFromAFileWithoutItsTrailingNewline() throws Exception {
        Path file = temp.newFile("token").toPath();
        Files.writeString(file, "abc\n");

        assertThat(Secret.fromFile(file).reveal()).isEqualTo("abc");
        assertThatThrownBy(() -> Secret.fromFile(temp.getRoot().toPath().resolve("nope")))
                .hasMessageContaining("nope");
    }

    @Test
    public void shouldMaskEverySecretInEveryLineThroughTheMaskingSink() {
        RecordingLog collecting = new RecordingLog();
        LogSink sink = new MaskingLogSink(collecting, List.of(Secret.of("aaa", "a"), Secret.of("bbb", "b")));

        sink.info("curl -H 'Authorization: aaa'");
        sink.error("failed with bbb and aaa");

        assertThat(collecting.messages()).containsExactly("curl -H 'Authorization: ****'", "failed with **** and ****");
    }
}
