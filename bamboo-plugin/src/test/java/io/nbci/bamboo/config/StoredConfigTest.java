package io.nbci.bamboo.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.Test;

public class StoredConfigTest {

    @Test
    public void shouldWriteTheKeyVersionFirst() {
        Map<String, String> map = StoredConfig.writer().text("nbciTarget", " prod ").flag("nbciDryRun", true).build();

        assertThat(map).containsExactly(Map.entry(StoredConfig.VERSION_KEY, "1"), Map.entry("nbciTarget", "prod"),
                Map.entry("nbciDryRun", "true"));
    }

    @Test
    public void shouldReadAMapWithoutAVersionAsTheCurrentOne() {
        StoredConfig config = StoredConfig.read(Map.of("nbciTarget", "prod"));

        assertThat(config.text("nbciTarget")).isEqualTo("prod");
    }

    @Test
    public void shouldRefuseAMapWrittenByANewerPluginNamingTheVersionKey() {
        assertThatThrownBy(() -> StoredConfig.read(Map.of(StoredConfig.VERSION_KEY, "2", "nbciTarget", "prod")))
                .isInstanceOf(StoredConfigException.class)
                .hasMessage("nbciConfigVersion: expected version 1 to 1, found 2: this task was saved by a newer "
                        + "nbci plugin; install that plugin version (or newer) on this Bamboo server and agent")
                .extracting(e -> ((StoredConfigException) e).key()).isEqualTo(StoredConfig.VERSION_KEY);
    }

    @Test
    public void shouldRefuseAVersionThatIsNotANumber() {
        assertThatThrownBy(() -> StoredConfig.read(Map.of(StoredConfig.VERSION_KEY, "one")))
                .hasMessage("nbciConfigVersion: expected a whole number, found \"one\"");
    }

    @Test
    public void shouldReadSubmittedFormValuesGivenAsArrays() {
        StoredConfig config = StoredConfig.read(Map.of("nbciNotebooks", new String[] {"a.ipynb"},
                "nbciDryRun", new String[] {"true"}, "empty", new String[0]));

        assertThat(config.text("nbciNotebooks")).isEqualTo("a.ipynb");
        assertThat(config.flag("nbciDryRun")).isTrue();
        assertThat(config.text("empty")).isEmpty();
    }

    @Test
    public void shouldSplitMultiLineValuesDroppingBlankLines() {
        StoredConfig config = StoredConfig.read(Map.of("nbciScenarios", " a.yaml\r\n\n  b/  \n"));

        assertThat(config.lines("nbciScenarios")).containsExactly("a.yaml", "b/");
        assertThat(config.lines("absent")).isEmpty();
        assertThat(config.flag("absent")).isFalse();
    }
}
