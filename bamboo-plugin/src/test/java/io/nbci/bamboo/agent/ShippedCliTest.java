package io.nbci.bamboo.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ShippedCliTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void shouldUnpackOnceAndReuseTheCopy() throws Exception {
        ShippedCli cli = ShippedCli.of("jar one".getBytes(StandardCharsets.UTF_8));
        Path root = folder.getRoot().toPath();

        Path first = cli.unpackInto(root);
        long modified = Files.getLastModifiedTime(first).toMillis();
        Thread.sleep(20);
        Path second = cli.unpackInto(root);

        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(second).toMillis()).isEqualTo(modified);
        assertThat(Files.readString(first)).isEqualTo("jar one");
        assertThat(first.getFileName().toString()).isEqualTo("nbci.jar");
        assertThat(first.getParent().getFileName().toString()).isEqualTo(cli.sha256().substring(0, 32));
    }

    @Test
    public void shouldKeepEveryPluginBuildsCommandLineApart() {
        Path root = folder.getRoot().toPath();

        Path older = ShippedCli.of("jar one".getBytes(StandardCharsets.UTF_8)).unpackInto(root);
        Path newer = ShippedCli.of("jar two".getBytes(StandardCharsets.UTF_8)).unpackInto(root);

        assertThat(newer).isNotEqualTo(older);
        assertThat(older).hasContent("jar one");
        assertThat(newer).hasContent("jar two");
    }

    @Test
    public void shouldReplaceATruncatedCopy() throws Exception {
        ShippedCli cli = ShippedCli.of("the whole jar".getBytes(StandardCharsets.UTF_8));
        Path jar = cli.unpackInto(folder.getRoot().toPath());
        Files.writeString(jar, "the wh");

        assertThat(cli.unpackInto(folder.getRoot().toPath())).hasContent("the whole jar");
    }
}
