package io.nbci.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.sun.net.httpserver.HttpServer;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.util.Secret;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Runs only with -Pjenkins (real Jenkins 2.541.3 from repo.jenkins-ci.org and a JenkinsRule);
 * it cannot run in the default build. The plugin runs from class folders here, so the command
 * line it ships is the one shared-core built (target/nbci.jar), named by the AgentJar override.
 */
public class NbciPluginJenkinsRuleTest {
    @Rule
    public JenkinsRule j = new JenkinsRule();

    private static final String PASSING = "{\"cells\":[{\"cell_type\":\"code\",\"execution_count\":null,\"id\":\"a\","
            + "\"metadata\":{},\"outputs\":[],\"source\":[\"x = 1 + 1\"]}],\"metadata\":{\"kernelspec\":"
            + "{\"display_name\":\"Python 3\",\"language\":\"python\",\"name\":\"python3\"}},\"nbformat\":4,"
            + "\"nbformat_minor\":5}";
    private static final String FAILING = PASSING.replace("x = 1 + 1", "raise ValueError('boom')");

    @BeforeClass
    public static void shipTheBuiltCommandLine() {
        File jar = new File(System.getProperty("nbci.repo.root", ".."), "shared-core/target/nbci.jar");
        System.setProperty(AgentJar.OVERRIDE, jar.getAbsolutePath());
    }

    @Test
    public void shouldKeepEveryStepsConfigurationThroughTheForm() throws Exception {
        RunNotebooksBuilder run = new RunNotebooksBuilder("notebooks/**/*.ipynb");
        run.setParameters("run_date=2026-11-23");
        run.setCellTimeout("600");
        run.setUnstableOnFailure(true);
        j.assertEqualDataBoundBeans(run, j.configRoundtrip(run));

        ScenarioTestBuilder test = new ScenarioTestBuilder();
        test.setPaths("scenarios/*.yaml");
        test.setBackend("embedded");
        j.assertEqualDataBoundBeans(test, j.configRoundtrip(test));

        CommitStatusBuilder status = new CommitStatusBuilder("github", "success", "nbci/notebooks", "");
        status.setApiUrl("https://ghe.example.com/api/v3");
        j.assertEqualDataBoundBeans(status, j.configRoundtrip(status));
    }

    @Test
    public void shouldKeepDeployTargetsThroughTheGlobalForm() throws Exception {
        HdfsDeployTarget target = new HdfsDeployTarget("prod", "hdfs://nn.example.com:8020", "/apps/jobs");
        target.setUser("etl");
        target.setRetention("5");
        NbciGlobalConfiguration configuration = NbciGlobalConfiguration.all().get(NbciGlobalConfiguration.class);
        configuration.setTargets(List.of(target));
        j.configRoundtrip();
        assertThat(configuration.target("prod").getUri()).isEqualTo("hdfs://nn.example.com:8020");
        assertThat(configuration.target("prod").getRetention()).isEqualTo("5");
    }

    @Test
    public void shouldRunANotebookOnTheAgentAndPublishItsTests() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject();
        project.getBuildersList().add(new RunNotebooksBuilder("score.ipynb"));
        j.jenkins.getWorkspaceFor(project).child("score.ipynb").write(PASSING, "UTF-8");

        FreeStyleBuild build = j.buildAndAssertSuccess(project);

        j.assertLogContains("[nbci] nbci run score.ipynb nbci-output/notebooks/score.ipynb", build);
        assertThat(build.getArtifacts()).extracting(a -> a.relativePath)
                .contains("nbci-output/notebooks/score.ipynb", "nbci-output/notebooks-results.json");
    }

    @Test
    public void shouldMarkAFailingCellUnstableWhenAsked() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject();
        RunNotebooksBuilder run = new RunNotebooksBuilder("score.ipynb");
        run.setUnstableOnFailure(true);
        project.getBuildersList().add(run);
        j.jenkins.getWorkspaceFor(project).child("score.ipynb").write(FAILING, "UTF-8");

        FreeStyleBuild build = j.assertBuildStatus(Result.UNSTABLE, project.scheduleBuild2(0));

        j.assertLogContains("nbci run: the work ran and failed", build);
    }

    @Test
    public void shouldPostTheFinalFailureWhenTheGatedBlockFails() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer github = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        github.createContext("/", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] reply = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        github.start();
        try {
            SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(
                    CredentialsScope.GLOBAL, "gh", "status token", Secret.fromString("ghp_jenkinsRuleToken")));
            WorkflowJob job = j.createProject(WorkflowJob.class);
            job.setDefinition(new CpsFlowDefinition("node {\n"
                    + "  nbciGate(provider: 'github', context: 'nbci/pr', credentialsId: 'gh', repository: 'acme/x',"
                    + " sha: '0123456789abcdef', apiUrl: 'http://127.0.0.1:" + github.getAddress().getPort() + "') {\n"
                    + "    error 'tests failed'\n"
                    + "  }\n"
                    + "}\n", true));

            WorkflowRun run = j.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));

            assertThat(bodies).hasSize(2);
            assertThat(bodies.get(0)).contains("\"pending\"");
            assertThat(bodies.get(1)).contains("\"failure\"");
            j.assertLogNotContains("ghp_jenkinsRuleToken", run);
        } finally {
            github.stop(0);
        }
    }
}
