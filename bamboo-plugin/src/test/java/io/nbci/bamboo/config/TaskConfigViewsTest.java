package io.nbci.bamboo.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbci.launch.NbciInvocation;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The typed views over the stored maps, and their translation into the core's launch configs. */
public class TaskConfigViewsTest {

    @Test
    public void shouldRoundTripEveryTasksSettingsThroughTheStoredMap() {
        NotebooksTaskConfig notebooks = new NotebooksTaskConfig("nb/*.ipynb", List.of("a=1", "b=x"), "p.yaml",
                "python3", "60", "2", true);
        ScenariosTaskConfig scenarios = new ScenariosTaskConfig(List.of("s1.yaml", "s2"), "external",
                "jdbc:hive2://hive:10000/default", "hdfs://nn:8020", "ci_scratch");
        DeployTaskConfig deploy = new DeployTaskConfig("prod", "ops/targets.yaml", "job", "1.4.2", true);

        assertThat(NotebooksTaskConfig.read(notebooks.toMap())).isEqualTo(notebooks);
        assertThat(ScenariosTaskConfig.read(scenarios.toMap())).isEqualTo(scenarios);
        assertThat(DeployTaskConfig.read(deploy.toMap())).isEqualTo(deploy);
        assertThat(notebooks.toMap().keySet()).containsExactlyElementsOf(
                concat(StoredConfig.VERSION_KEY, NotebooksTaskConfig.KEYS));
        assertThat(deploy.toMap().keySet()).containsExactlyElementsOf(concat(StoredConfig.VERSION_KEY,
                DeployTaskConfig.KEYS));
    }

    @Test
    public void shouldTranslateNotebooksSettingsIntoOneNbciRunInvocation() {
        NbciInvocation invocation = NotebooksTaskConfig.read(Map.of(NotebooksTaskConfig.NOTEBOOKS, "reports/daily.ipynb",
                NotebooksTaskConfig.PARAMETERS, "run_date=2026-11-23", NotebooksTaskConfig.KERNEL, "python3",
                NotebooksTaskConfig.LOG_OUTPUT, "true")).toLaunch().toInvocation();

        assertThat(invocation.arguments()).containsExactly("run", "reports/daily.ipynb",
                "nbci-output/notebooks/daily.ipynb", "-p", "run_date", "2026-11-23", "--kernel", "python3",
                "--log-output", "--junit", "nbci-output/notebooks-junit.xml", "--results",
                "nbci-output/notebooks-results.json");
    }

    @Test
    public void shouldPutCoreValidationErrorsOnThisTasksKeys() {
        assertThatThrownBy(() -> NotebooksTaskConfig.read(Map.of(NotebooksTaskConfig.NOTEBOOKS, "a.ipynb",
                NotebooksTaskConfig.JOBS, "500")).toLaunch())
                .isInstanceOf(StoredConfigException.class)
                .hasMessage("nbciJobs: expected a whole number of parallel kernels between 1 and 64, found \"500\"");
        assertThatThrownBy(() -> NotebooksTaskConfig.read(Map.of(NotebooksTaskConfig.NOTEBOOKS, "a.ipynb",
                NotebooksTaskConfig.PARAMETERS, "fine=1\nclass=2")).toLaunch())
                .hasMessage("nbciParameters: line 2: expected a Python variable name such as run_date, "
                        + "found \"class\"");
        assertThatThrownBy(() -> ScenariosTaskConfig.read(Map.of(ScenariosTaskConfig.BACKEND, "external",
                ScenariosTaskConfig.HIVE_JDBC_URL, "jdbc:mysql://db")).toLaunch())
                .hasMessage("nbciHiveJdbcUrl: expected a URL starting with jdbc:hive2://, found \"jdbc:mysql://db\"");
        assertThatThrownBy(() -> DeployTaskConfig.read(Map.of(DeployTaskConfig.TARGET, "prod",
                DeployTaskConfig.SOURCE, "../etc")).toLaunch())
                .hasMessage("nbciSource: '..' would leave the workspace: \"../etc\"");
    }

    @Test
    public void shouldTranslateAnExternalClusterIntoNbciTestArguments() {
        NbciInvocation invocation = new ScenariosTaskConfig(List.of("scenarios"), "external",
                "jdbc:hive2://hive:10000/default", "hdfs://nn:8020", "ci_scratch").toLaunch().toInvocation();

        assertThat(invocation.arguments()).containsSequence("test", "scenarios", "--backend", "external",
                "--hive-jdbc-url", "jdbc:hive2://hive:10000/default", "--hdfs-uri", "hdfs://nn:8020",
                "--scratch-prefix", "ci_scratch");
    }

    @Test
    public void shouldTranslateADeployIntoNbciDeployArgumentsWithTheTeamsTargetsFile() {
        NbciInvocation invocation = new DeployTaskConfig("prod", "ops/nbci-deploy.yaml", "job", "", true).toLaunch()
                .toInvocation();

        assertThat(invocation.arguments()).containsExactly("deploy", "--target", "prod", "--source", "job",
                "--dry-run", "--targets", "ops/nbci-deploy.yaml", "--results", "nbci-output/deploy-results.json");
        assertThat(invocation.files()).isEmpty();
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}
