package io.nbci.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbci.config.ConfigException;
import io.nbci.config.ConfigNode;
import io.nbci.config.ProjectConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class PairingTest {
    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Pairing rules(Path root, String yaml) {
        return Pairing.fromConfig(root, ConfigNode.parse(yaml, "nbci.yaml").get("pairs"));
    }

    @Test
    public void shouldMapWildcardsFromOneSideToTheOther() {
        Path root = temp.getRoot().toPath();
        Pairing pairing = rules(root, "pairs:\n  - notebooks/**/*.ipynb <-> jobs/**/*.py\n  - lab/?/*.ipynb <-> x/?/*.py\n");
        assertThat(pairing.twinOf(root.resolve("notebooks/a/b/score.ipynb"))).contains(root.resolve("jobs/a/b/score.py"));
        assertThat(pairing.twinOf(root.resolve("notebooks/top.ipynb"))).contains(root.resolve("jobs/top.py"));
        assertThat(pairing.twinOf(root.resolve("jobs/a/score.py"))).contains(root.resolve("notebooks/a/score.ipynb"));
        assertThat(pairing.twinOf(root.resolve("lab/1/n.ipynb"))).contains(root.resolve("x/1/n.py"));
        assertThat(pairing.twinOf(root.resolve("elsewhere/n.ipynb"))).contains(root.resolve("elsewhere/n.py"));
        assertThat(pairing.twinOf(root.resolve("README.md"))).isEmpty();
    }

    @Test
    public void shouldRejectRulesThatCannotPairNamingTheLine() {
        Path root = temp.getRoot().toPath();
        assertThatThrownBy(() -> rules(root, "pairs:\n  - a/*.ipynb -> b/*.py\n"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("nbci.yaml:2:").hasMessageContaining("<->");
        assertThatThrownBy(() -> rules(root, "pairs:\n  - a/*.ipynb <-> b/*.txt\n"))
                .hasMessageContaining("one side must end in .ipynb and the other in .py");
        assertThatThrownBy(() -> rules(root, "pairs:\n  - {notebook: a}\n"))
                .hasMessageStartingWith("nbci.yaml:2:").hasMessageContaining("expected \"<notebook glob> <-> <script glob>\"");
    }

    @Test
    public void shouldFindPairsAndIgnorePlainPythonModules() throws Exception {
        Path root = temp.getRoot().toPath();
        Files.createDirectories(root.resolve("a/.ipynb_checkpoints"));
        Files.writeString(root.resolve("a/n.ipynb"), "{}");
        Files.writeString(root.resolve("a/n.py"), "# %%\n");
        Files.writeString(root.resolve("a/lonely.ipynb"), "{}");
        Files.writeString(root.resolve("a/helper.py"), "def helper():\n    return 1\n");
        Files.writeString(root.resolve("a/draft.py"), "# %%\nx = 1\n");
        Files.writeString(root.resolve("a/.ipynb_checkpoints/n-checkpoint.ipynb"), "{}");
        Pairing.Scan scan = Pairing.sameFolder(root).scan(java.util.List.of(root));
        assertThat(scan.pairs()).containsExactly(new Pairing.Pair(root.resolve("a/n.ipynb"), root.resolve("a/n.py")));
        assertThat(scan.unpairedNotebooks()).containsExactly(root.resolve("a/lonely.ipynb"));
        assertThat(scan.unpairedScripts()).containsExactly(root.resolve("a/draft.py"));
    }

    @Test
    public void shouldLoadTheProjectFileAndRejectUnknownSections() throws Exception {
        Path root = temp.getRoot().toPath();
        Files.createDirectories(root.resolve("sub/deeper"));
        assertThat(ProjectConfig.discover(root.resolve("sub/deeper")).section("pairs").isAbsent()).isTrue();
        Files.writeString(root.resolve("nbci.yaml"), "pairs:\n  - a/*.ipynb <-> b/*.py\n");
        ProjectConfig config = ProjectConfig.discover(root.resolve("sub/deeper"));
        assertThat(config.root()).isEqualTo(root.toAbsolutePath().normalize());
        assertThat(config.section("pairs").items()).hasSize(1);
        Files.writeString(root.resolve("nbci.yaml"), "pairs: []\nexecution_defaults: {}\n");
        assertThatThrownBy(() -> ProjectConfig.load(root)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("nbci.yaml:2:").hasMessageContaining("execution_defaults: unknown key");
        Files.writeString(root.resolve("nbci.yaml"), "pairs: []\n");
        assertThatThrownBy(() -> ProjectConfig.load(root).section("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    public void shouldLeaveIgnoredFilesUnpaired() throws Exception {
        Path root = temp.getRoot().toPath();
        Files.createDirectories(root.resolve("fixtures/deep"));
        Files.createDirectories(root.resolve("nb"));
        Files.writeString(root.resolve("fixtures/deep/sample.ipynb"), "{}");
        Files.writeString(root.resolve("nb/real.ipynb"), "{}");
        Files.writeString(root.resolve("jobs.py"), "# %%\n");
        Pairing pairing = rules(root, "pairs:\n  rules:\n    - nb/*.ipynb <-> *.py\n  ignore:\n    - fixtures/**\n");
        assertThat(pairing.twinOf(root.resolve("nb/jobs.ipynb"))).contains(root.resolve("jobs.py"));
        Pairing.Scan scan = pairing.scan(java.util.List.of(root));
        assertThat(scan.unpairedNotebooks()).containsExactly(root.resolve("nb/real.ipynb"));
        assertThat(scan.unpairedScripts()).containsExactly(root.resolve("jobs.py"));
        assertThatThrownBy(() -> rules(root, "pairs:\n  rule: []\n")).hasMessageContaining("nbci.yaml:2:")
                .hasMessageContaining("pairs.rule: unknown key; expected one of ignore, rules");
        assertThatThrownBy(() -> rules(root, "pairs: notebooks\n")).hasMessageContaining("expected a list of");
    }
}
