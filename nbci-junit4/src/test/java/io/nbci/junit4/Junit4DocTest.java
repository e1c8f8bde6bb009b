package io.nbci.junit4;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

/** docs/junit4.md shows the example test as it is compiled and run here, not a copy that drifts. */
public class Junit4DocTest {

    private static final Path ROOT = Path.of(System.getProperty("nbci.repo.root", ".."));

    @Test
    public void shouldIncludeTheExampleTestVerbatim() throws Exception {
        String doc = Files.readString(ROOT.resolve("docs/junit4.md"));
        String example = Files.readString(ROOT.resolve(
                "nbci-junit4/src/test/java/io/nbci/junit4/ImagescoreScenarioIT.java"));

        assertThat(doc).contains("```java\n" + example + "```\n");
    }

    @Test
    public void shouldShowTheDependencyOfThisModule() throws Exception {
        String doc = Files.readString(ROOT.resolve("docs/junit4.md"));
        String pom = Files.readString(ROOT.resolve("nbci-junit4/pom.xml"));

        assertThat(pom).contains("<artifactId>nbci-junit4</artifactId>");
        assertThat(doc).contains("<groupId>io.nbci</groupId>\n  <artifactId>nbci-junit4</artifactId>");
    }
}
