package io.nbci.bamboo.config;

import io.nbci.launch.DeployConfig;
import java.util.List;
import java.util.Map;

/**
 * The "Deploy to HDFS" task's settings, typed, over its stored string map. Targets are named
 * in a targets file release managers own ({@code nbci-deploy.yaml}); the task only names one.
 *
 * @param target      the target's name in the targets file
 * @param targetsFile the targets file, relative to the working directory; blank for {@code nbci-deploy.yaml}
 * @param source      the folder to deploy, relative to the working directory
 * @param version     the release id; blank for the commit (in deployment projects, e.g. {@code ${bamboo.deploy.release}})
 * @param dryRun      print what would change and touch nothing
 */
public record DeployTaskConfig(String target, String targetsFile, String source, String version, boolean dryRun) {

    public static final String TARGET = "nbciTarget";
    public static final String TARGETS_FILE = "nbciTargetsFile";
    public static final String SOURCE = "nbciSource";
    public static final String VERSION = "nbciVersion";
    public static final String DRY_RUN = "nbciDryRun";

    public static final List<String> KEYS = List.of(TARGET, TARGETS_FILE, SOURCE, VERSION, DRY_RUN);

    static final Map<String, String> FIELDS = Map.of("target", TARGET, "targetsFile", TARGETS_FILE,
            "source", SOURCE, "version", VERSION);

    public DeployTaskConfig {
        target = NotebooksTaskConfig.nonNull(target);
        targetsFile = NotebooksTaskConfig.nonNull(targetsFile);
        source = NotebooksTaskConfig.nonNull(source);
        version = NotebooksTaskConfig.nonNull(version);
    }

    public static DeployTaskConfig defaults() {
        return new DeployTaskConfig("", "", "", "", false);
    }

    public static DeployTaskConfig read(Map<String, ?> stored) {
        StoredConfig config = StoredConfig.read(stored);
        return new DeployTaskConfig(config.text(TARGET), config.text(TARGETS_FILE), config.text(SOURCE),
                config.text(VERSION), config.flag(DRY_RUN));
    }

    public Map<String, String> toMap() {
        return StoredConfig.writer()
                .text(TARGET, target)
                .text(TARGETS_FILE, targetsFile)
                .text(SOURCE, source)
                .text(VERSION, version)
                .flag(DRY_RUN, dryRun)
                .build();
    }

    /**
     * The core config the task runs. Targets come from the targets file in the working
     * directory (checked out, or downloaded as an artifact in a deployment project).
     */
    public DeployConfig toLaunch() {
        return StoredConfigException.translating(FIELDS, () -> DeployConfig.builder()
                .target(target)
                .targetsFile(targetsFile)
                .source(source)
                .version(version)
                .dryRun(dryRun)
                .build());
    }
}
