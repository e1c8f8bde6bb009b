package io.nbci.bamboo.specs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

/** docs/bamboo.md shows the Specs example the tests compile; this keeps the copy exact. */
public class SpecsDocsTest {
    private static final Path ROOT = Path.of(System.getProperty("nbci.repo.root", "..")).toAbsolutePath();

    @Test
    public void shouldShowTheCompiledSpecsExampleVerbatim() throws IOException {
        String docs = Files.readString(ROOT.resolve("docs/bamboo.md"), StandardCharsets.UTF_8);
        String source = Files.readString(ROOT.resolve(
                "bamboo-plugin/src/test/java/io/nbci/bamboo/specs/example/ImageScoreSpecs.java"), StandardCharsets.UTF_8);
        String shown = source.substring(source.indexOf("package "));

        assertThat(docs).contains("```java\n" + shown + "```\n");
    }

    @Test
    public void shouldNameEveryStoredKeyTheFormsUse() throws IOException {
        String docs = Files.readString(ROOT.resolve("docs/bamboo.md"), StandardCharsets.UTF_8);

        for (String key : io.nbci.bamboo.config.NotebooksTaskConfig.KEYS) {
            assertThat(docs).contains("`" + key + "`");
        }
        for (String key : io.nbci.bamboo.config.DeployTaskConfig.KEYS) {
            assertThat(docs).contains("`" + key + "`");
        }
    }
}
