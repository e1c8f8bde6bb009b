// docs/bamboo.md shows this file from the "package" line on; SpecsDocsTest keeps the two equal.

package io.nbci.bamboo.specs.example;

import com.atlassian.bamboo.specs.api.BambooSpec;
import com.atlassian.bamboo.specs.api.builders.BambooKey;
import com.atlassian.bamboo.specs.api.builders.deployment.Deployment;
import com.atlassian.bamboo.specs.api.builders.deployment.Environment;
import com.atlassian.bamboo.specs.api.builders.deployment.ReleaseNaming;
import com.atlassian.bamboo.specs.api.builders.plan.Job;
import com.atlassian.bamboo.specs.api.builders.plan.Plan;
import com.atlassian.bamboo.specs.api.builders.plan.PlanIdentifier;
import com.atlassian.bamboo.specs.api.builders.plan.Stage;
import com.atlassian.bamboo.specs.api.builders.plan.artifact.Artifact;
import com.atlassian.bamboo.specs.api.builders.project.Project;
import com.atlassian.bamboo.specs.builders.task.ArtifactDownloaderTask;
import com.atlassian.bamboo.specs.builders.task.CleanWorkingDirectoryTask;
import com.atlassian.bamboo.specs.builders.task.DownloadItem;
import com.atlassian.bamboo.specs.builders.task.VcsCheckoutTask;
import com.atlassian.bamboo.specs.util.BambooServer;
import io.nbci.bamboo.specs.NbciCommitStatusTask;
import io.nbci.bamboo.specs.NbciHdfsDeployTask;
import io.nbci.bamboo.specs.NbciNotebooksTask;
import io.nbci.bamboo.specs.NbciScenariosTask;
import java.time.Duration;

/** The image score job's plan and deployment project, as a team declares them in Java Specs. */
@BambooSpec
public class ImageScoreSpecs {

    /** Pull requests and master: notebooks and scenarios, gated by a required build status. */
    public static Plan plan() {
        NbciCommitStatusTask pending = NbciCommitStatusTask.pending()
                .bitbucketServer("https://bitbucket.example.com")
                .context("nbci/imagescore")
                .tokenVariable("bitbucket.token.password");
        NbciCommitStatusTask outcome = NbciCommitStatusTask.outcome()
                .bitbucketServer("https://bitbucket.example.com")
                .context("nbci/imagescore")
                .tokenVariable("bitbucket.token.password");

        Job test = new Job("Notebooks and scenarios", new BambooKey("TEST"))
                .tasks(new VcsCheckoutTask().addCheckoutOfDefaultRepository(),
                        pending,
                        new NbciNotebooksTask()
                                .notebooks("examples/imagescore/imagescore.ipynb")
                                .parameter("run_date", "${bamboo.buildTimeStamp}")
                                .cellTimeout(Duration.ofMinutes(10)),
                        new NbciScenariosTask()
                                .scenarios("examples/imagescore/scenarios"))
                .finalTasks(outcome)
                .artifacts(new Artifact("job")
                                .copyPatterns("examples/imagescore/**", "nbci-deploy.yaml")
                                .shared(true),
                        new Artifact("nbci evidence")
                                .copyPattern("nbci-output/**"));

        return new Plan(new Project().key(new BambooKey("DATA")).name("Data jobs"),
                "Image score", new BambooKey("IMGSC"))
                .description("Notebook runs and local Hive/HDFS scenarios of the image score job")
                .stages(new Stage("Test").jobs(test));
    }

    /** Releases of the plan's "job" artifact, deployed to the production HDFS target. */
    public static Deployment deployment() {
        return new Deployment(new PlanIdentifier("DATA", "IMGSC"), "Image score job")
                .releaseNaming(new ReleaseNaming("release-1").autoIncrement(true))
                .environments(new Environment("Production")
                        .tasks(new CleanWorkingDirectoryTask(),
                                new ArtifactDownloaderTask()
                                        .artifacts(new DownloadItem().allArtifacts(true)),
                                new NbciHdfsDeployTask()
                                        .target("prod")
                                        .source("examples/imagescore")
                                        .version("${bamboo.deploy.release}")));
    }

    public static void main(String... args) {
        BambooServer bamboo = new BambooServer("https://bamboo.example.com");
        bamboo.publish(plan());
        bamboo.publish(deployment());
    }
}
