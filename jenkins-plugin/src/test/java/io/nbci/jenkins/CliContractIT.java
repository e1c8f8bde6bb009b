package io.nbci.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.Assume.assumeTrue;

import io.nbci.common.Secret;
import io.nbci.launch.DeployConfig;
import io.nbci.launch.DeployTarget;
import io.nbci.launch.GeneratedFile;
import io.nbci.launch.NbciInvocation;
import io.nbci.launch.Outcome;
import io.nbci.status.DocumentedShapes;
import io.nbci.status.LoopbackApi;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The contract between the plugin and the command line it ships: the invocations the steps
 * render are run with the nbci.jar taken from the built .hpi, exactly as the plugin starts them
 * on an agent (arguments, environment with the secret, files written first). A subcommand the
 * shipped command line does not have yet is skipped (assumption), so this test becomes binding
 * as soon as the branch that adds it is merged.
 */
public class CliContractIT {
    @ClassRule
    public static TemporaryFolder jarFolder = new TemporaryFolder();

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private static File jar;
    private static final Secret TOKEN = Secret.of("ghp_contractTestToken0123456789", "test");
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @BeforeClass
    public static void extractTheShippedCommandLine() throws Exception {
        jar = jarFolder.newFile("nbci.jar");
        try (ZipFile hpi = new ZipFile(System.getProperty("nbci.hpi"));
                InputStream in = hpi.getInputStream(hpi.getEntry("WEB-INF/lib/nbci.jar"))) {
            Files.copy(in, jar.toPath(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    record Ran(int exitCode, String output) {
    }

    private static Ran run(Path dir, List<String> command, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("GIT") || name.startsWith("CHANGE_")
                || name.startsWith("BUILD_") || name.endsWith("_TOKEN"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        return new Ran(process.exitValue(), output);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Skips unless {@code nbci --help} lists the subcommand (its "Commands:" section). */
    private void assumeSubcommand(String name) throws Exception {
        Ran help = run(folder.getRoot().toPath(), List.of(java(), "-jar", jar.getPath(), "--help"), Map.of());
        assumeTrue("the shipped command line has no '" + name + "' yet",
                java.util.regex.Pattern.compile("(?m)^\\s+" + name + "\\b").matcher(help.output()).find());
    }

    /** Runs an invocation the way NbciProcess does: files first, then java -jar nbci.jar ARGS with the environment. */
    private Ran launch(NbciInvocation invocation, Path workspace) throws Exception {
        for (GeneratedFile file : invocation.files()) {
            Path target = workspace.resolve(file.path());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.content(), StandardCharsets.UTF_8);
        }
        Ran ran = run(workspace, invocation.commandLine(java(), jar.getPath()), invocation.environmentForProcess());
        assertThat(ran.output()).as("parsed every flag the plugin passes").doesNotContain("Unknown option")
                .doesNotContain("Unmatched argument").doesNotContain("Try 'nbci");
        return ran;
    }

    @Test
    public void shouldRunOneNotebookWithTheStepsFlagsAndLeaveWhatThePluginCollects() throws Exception {
        assumeSubcommand("run");
        Path workspace = folder.newFolder("ws").toPath();
        Files.writeString(workspace.resolve("score.ipynb"), "{\"cells\":[{\"cell_type\":\"code\",\"execution_count\":"
                + "null,\"id\":\"p\",\"metadata\":{\"tags\":[\"parameters\"]},\"outputs\":[],\"source\":[\"limit = 1\"]},"
                + "{\"cell_type\":\"code\",\"execution_count\":null,\"id\":\"a\",\"metadata\":{},\"outputs\":[],"
                + "\"source\":[\"assert limit == 5\"]}],\"metadata\":{\"kernelspec\":{\"display_name\":\"Python 3\","
                + "\"language\":\"python\",\"name\":\"python3\"}},\"nbformat\":4,\"nbformat_minor\":5}");
        RunNotebooksBuilder step = new RunNotebooksBuilder("score.ipynb");
        step.setParameters("limit=5");
        step.setCellTimeout("120");
        step.setLogOutput(true);

        NbciInvocation invocation = step.toConfig().toInvocation();
        Ran ran = launch(invocation, workspace);

        assertThat(invocation.outcome(ran.exitCode()).result()).as(ran.output()).isEqualTo(Outcome.Result.SUCCESS);
        for (String path : List.of("nbci-output/notebooks/score.ipynb", "nbci-output/notebooks-junit.xml",
                "nbci-output/notebooks-results.json")) {
            assertThat(workspace.resolve(path)).as(path).isRegularFile();
        }
    }

    /** GitHub's documented status request (LoopbackApi answers 400 to anything else), token from the environment. */
    @Test
    public void shouldPostStatusWithTheTokenFromTheEnvironmentOnly() throws Exception {
        assumeSubcommand("status");
        try (LoopbackApi api = LoopbackApi.start(DocumentedShapes.github(TOKEN.reveal(), "/api/v3"))) {
            CommitStatusBuilder step = new CommitStatusBuilder("github", "success", "nbci/notebooks", "gh");
            step.setRepository("acme/etl");
            step.setSha(SHA);
            step.setApiUrl(api.baseUrl() + "/api/v3");
            step.setDescription("3 passed");

            NbciInvocation invocation = step.toConfig(TOKEN,
                    new hudson.EnvVars(Map.of("BUILD_URL", "https://ci.example.com/job/etl/7/"))).toInvocation();
            Ran ran = launch(invocation, folder.newFolder("status").toPath());

            assertThat(ran.exitCode()).as(ran.output()).isZero();
            assertThat(ran.output()).doesNotContain(TOKEN.reveal());
            assertThat(api.violations()).isEmpty();
            assertThat(api.requests()).singleElement().satisfies(request -> {
                assertThat(request.rawPath()).isEqualTo("/api/v3/repos/acme/etl/statuses/" + SHA);
                assertThat(request.json().path("state").asText()).isEqualTo("success");
                assertThat(request.json().path("context").asText()).isEqualTo("nbci/notebooks");
                assertThat(request.json().path("target_url").asText()).isEqualTo("https://ci.example.com/job/etl/7/");
            });
        }
    }

    @Test
    public void shouldWrapACommandInTheGateWithPendingThenSuccess() throws Exception {
        assumeSubcommand("gate");
        try (LoopbackApi api = LoopbackApi.start(DocumentedShapes.github(TOKEN.reveal(), "/api/v3"))) {
            GateStep step = new GateStep("github", "nbci/pr", "gh");
            step.setRepository("acme/etl");
            step.setSha(SHA);
            step.setApiUrl(api.baseUrl() + "/api/v3");

            NbciInvocation invocation = step.fields().toConfig(TOKEN, new hudson.EnvVars()).wrap(List.of("true"));
            Ran ran = launch(invocation, folder.newFolder("gate").toPath());

            assertThat(ran.exitCode()).as(ran.output()).isZero();
            assertThat(api.violations()).isEmpty();
            assertThat(api.requests()).extracting(request -> request.json().path("state").asText())
                    .containsExactly("pending", "success");
            assertThat(ran.output()).doesNotContain(TOKEN.reveal());
        }
    }

    @Test
    public void shouldDeployADryRunWithTheTargetsFileThePluginWrites() throws Exception {
        assumeSubcommand("deploy");
        Path workspace = folder.newFolder("deploy").toPath();
        Path hdfs = folder.newFolder("hdfs").toPath();
        Files.createDirectories(workspace.resolve("jobs"));
        Files.writeString(workspace.resolve("jobs/score.py"), "print('score')\n");
        HdfsDeployTarget configured = new HdfsDeployTarget("local", "file:///", hdfs.resolve("apps").toString());
        configured.setRetention("3");
        configured.setPermission("644");
        Path conf = folder.newFolder("hadoop-conf").toPath();
        Files.writeString(conf.resolve("core-site.xml"), "<configuration><property><name>fs.trash.interval</name>"
                + "<value>0</value></property></configuration>\n");
        configured.setHadoopConf(conf.toString());
        DeployBuilder step = new DeployBuilder("local");
        step.setSource("jobs");
        step.setVersion("1.0.0");
        step.setDryRun(true);

        List<DeployTarget> targets = new ArrayList<>(List.of(configured.toCoreTarget(null)));
        NbciInvocation invocation = step.toConfig(targets, workspace.resolve("tmp/targets.yaml").toString())
                .toInvocation();
        Ran ran = launch(invocation, workspace);

        assertThat(ran.exitCode()).as(ran.output()).isZero();
        assertThat(ran.output()).contains("score.py").contains("core-site.xml from " + conf);
    }

    @Test
    public void shouldCheckTheConnectionByListingReleases() throws Exception {
        assumeSubcommand("releases");
        Path hdfs = folder.newFolder("hdfs-releases").toPath();
        DeployTarget target = new HdfsDeployTarget("local", "file:///", hdfs.resolve("apps").toString())
                .toCoreTarget(null);

        NbciInvocation check = DeployConfig.connectionCheck(target, folder.getRoot().toPath()
                .resolve("check/targets.yaml").toString());
        Ran ran = launch(check, folder.getRoot().toPath());

        assertThat(ran.exitCode()).as(ran.output()).isIn(0, 1);
    }
}
