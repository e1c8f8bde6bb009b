package io.nbci.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.Test;

public class ConfigNodeTest {

    private static final String TARGETS = String.join("\n",
            "targets:",
            "  prod:",
            "    uri: hdfs://nn:8020",
            "    retention: many",
            "    include: ['*.py', '*.ipynb']",
            "  dev:",
            "    uri: file:///tmp/x",
            "    colour: blue",
            "");

    @Test
    public void shouldNameFileLineAndKeyOfABadValue() {
        ConfigNode root = ConfigNode.parse(TARGETS, "nbci-deploy.yaml");
        ConfigNode prod = root.required("targets").get("prod");

        assertThatThrownBy(() -> prod.get("retention").asInt())
                .isInstanceOf(ConfigException.class)
                .hasMessage("nbci-deploy.yaml:4:16: targets.prod.retention: expected a whole number, found \"many\"");
    }

    @Test
    public void shouldRejectUnknownKeysNamingThemAndTheAllowedOnes() {
        ConfigNode dev = ConfigNode.parse(TARGETS, "t.yaml").get("targets").get("dev");

        assertThatThrownBy(() -> dev.allowOnlyKeys("uri", "basePath"))
                .hasMessage("t.yaml:8:5: targets.dev.colour: unknown key; expected one of basePath, uri");
    }

    @Test
    public void shouldLocateAMissingRequiredKeyAtItsParent() {
        ConfigNode prod = ConfigNode.parse(TARGETS, "t.yaml").get("targets").get("prod");

        assertThatThrownBy(() -> prod.required("basePath"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("t.yaml:3:5: targets.prod.basePath: is required");
    }

    @Test
    public void shouldReadListsDefaultsAndPlainValues() {
        ConfigNode prod = ConfigNode.parse(TARGETS, "t.yaml").get("targets").get("prod");

        assertThat(prod.get("include").asStringList()).containsExactly("*.py", "*.ipynb");
        assertThat(prod.get("replication").asInt(3)).isEqualTo(3);
        assertThat(prod.get("include").items().get(1).path()).isEqualTo("targets.prod.include[1]");
        assertThat(ConfigNode.parse("a: 1\nb: 'x'\nc: [true, 2.5]\n", "p").toPlain())
                .isEqualTo(Map.of("a", 1L, "b", "x", "c", List.of(true, 2.5)));
    }

    @Test
    public void shouldReportDuplicateKeysWithBothLines() {
        assertThatThrownBy(() -> ConfigNode.parse("a: 1\nb: 2\na: 3\n", "dup.yaml"))
                .hasMessage("dup.yaml:3:1: a: duplicate key (first at line 1)");
    }

    @Test
    public void shouldReportYamlSyntaxErrorsWithTheirLine() {
        assertThatThrownBy(() -> ConfigNode.parse("a: [1, 2\nb: 3\n", "broken.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("broken.yaml:")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    public void shouldRefuseAScalarWhereAMappingIsExpected() {
        ConfigNode root = ConfigNode.parse("targets: prod\n", "t.yaml");

        assertThatThrownBy(() -> root.get("targets").fields())
                .hasMessage("t.yaml:1:10: targets: expected a mapping, found \"prod\"");
    }
}
