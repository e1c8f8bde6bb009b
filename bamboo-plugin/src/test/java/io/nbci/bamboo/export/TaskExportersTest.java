package io.nbci.bamboo.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.bamboo.specs.api.builders.AtlassianModule;
import com.atlassian.bamboo.specs.api.builders.task.AnyTask;
import com.atlassian.bamboo.specs.api.builders.task.Task;
import com.atlassian.bamboo.specs.api.model.task.AnyTaskProperties;
import com.atlassian.bamboo.specs.api.model.task.TaskProperties;
import com.atlassian.bamboo.specs.api.util.EntityPropertiesBuilders;
import com.atlassian.bamboo.specs.api.validators.common.ValidationProblem;
import com.atlassian.bamboo.specs.util.BambooSpecSerializer;
import com.atlassian.bamboo.task.TaskDefinitionImpl;
import io.nbci.bamboo.NbciPluginKeys;
import io.nbci.bamboo.config.DeployTaskConfig;
import io.nbci.bamboo.config.NotebooksTaskConfig;
import io.nbci.bamboo.config.StatusTaskConfig;
import io.nbci.bamboo.specs.NbciCommitStatusTask;
import io.nbci.bamboo.specs.NbciHdfsDeployTask;
import io.nbci.bamboo.specs.NbciNotebooksTask;
import io.nbci.common.Secret;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Stored task -> Bamboo Specs -> stored task, with secrets masked on the way out. */
public class TaskExportersTest {
    private static final String TOKEN = "ghp_ExportMeNot0123456789";

    private static TaskProperties properties(Task<?, ?> task) {
        return EntityPropertiesBuilders.build(task);
    }

    @Test
    public void shouldExportANotebooksTaskAsTheNbciSpecsBuilderAndImportItBackUnchanged() {
        Map<String, String> stored = new NotebooksTaskConfig("notebooks/daily.ipynb", List.of("run_date=2026-11-23"),
                "", "python3", "600", "", true).toMap();
        NotebooksTaskExporter exporter = new NotebooksTaskExporter();

        Task<?, ?> specs = exporter.toSpecsEntity(new TaskDefinitionImpl(3, NbciPluginKeys.moduleKey(
                NbciPluginKeys.NOTEBOOKS_TASK), "daily notebooks", stored));
        TaskProperties properties = properties(specs);

        assertThat(specs).isInstanceOf(NbciNotebooksTask.class);
        assertThat(properties.getDescription()).isEqualTo("daily notebooks");
        assertThat(((AnyTaskProperties) properties).getAtlassianPlugin().getCompleteModuleKey())
                .isEqualTo("io.nbci.bamboo:nbci-notebooks");
        assertThat(exporter.validate(null, properties)).isEmpty();
        assertThat(exporter.toTaskConfiguration(null, properties)).isEqualTo(stored);
    }

    @Test
    public void shouldExportATokenValueMaskedEvenInTheSerialisedSpecs() {
        Map<String, String> stored = new StatusTaskConfig("github", "pending", "nbci/notebooks", "", "", "", "", "",
                Secret.of(TOKEN, "test")).toMap();

        Task<?, ?> specs = new StatusTaskExporter().toSpecsEntity(new TaskDefinitionImpl(4,
                NbciPluginKeys.moduleKey(NbciPluginKeys.STATUS_TASK), null, stored));
        AnyTaskProperties properties = (AnyTaskProperties) properties(specs);

        assertThat(specs).isInstanceOf(NbciCommitStatusTask.class);
        assertThat(properties.getConfiguration()).containsEntry(StatusTaskConfig.TOKEN, Secret.MASK);
        assertThat(properties.toString()).doesNotContain(TOKEN);
        assertThat(BambooSpecSerializer.dump(specs)).doesNotContain(TOKEN).contains("nbciToken: '****'");
    }

    @Test
    public void shouldRefuseToImportAMaskedTokenBackAndSayWhatToDo() {
        Map<String, String> stored = new StatusTaskConfig("github", "final", "nbci/notebooks", "", "", "", "", "",
                Secret.of(TOKEN, "test")).toMap();
        StatusTaskExporter exporter = new StatusTaskExporter();
        TaskProperties exported = properties(exporter.toSpecsEntity(new TaskDefinitionImpl(4,
                NbciPluginKeys.moduleKey(NbciPluginKeys.STATUS_TASK), null, stored)));

        List<ValidationProblem> problems = exporter.validate(null, exported);

        assertThat(problems).singleElement().extracting(ValidationProblem::getMessage).asString()
                .contains("nbciToken: the token was masked when these settings were exported");
    }

    @Test
    public void shouldRoundTripATokenVariableReference() {
        TaskProperties properties = properties(NbciCommitStatusTask.outcome().bitbucketServer("https://git.example.com")
                .context("nbci/notebooks").tokenVariable("bitbucket.token.password"));
        StatusTaskExporter exporter = new StatusTaskExporter();

        assertThat(exporter.validate(null, properties)).isEmpty();
        assertThat(exporter.toTaskConfiguration(null, properties))
                .containsEntry(StatusTaskConfig.TOKEN, "${bamboo.bitbucket.token.password}")
                .containsEntry(StatusTaskConfig.MODE, StatusTaskConfig.FINAL)
                .containsEntry(StatusTaskConfig.BASE_URL, "https://git.example.com");
    }

    @Test
    public void shouldReportInvalidSpecsWithTheKeyAndTheModule() {
        TaskProperties properties = properties(new NbciHdfsDeployTask().target("prod").source("job")
                .version("not a version!"));

        List<ValidationProblem> problems = new DeployTaskExporter().validate(null, properties);

        assertThat(problems).singleElement().extracting(ValidationProblem::getMessage).asString()
                .contains("io.nbci.bamboo:nbci-deploy")
                .contains("nbciVersion: expected letters, digits, '.', '_' or '-'");
    }

    @Test
    public void shouldRefuseSpecsOfAnotherModule() {
        TaskProperties properties = properties(new AnyTask(new AtlassianModule("io.nbci.bamboo:nbci-notebooks"))
                .configuration(new DeployTaskConfig("prod", "", "job", "", false).toMap()));

        assertThat(new DeployTaskExporter().validate(null, properties)).singleElement()
                .extracting(ValidationProblem::getMessage).asString()
                .contains("expected module io.nbci.bamboo:nbci-deploy, found io.nbci.bamboo:nbci-notebooks");
    }
}
