package io.nbci.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.EnvVars;
import io.nbci.common.Secret;
import io.nbci.launch.Collect;
import io.nbci.launch.DeployTarget;
import io.nbci.launch.NbciInvocation;
import io.nbci.launch.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Step form fields -> core config -> nbci arguments and environment, for every step. */
public class BuilderTranslationTest {
    private static final Secret TOKEN = Secret.of("glpat-T0kenValue", "Jenkins credential gl");
    private static final EnvVars ENV = new EnvVars(Map.of("BUILD_URL", "https://ci.example.com/job/score/7/"));

    @Test
    public void shouldTranslateRunNotebooksFields() {
        RunNotebooksBuilder builder = new RunNotebooksBuilder("notebooks/score.ipynb");
        builder.setParameters("run_date=2026-11-23\nlimit=5");
        builder.setKernel("python3");
        builder.setCellTimeout("600");
        builder.setLogOutput(true);
        builder.setUnstableOnFailure(true);
        builder.setJunitFile(" ");

        NbciInvocation invocation = builder.toConfig().toInvocation();

        assertThat(invocation.arguments()).containsExactly("run", "notebooks/score.ipynb",
                "nbci-output/notebooks/score.ipynb", "-p", "run_date", "2026-11-23", "-p", "limit", "5",
                "--kernel", "python3", "--cell-timeout", "600", "--log-output",
                "--junit", "nbci-output/notebooks-junit.xml", "--results", "nbci-output/notebooks-results.json");
        assertThat(invocation.outcome(1).result()).isEqualTo(Outcome.Result.UNSTABLE);
        assertThat(builder.getJunitFile()).as("blank form fields are unset").isNull();
    }

    @Test
    public void shouldRunAGlobWithRunAll() {
        RunNotebooksBuilder builder = new RunNotebooksBuilder("notebooks/**/*.ipynb");
        builder.setJobs("2");

        assertThat(builder.toConfig().toInvocation().arguments()).startsWith("run-all", "notebooks/**/*.ipynb",
                "--output-dir", "nbci-output/notebooks", "--jobs", "2");
    }

    @Test
    public void shouldRefuseABadFieldNamingIt() {
        RunNotebooksBuilder builder = new RunNotebooksBuilder("score.ipynb");
        builder.setCellTimeout("ten");

        assertThatThrownBy(builder::toConfig).hasMessageStartingWith("cellTimeout: expected a whole number");
    }

    @Test
    public void shouldTranslateScenarioFields() {
        ScenarioTestBuilder builder = new ScenarioTestBuilder();
        builder.setPaths("scenarios/*.yaml\nmore/x.yaml");
        builder.setBackend("external");
        builder.setHiveJdbcUrl("jdbc:hive2://hs2:10000/default");
        builder.setHdfsUri("hdfs://nn:8020");
        builder.setScratchPrefix("ci_scratch");

        NbciInvocation invocation = builder.toConfig().toInvocation();

        assertThat(invocation.arguments()).startsWith("test", "scenarios/*.yaml", "more/x.yaml", "--backend",
                "external", "--hive-jdbc-url", "jdbc:hive2://hs2:10000/default", "--hdfs-uri", "hdfs://nn:8020",
                "--scratch-prefix", "ci_scratch");
        assertThat(invocation.collect(Collect.Kind.JUNIT)).containsExactly("nbci-output/scenarios-junit.xml");
        assertThat(invocation.outcome(1).result()).isEqualTo(Outcome.Result.FAILURE);
    }

    @Test
    public void shouldDeployWithTheGlobalTargetWrittenToTheAgent() {
        HdfsDeployTarget prod = new HdfsDeployTarget("prod", "hdfs://nn:8020", "/apps/jobs");
        prod.setPrincipal("etl@EXAMPLE.COM");
        prod.setKeytabCredentialsId("etl-keytab");
        prod.setRetention("5");
        DeployBuilder builder = new DeployBuilder("prod");
        builder.setSource("jobs");
        builder.setDryRun(true);

        DeployTarget target = prod.toCoreTarget("/agent/ws@tmp/nbci/keytab-1");
        NbciInvocation invocation = builder.toConfig(List.of(target), "/agent/ws@tmp/nbci/t.yaml").toInvocation();

        assertThat(invocation.arguments()).containsExactly("deploy", "--target", "prod", "--source", "jobs",
                "--dry-run", "--targets", "/agent/ws@tmp/nbci/t.yaml", "--results", "nbci-output/deploy-results.json");
        assertThat(invocation.files()).singleElement().satisfies(file -> {
            assertThat(file.path()).isEqualTo("/agent/ws@tmp/nbci/t.yaml");
            assertThat(file.content()).contains("principal: \"etl@EXAMPLE.COM\"",
                    "keytab: \"/agent/ws@tmp/nbci/keytab-1\"", "retention: 5");
        });
    }

    @Test
    public void shouldRefuseADeployToATargetNotConfiguredNamingTheConfiguredOnes() {
        FakeHost host = new FakeHost();
        host.configuration.setTargets(List.of(new HdfsDeployTarget("prod", "hdfs://nn:8020", "/apps")));
        NbciBuilder.Inputs inputs = new NbciBuilder.Inputs(null, null, ENV, host, new java.util.ArrayList<>());

        assertThatThrownBy(() -> new DeployBuilder("qa").invocation(inputs))
                .isInstanceOf(io.nbci.launch.LaunchConfigException.class)
                .hasMessage("target: no deploy target named \"qa\" under Manage Jenkins > System > nbci; "
                        + "configured: [prod]");
        assertThat(inputs.toDelete()).as("nothing was copied to the agent").isEmpty();
    }

    @Test
    public void shouldDeployWithTheTeamsOwnTargetsFile() {
        DeployBuilder builder = new DeployBuilder("staging");
        builder.setTargetsFile("deploy/nbci-deploy.yaml");
        builder.setVersion("1.2.0");

        assertThat(builder.toConfig(List.of(), null).toInvocation().arguments()).containsExactly("deploy",
                "--target", "staging", "--source", ".", "--version", "1.2.0", "--targets", "deploy/nbci-deploy.yaml",
                "--results", "nbci-output/deploy-results.json");
    }

    @Test
    public void shouldPostStatusWithTheTokenOnlyInTheEnvironment() {
        CommitStatusBuilder builder = new CommitStatusBuilder("gitlab", "success", "nbci/notebooks", "gl");
        builder.setRepository("data/imagescore");

        NbciInvocation invocation = builder.toConfig(TOKEN, ENV).toInvocation();

        assertThat(invocation.arguments()).containsExactly("status", "--state", "success", "--provider", "gitlab",
                "--context", "nbci/notebooks", "--url", "https://ci.example.com/job/score/7/", "--repo",
                "data/imagescore", "--token-env", "NBCI_STATUS_TOKEN");
        assertThat(String.join(" ", invocation.arguments())).doesNotContain(TOKEN.reveal());
        assertThat(invocation.environmentForProcess()).containsEntry("NBCI_STATUS_TOKEN", TOKEN.reveal());
        assertThat(invocation.secrets()).containsExactly(TOKEN);
    }

    @Test
    public void shouldPreferAnExplicitLinkOverBuildUrl() {
        CommitStatusBuilder builder = new CommitStatusBuilder("github", "pending", "nbci", "gh");
        builder.setUrl("https://dashboards.example.com/nbci");

        assertThat(builder.toConfig(TOKEN, ENV).url()).isEqualTo("https://dashboards.example.com/nbci");
    }

    @Test
    public void shouldTranslateTheGateIntoPendingAndFinalStatuses() {
        GateStep step = new GateStep("github", "nbci/pr", "gh");
        step.setApiUrl("https://ghe.example.com/api/v3");

        var gate = step.fields().toConfig(TOKEN, ENV);

        assertThat(gate.pending().toInvocation().arguments()).containsSequence("--state", "pending")
                .contains("https://ghe.example.com/api/v3", "https://ci.example.com/job/score/7/");
        assertThat(gate.finish(Outcome.Result.ABORTED, null).state()).isEqualTo("error");
        assertThat(gate.finish(Outcome.Result.UNSTABLE, "1 passed, 1 failed, 0 errors, 0 skipped").description())
                .isEqualTo("unstable: tests failed: 1 passed, 1 failed, 0 errors, 0 skipped");
    }
}
