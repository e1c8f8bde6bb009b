package io.nbci.bamboo.specs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.bamboo.specs.api.builders.BambooKey;
import com.atlassian.bamboo.specs.api.builders.plan.Job;
import com.atlassian.bamboo.specs.api.builders.plan.Plan;
import com.atlassian.bamboo.specs.api.builders.plan.Stage;
import com.atlassian.bamboo.specs.api.builders.project.Project;
import com.atlassian.bamboo.specs.api.exceptions.PropertiesValidationException;
import com.atlassian.bamboo.specs.api.model.plan.PlanProperties;
import com.atlassian.bamboo.specs.api.util.EntityPropertiesBuilders;
import com.atlassian.bamboo.specs.util.BambooSpecSerializer;
import io.nbci.bamboo.config.NotebooksTaskConfig;
import io.nbci.bamboo.config.StatusTaskConfig;
import io.nbci.bamboo.export.NotebooksTaskExporter;
import io.nbci.bamboo.specs.example.ImageScoreSpecs;
import org.junit.Test;

/** Plans declared with the nbci Specs builders, validated and serialised offline with real bamboo-specs. */
public class SpecsPlanTest {

    @Test
    public void shouldBuildAndValidateThePlanOfTheDocsExample() {
        PlanProperties plan = EntityPropertiesBuilders.build(ImageScoreSpecs.plan());

        assertThat(plan.getKey().getKey()).isEqualTo("IMGSC");
        assertThat(plan.getStages()).singleElement().satisfies(stage -> assertThat(stage.getJobs()).singleElement()
                .satisfies(job -> {
                    assertThat(job.getTasks()).hasSize(4);
                    assertThat(job.getFinalTasks()).hasSize(1);
                }));
    }

    @Test
    public void shouldSerialiseThePlanWithTheNbciModulesAndTheirStoredKeys() {
        String yaml = BambooSpecSerializer.dump(ImageScoreSpecs.plan());

        assertThat(yaml).contains("completeModuleKey: io.nbci.bamboo:nbci-notebooks",
                "completeModuleKey: io.nbci.bamboo:nbci-scenarios",
                "completeModuleKey: io.nbci.bamboo:nbci-status",
                "nbciNotebooks: examples/imagescore/imagescore.ipynb",
                "nbciParameters: run_date=${bamboo.buildTimeStamp}",
                "nbciCellTimeout: '600'",
                "nbciMode: final",
                "nbciToken: ${bamboo.bitbucket.token.password}",
                "nbciConfigVersion: '1'");
    }

    @Test
    public void shouldSerialiseTheDeploymentProjectWithTheHdfsDeployTask() {
        String yaml = BambooSpecSerializer.dump(ImageScoreSpecs.deployment());

        assertThat(yaml).contains("completeModuleKey: io.nbci.bamboo:nbci-deploy", "nbciTarget: prod",
                "nbciSource: examples/imagescore", "nbciVersion: ${bamboo.deploy.release}");
    }

    @Test
    public void shouldStoreWhatTheExporterReadsBack() {
        NbciNotebooksTask task = new NbciNotebooksTask().notebooks("nb/*.ipynb").kernel("python3").jobs(2);

        assertThat(new NotebooksTaskExporter().toTaskConfiguration(null, EntityPropertiesBuilders.build(task)))
                .isEqualTo(task.config().toMap());
        assertThat(NotebooksTaskConfig.read(task.config().toMap())).isEqualTo(task.config());
    }

    @Test
    public void shouldNameTheMissingSetterWhenATaskIsIncomplete() {
        assertThatThrownBy(() -> EntityPropertiesBuilders.build(new NbciHdfsDeployTask().source("job")))
                .isInstanceOf(PropertiesValidationException.class)
                .hasMessageContaining("NbciHdfsDeployTask: target(..) is required");
        assertThatThrownBy(() -> EntityPropertiesBuilders.build(NbciCommitStatusTask.pending().github()))
                .hasMessageContaining("NbciCommitStatusTask: context(..) is required");
        assertThatThrownBy(() -> EntityPropertiesBuilders.build(new NbciNotebooksTask()))
                .hasMessageContaining("NbciNotebooksTask: notebooks(..) is required");
    }

    @Test
    public void shouldRejectAPlanWithAnInvalidJobKeyOffline() {
        assertThatThrownBy(() -> BambooSpecSerializer.dump(new Plan(new Project().key(new BambooKey("DATA"))
                .name("Data jobs"), "Bad", new BambooKey("BAD")).stages(new Stage("Test").jobs(new Job("J", "not a key!")
                        .tasks(new NbciNotebooksTask().notebooks("a.ipynb"))))))
                .isInstanceOf(PropertiesValidationException.class)
                .hasMessageContaining("not a key!");
        Plan valid = new Plan(new Project().key(new BambooKey("DATA")).name("Data jobs"), "Good", new BambooKey("GOOD"))
                .stages(new Stage("Test").jobs(new Job("J", "JOB").tasks(new NbciNotebooksTask().notebooks("a.ipynb"))));
        assertThat(BambooSpecSerializer.dump(valid)).contains("nbciNotebooks: a.ipynb");
    }

    @Test
    public void shouldNeverPutATokenIntoSpecsWrittenWithTheBuilder() {
        NbciCommitStatusTask task = NbciCommitStatusTask.pending().gitlab().context("nbci")
                .tokenVariable("gitlab.token.password");

        assertThat(task.config().toMaskedMap()).containsEntry(StatusTaskConfig.TOKEN, "${bamboo.gitlab.token.password}");
    }
}
