package io.nbci.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The project file {@code nbci.yaml} at the repository root: one top-level section per
 * capability (pairing now; execution defaults, scenarios and status settings as they
 * arrive). This class only finds the file, rejects unknown sections with file:line, and
 * hands each capability its own section as a located {@link ConfigNode}; the capability
 * parses it (e.g. {@code io.nbci.notebook.Pairing.fromConfig(config.root(), config.section("pairs"))}).
 *
 * <pre>{@code
 * ProjectConfig config = ProjectConfig.discover(Path.of("."));   // walks up to nbci.yaml or .git
 * ConfigNode pairs = config.section("pairs");                   // MISSING node when absent
 * }</pre>
 *
 * <p>To add a section: add its key to {@link #SECTIONS} (one line) and parse it in your
 * capability's package.
 */
public final class ProjectConfig {
    /** The project file's name. */
    public static final String FILE_NAME = "nbci.yaml";

    /** The known top-level sections, one line each. */
    public static final List<String> SECTIONS = List.of(
            "pairs"
    );

    private final Path root;
    private final Path file;
    private final ConfigNode document;

    private ProjectConfig(Path root, Path file, ConfigNode document) {
        this.root = root;
        this.file = file;
        this.document = document;
    }

    /**
     * Loads {@code root/nbci.yaml}, or an empty configuration when there is none. Unknown
     * top-level keys are a {@link ConfigException} naming file, line and key.
     */
    public static ProjectConfig load(Path root) {
        Path file = root.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return new ProjectConfig(root, null, ConfigNode.parse("", FILE_NAME));
        }
        ConfigNode document = ConfigNode.parse(file);
        if (document.kind() != ConfigNode.Kind.NULL) {
            if (!document.isMap()) {
                throw document.error("expected a mapping of sections (" + String.join(", ", SECTIONS) + ")");
            }
            document.allowOnlyKeys(SECTIONS.toArray(new String[0]));
        }
        return new ProjectConfig(root, file, document);
    }

    /**
     * Finds the project root from a starting folder: the nearest folder upwards holding
     * {@code nbci.yaml}, else the nearest holding {@code .git}, else {@code start} itself.
     */
    public static ProjectConfig discover(Path start) {
        Path absolute = start.toAbsolutePath().normalize();
        Path gitRoot = null;
        for (Path dir = absolute; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(FILE_NAME))) {
                return load(dir);
            }
            if (gitRoot == null && Files.exists(dir.resolve(".git"))) {
                gitRoot = dir;
            }
        }
        return load(gitRoot != null ? gitRoot : absolute);
    }

    /** The repository root the configuration applies to (paths in it are relative to this). */
    public Path root() {
        return root;
    }

    /** The nbci.yaml file, when there is one. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** A section by its key: a located node, MISSING (see {@link ConfigNode#isAbsent()}) when not written. */
    public ConfigNode section(String name) {
        if (!SECTIONS.contains(name)) {
            throw new IllegalArgumentException("not a registered nbci.yaml section: " + name + "; add it to SECTIONS");
        }
        if (document.kind() == ConfigNode.Kind.NULL) {
            return ConfigNode.parse("{}", file == null ? FILE_NAME : file.toString()).get(name);
        }
        return document.get(name);
    }
}
