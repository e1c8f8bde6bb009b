package io.nbci.bamboo.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.Assume.assumeTrue;

import com.atlassian.bamboo.task.TaskResult;
import com.atlassian.bamboo.task.TaskState;
import io.nbci.bamboo.agent.NbciLauncher;
import io.nbci.bamboo.config.DeployTaskConfig;
import io.nbci.bamboo.config.NotebooksTaskConfig;
import io.nbci.bamboo.config.StatusTaskConfig;
import io.nbci.bamboo.testing.FakeTaskContext;
import io.nbci.bamboo.testing.RecordingTestCollation;
import io.nbci.launch.DeployTarget;
import io.nbci.status.DocumentedShapes;
import io.nbci.status.LoopbackApi;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The Bamboo tasks run with the nbci command line taken out of the built plugin jar, as on an
 * agent: the contract between what the tasks pass and what the command line accepts. A
 * subcommand the shipped command line does not have yet is skipped (assumption), so each test
 * becomes binding once the branch adding that subcommand is merged.
 */
public class ShippedCliContractIT {
    private static final String TOKEN = "ghp_bambooContractToken0123456789";

    @ClassRule
    public static TemporaryFolder jarFolder = new TemporaryFolder();

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private static Path jar;
    private static String help;

    @BeforeClass
    public static void extractTheShippedCommandLine() throws Exception {
        jar = jarFolder.getRoot().toPath().resolve("nbci.jar");
        try (ZipFile plugin = new ZipFile(System.getProperty("nbci.bamboo.plugin.jar"));
                InputStream in = plugin.getInputStream(plugin.getEntry("nbci-cli/nbci.jar"))) {
            Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
        }
        Process process = new ProcessBuilder(java(), "-jar", jar.toString(), "--help").redirectErrorStream(true).start();
        help = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void assumeSubcommand(String name) {
        assumeTrue("the shipped command line has no '" + name + "' yet",
                Pattern.compile("(?m)^\\s+" + name + "\\b").matcher(help).find());
    }

    private static NbciLauncher launcher() {
        return new NbciLauncher(() -> jar, java());
    }

    private static void assertEveryFlagParsed(FakeTaskContext context) {
        assertThat(context.log().text()).as("parsed every flag the task passes").doesNotContain("Unknown option")
                .doesNotContain("Unmatched argument").doesNotContain("Try 'nbci");
    }

    @Test
    public void shouldRunOneNotebookWithParametersAndCollectItsCells() throws Exception {
        assumeSubcommand("run");
        File workspace = folder.newFolder("ws");
        Files.writeString(workspace.toPath().resolve("score.ipynb"), "{\"cells\":[{\"cell_type\":\"code\","
                + "\"execution_count\":null,\"id\":\"p\",\"metadata\":{\"tags\":[\"parameters\"]},\"outputs\":[],"
                + "\"source\":[\"limit = 1\"]},{\"cell_type\":\"code\",\"execution_count\":null,\"id\":\"a\","
                + "\"metadata\":{},\"outputs\":[],\"source\":[\"assert limit == 5\"]}],\"metadata\":{\"kernelspec\":"
                + "{\"display_name\":\"Python 3\",\"language\":\"python\",\"name\":\"python3\"}},\"nbformat\":4,"
                + "\"nbformat_minor\":5}");
        FakeTaskContext context = new FakeTaskContext(Map.of(NotebooksTaskConfig.NOTEBOOKS, "score.ipynb",
                NotebooksTaskConfig.PARAMETERS, "limit=5", NotebooksTaskConfig.CELL_TIMEOUT, "120"), workspace);
        RecordingTestCollation collation = new RecordingTestCollation();

        TaskResult result = new NotebooksTask(collation, launcher()).execute(context);

        assertEveryFlagParsed(context);
        assertThat(result.getTaskState()).as(context.log().text()).isEqualTo(TaskState.SUCCESS);
        assertThat(collation.patterns()).containsExactly("nbci-output/notebooks-junit.xml");
        assertThat(collation.existed()).containsExactly(true);
        assertThat(workspace.toPath().resolve("nbci-output/notebooks/score.ipynb")).isRegularFile();
    }

    @Test
    public void shouldDryRunADeployToATargetOfTheTeamsTargetsFile() throws Exception {
        assumeSubcommand("deploy");
        File workspace = folder.newFolder("deploy");
        Path hdfs = folder.newFolder("hdfs").toPath();
        Files.createDirectories(workspace.toPath().resolve("job"));
        Files.writeString(workspace.toPath().resolve("job/score.py"), "print('score')\n");
        Files.writeString(workspace.toPath().resolve("nbci-deploy.yaml"), DeployTarget.toYaml(List.of(
                DeployTarget.builder().name("local").uri("file:///").basePath(hdfs.resolve("apps").toString())
                        .build())));
        FakeTaskContext context = new FakeTaskContext(Map.of(DeployTaskConfig.TARGET, "local",
                DeployTaskConfig.SOURCE, "job", DeployTaskConfig.TARGETS_FILE, "nbci-deploy.yaml",
                DeployTaskConfig.VERSION, "1.0.0", DeployTaskConfig.DRY_RUN, "true"), workspace);

        TaskResult result = new DeployTask(launcher()).execute(context);

        assertEveryFlagParsed(context);
        assertThat(result.getTaskState()).as(context.log().text()).isEqualTo(TaskState.SUCCESS);
        assertThat(context.log().text()).contains("score.py");
    }

    /** GitHub's documented status request (LoopbackApi answers 400 to anything else), token from the environment. */
    @Test
    public void shouldPostTheOutcomeWithTheTokenFromTheEnvironmentOnly() throws Exception {
        assumeSubcommand("status");
        String sha = "0123456789abcdef0123456789abcdef01234567";
        try (LoopbackApi api = LoopbackApi.start(DocumentedShapes.github(TOKEN, "/api/v3"))) {
            FakeTaskContext context = new FakeTaskContext(Map.of(StatusTaskConfig.PROVIDER, "github",
                    StatusTaskConfig.MODE, StatusTaskConfig.FINAL, StatusTaskConfig.CONTEXT, "nbci/notebooks",
                    StatusTaskConfig.REPOSITORY, "acme/etl",
                    StatusTaskConfig.SHA, sha,
                    StatusTaskConfig.BASE_URL, api.baseUrl() + "/api/v3",
                    StatusTaskConfig.URL, "https://bamboo.example.com/browse/DATA-IMGSC-7",
                    StatusTaskConfig.TOKEN, TOKEN), folder.newFolder("status"))
                    .earlierTask(TaskState.FAILED);

            TaskResult result = new CommitStatusTask(launcher()).execute(context);

            assertEveryFlagParsed(context);
            assertThat(result.getTaskState()).as(context.log().text()).isEqualTo(TaskState.SUCCESS);
            assertThat(context.log().text()).doesNotContain(TOKEN);
            assertThat(api.violations()).isEmpty();
            assertThat(api.requests()).singleElement().satisfies(request -> {
                assertThat(request.rawPath()).isEqualTo("/api/v3/repos/acme/etl/statuses/" + sha);
                assertThat(request.json().path("state").asText()).isEqualTo("failure");
                assertThat(request.json().path("context").asText()).isEqualTo("nbci/notebooks");
                assertThat(request.json().path("target_url").asText())
                        .isEqualTo("https://bamboo.example.com/browse/DATA-IMGSC-7");
            });
        }
    }
}
