package io.nbci.bamboo.specs;

import com.atlassian.bamboo.specs.api.builders.task.Task;
import com.atlassian.bamboo.specs.api.model.task.AnyTaskProperties;
import io.nbci.bamboo.NbciPluginKeys;
import io.nbci.bamboo.config.DeployTaskConfig;

/**
 * Bamboo Specs for the "Deploy to HDFS" task, usable in build plans and in deployment
 * environments: uploads a folder as a new release of a named target and switches the live
 * release atomically.
 *
 * <pre>{@code
 * new Environment("Production").tasks(
 *         new ArtifactDownloaderTask().allArtifacts(true),
 *         new NbciHdfsDeployTask().target("prod").source("job").version("${bamboo.deploy.release}"));
 * }</pre>
 */
public class NbciHdfsDeployTask extends Task<NbciHdfsDeployTask, AnyTaskProperties> {
    private String target = "";
    private String targetsFile = "";
    private String source = "";
    private String version = "";
    private boolean dryRun;

    /** The target's name in the targets file. */
    public NbciHdfsDeployTask target(String name) {
        target = name;
        return this;
    }

    /** The targets file, relative to the working directory (default {@code nbci-deploy.yaml}). */
    public NbciHdfsDeployTask targetsFile(String path) {
        targetsFile = path;
        return this;
    }

    /** The folder to deploy, relative to the working directory. */
    public NbciHdfsDeployTask source(String folder) {
        source = folder;
        return this;
    }

    /** The release id (default: the commit). */
    public NbciHdfsDeployTask version(String releaseId) {
        version = releaseId;
        return this;
    }

    /** Prints what would change and touches nothing. */
    public NbciHdfsDeployTask dryRun(boolean onlyPrint) {
        dryRun = onlyPrint;
        return this;
    }

    public DeployTaskConfig config() {
        return new DeployTaskConfig(target, targetsFile, source, version, dryRun);
    }

    public static NbciHdfsDeployTask of(DeployTaskConfig config) {
        return new NbciHdfsDeployTask().target(config.target()).targetsFile(config.targetsFile())
                .source(config.source()).version(config.version()).dryRun(config.dryRun());
    }

    @Override
    protected AnyTaskProperties build() {
        SpecsTasks.require(!target.isBlank(), "NbciHdfsDeployTask", "target", "name the deploy target, e.g. prod");
        SpecsTasks.require(!source.isBlank(), "NbciHdfsDeployTask", "source", "name the folder to deploy, e.g. job");
        return SpecsTasks.properties(NbciPluginKeys.DEPLOY_TASK, description, taskEnabled, config().toMap(),
                requirements, conditions);
    }
}
