package io.nbci.bamboo.configurator;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.bamboo.collections.SimpleActionParametersMap;
import com.atlassian.bamboo.task.TaskDefinitionImpl;
import com.atlassian.bamboo.utils.error.ErrorCollection;
import com.atlassian.bamboo.utils.error.SimpleErrorCollection;
import io.nbci.bamboo.config.DeployTaskConfig;
import io.nbci.bamboo.config.NotebooksTaskConfig;
import io.nbci.bamboo.config.ScenariosTaskConfig;
import io.nbci.bamboo.config.StatusTaskConfig;
import io.nbci.bamboo.config.StoredConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.Test;

/** The edit forms: what they show, what they store, and where their error messages go. */
public class TaskConfiguratorsTest {

    /** A submitted form: Bamboo's own fields next to the task's. */
    private static SimpleActionParametersMap form(String... keysAndValues) {
        Map<String, Object> params = new HashMap<>();
        params.put("userDescription", "run the notebooks");
        params.put("taskDisabled", "false");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            params.put(keysAndValues[i], new String[] {keysAndValues[i + 1]});
        }
        return new SimpleActionParametersMap(params);
    }

    private static Map<String, String> errors(NbciTaskConfigurator<?> configurator, SimpleActionParametersMap form) {
        ErrorCollection errors = new SimpleErrorCollection();
        configurator.validate(form, errors);
        return errors.getErrors();
    }

    @Test
    public void shouldPutAMessageNextToEveryWrongField() {
        Map<String, String> errors = errors(new NotebooksTaskConfigurator(), form(
                NotebooksTaskConfig.NOTEBOOKS, "/abs/nb.ipynb", NotebooksTaskConfig.KERNEL, "python 3",
                NotebooksTaskConfig.CELL_TIMEOUT, "ten", NotebooksTaskConfig.JOBS, "0"));

        assertThat(errors).containsOnlyKeys(NotebooksTaskConfig.NOTEBOOKS, NotebooksTaskConfig.KERNEL,
                NotebooksTaskConfig.CELL_TIMEOUT, NotebooksTaskConfig.JOBS);
        assertThat(errors.get(NotebooksTaskConfig.NOTEBOOKS))
                .isEqualTo("expected a path relative to the workspace, found the absolute path \"/abs/nb.ipynb\"");
        assertThat(errors.get(NotebooksTaskConfig.CELL_TIMEOUT))
                .isEqualTo("expected a whole number of seconds between 1 and 604800, found \"ten\"");
    }

    @Test
    public void shouldCheckEveryScenarioLine() {
        assertThat(errors(new ScenariosTaskConfigurator(), form(ScenariosTaskConfig.SCENARIOS,
                "scenarios/*.yaml\n/etc/x.yaml")))
                .containsExactly(Map.entry(ScenariosTaskConfig.SCENARIOS,
                        "expected a path relative to the workspace, found the absolute path \"/etc/x.yaml\""));
    }

    @Test
    public void shouldRequireTheNotebooksField() {
        assertThat(errors(new NotebooksTaskConfigurator(), form()))
                .containsEntry(NotebooksTaskConfig.NOTEBOOKS,
                        "required: enter a notebook, a folder or a glob such as notebooks/**/*.ipynb");
    }

    @Test
    public void shouldReportRulesSpanningFieldsOnTheFieldTheyConcern() {
        assertThat(errors(new NotebooksTaskConfigurator(), form(NotebooksTaskConfig.NOTEBOOKS, "a.ipynb",
                NotebooksTaskConfig.PARAMETERS, "run_date 2026")))
                .containsExactly(Map.entry(NotebooksTaskConfig.PARAMETERS,
                        "line 1: expected name=value, found \"run_date 2026\""));
        assertThat(errors(new NotebooksTaskConfigurator(), form(NotebooksTaskConfig.NOTEBOOKS, "notebooks/*.ipynb",
                NotebooksTaskConfig.PARAMETERS, "run_date=2026-11-23")))
                .containsExactly(Map.entry(NotebooksTaskConfig.PARAMETERS, "nbci run-all (a folder or glob) takes "
                        + "no parameters; give one notebook (.ipynb or .py) to pass parameters"));
        assertThat(errors(new NotebooksTaskConfigurator(), form(NotebooksTaskConfig.NOTEBOOKS, "notebooks/*.ipynb",
                NotebooksTaskConfig.LOG_OUTPUT, "true"))).containsOnlyKeys(NotebooksTaskConfig.LOG_OUTPUT);
        assertThat(errors(new ScenariosTaskConfigurator(), form(ScenariosTaskConfig.BACKEND, "external",
                ScenariosTaskConfig.HIVE_JDBC_URL, "jdbc:hive2://hive:10000/default")))
                .containsExactly(Map.entry(ScenariosTaskConfig.HDFS_URI,
                        "required: enter the filesystem URI of the existing cluster"));
    }

    @Test
    public void shouldAcceptAValidFormWithoutErrors() {
        assertThat(errors(new NotebooksTaskConfigurator(), form(NotebooksTaskConfig.NOTEBOOKS, "notebooks/daily.ipynb",
                NotebooksTaskConfig.PARAMETERS, "run_date=2026-11-23", NotebooksTaskConfig.CELL_TIMEOUT, "600")))
                .isEmpty();
        assertThat(errors(new NotebooksTaskConfigurator(), form(NotebooksTaskConfig.NOTEBOOKS, "notebooks/**/*.ipynb",
                NotebooksTaskConfig.JOBS, "2"))).isEmpty();
        assertThat(errors(new DeployTaskConfigurator(), form(DeployTaskConfig.TARGET, "prod",
                DeployTaskConfig.SOURCE, "job"))).isEmpty();
        assertThat(errors(new StatusTaskConfigurator(), form(StatusTaskConfig.PROVIDER, "github",
                StatusTaskConfig.CONTEXT, "nbci/notebooks", StatusTaskConfig.TOKEN,
                "${bamboo.github.token.password}"))).isEmpty();
    }

    @Test
    public void shouldValidateTheDeployAndStatusFormsFieldByField() {
        assertThat(errors(new DeployTaskConfigurator(), form(DeployTaskConfig.TARGET, "prod env",
                DeployTaskConfig.SOURCE, "../up", DeployTaskConfig.TARGETS_FILE, "/etc/nbci.yaml")))
                .containsOnlyKeys(DeployTaskConfig.TARGET, DeployTaskConfig.SOURCE, DeployTaskConfig.TARGETS_FILE);
        assertThat(errors(new StatusTaskConfigurator(), form(StatusTaskConfig.PROVIDER, "svn",
                StatusTaskConfig.CONTEXT, "", StatusTaskConfig.BASE_URL, "ftp://host",
                StatusTaskConfig.REPOSITORY, "just-a-name")))
                .containsOnlyKeys(StatusTaskConfig.PROVIDER, StatusTaskConfig.CONTEXT, StatusTaskConfig.TOKEN,
                        StatusTaskConfig.BASE_URL, StatusTaskConfig.REPOSITORY);
    }

    @Test
    public void shouldStoreOnlyTheTasksKeysWithTheKeyVersion() {
        Map<String, String> stored = new NotebooksTaskConfigurator().generateTaskConfigMap(form(
                NotebooksTaskConfig.NOTEBOOKS, "nb.ipynb", NotebooksTaskConfig.LOG_OUTPUT, "true"), null);

        assertThat(stored).containsEntry(StoredConfig.VERSION_KEY, "1")
                .containsEntry(NotebooksTaskConfig.NOTEBOOKS, "nb.ipynb")
                .containsEntry(NotebooksTaskConfig.LOG_OUTPUT, "true")
                .containsEntry(NotebooksTaskConfig.JOBS, "")
                .doesNotContainKeys("userDescription", "taskDisabled");
    }

    @Test
    public void shouldShowDefaultsAndChoicesOnANewForm() {
        Map<String, Object> context = new HashMap<>();
        new StatusTaskConfigurator().populateContextForCreate(context);

        assertThat(context).containsEntry(StatusTaskConfig.PROVIDER, "github")
                .containsEntry(StatusTaskConfig.MODE, StatusTaskConfig.PENDING)
                .containsKeys("nbciProviders", "nbciModes");
        assertThat(((Map<?, ?>) context.get("nbciProviders")).keySet().toString()).isEqualTo("[github, "
                + "bitbucket-server, bitbucket-cloud, gitlab]");
    }

    @Test
    public void shouldShowTheStoredSettingsWhenEditing() {
        Map<String, Object> context = new HashMap<>();
        new ScenariosTaskConfigurator().populateContextForEdit(context, new TaskDefinitionImpl(1,
                "io.nbci.bamboo:nbci-scenarios", "scenarios", Map.of(ScenariosTaskConfig.SCENARIOS, "a.yaml\nb.yaml")));

        assertThat(context).containsEntry(ScenariosTaskConfig.SCENARIOS, "a.yaml\nb.yaml")
                .containsEntry(ScenariosTaskConfig.BACKEND, "embedded")
                .containsKey("nbciBackends");
    }
}
