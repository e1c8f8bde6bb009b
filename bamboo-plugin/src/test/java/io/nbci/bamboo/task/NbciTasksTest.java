package io.nbci.bamboo.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.bamboo.builder.BuildState;
import com.atlassian.bamboo.task.TaskResult;
import com.atlassian.bamboo.task.TaskState;
import io.nbci.bamboo.agent.NbciLauncher;
import io.nbci.bamboo.config.DeployTaskConfig;
import io.nbci.bamboo.config.NotebooksTaskConfig;
import io.nbci.bamboo.config.ScenariosTaskConfig;
import io.nbci.bamboo.config.StatusTaskConfig;
import io.nbci.bamboo.testing.FakeNbci;
import io.nbci.bamboo.testing.FakeTaskContext;
import io.nbci.bamboo.testing.RecordingTestCollation;
import java.io.File;
import java.nio.file.Path;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The tasks end to end on the agent side, against the SPI shim: configuration map -> nbci
 * arguments and environment, a real child process (a stand-in nbci jar) with its output in the
 * build log, secrets masked, JUnit handed to test collation, exit code -> task state.
 */
public class NbciTasksTest {
    private static final String TOKEN = "ghp_s3cr3tT0kenValue42";

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private NbciLauncher launcher;
    private File workspace;

    @Before
    public void setUp() throws Exception {
        Path jar = FakeNbci.jar(folder.newFolder("cli").toPath());
        launcher = new NbciLauncher(() -> jar, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        workspace = folder.newFolder("workspace");
    }

    private FakeTaskContext notebooksContext(int exitCode) {
        return new FakeTaskContext(Map.of(NotebooksTaskConfig.NOTEBOOKS, "notebooks/score.ipynb",
                NotebooksTaskConfig.PARAMETERS, "run_date=2026-11-23\nlimit=10",
                NotebooksTaskConfig.CELL_TIMEOUT, "600"), workspace)
                .variable("fakeExit", Integer.toString(exitCode));
    }

    @Test
    public void shouldRunNotebooksThroughTheCommandLineAndCollectTheirJUnitResults() {
        FakeTaskContext context = notebooksContext(0);
        RecordingTestCollation collation = new RecordingTestCollation();

        TaskResult result = new NotebooksTask(collation, launcher).execute(context);

        assertThat(result.getTaskState()).isEqualTo(TaskState.SUCCESS);
        assertThat(context.log().lines()).contains("fake nbci run notebooks/score.ipynb "
                + "nbci-output/notebooks/score.ipynb -p run_date 2026-11-23 -p limit 10 --cell-timeout 600 "
                + "--junit nbci-output/notebooks-junit.xml --results nbci-output/notebooks-results.json",
                "cwd " + workspace.getAbsolutePath(), "a line on stderr");
        assertThat(collation.patterns()).containsExactly("nbci-output/notebooks-junit.xml");
        assertThat(collation.existed()).containsExactly(true);
    }

    @Test
    public void shouldGiveTestCollationThePathFromTheBuildRootWhenTheTaskRunsInASubdirectory() throws Exception {
        File root = folder.newFolder("root");
        File subdirectory = new File(root, "jobs/imagescore");
        assertThat(subdirectory.mkdirs()).isTrue();
        FakeTaskContext context = new FakeTaskContext(Map.of(NotebooksTaskConfig.NOTEBOOKS, "score.ipynb"), root,
                subdirectory);
        RecordingTestCollation collation = new RecordingTestCollation();

        new NotebooksTask(collation, launcher).execute(context);

        assertThat(context.log().lines()).contains("cwd " + subdirectory.getAbsolutePath());
        assertThat(collation.patterns()).containsExactly("jobs/imagescore/nbci-output/notebooks-junit.xml");
        assertThat(collation.existed()).containsExactly(true);
    }

    @Test
    public void shouldFailTheTaskWhenACellFailedButStillCollectTheEvidence() {
        FakeTaskContext context = notebooksContext(1);
        RecordingTestCollation collation = new RecordingTestCollation();

        TaskResult result = new NotebooksTask(collation, launcher).execute(context);

        assertThat(result.getTaskState()).isEqualTo(TaskState.FAILED);
        assertThat(collation.patterns()).containsExactly("nbci-output/notebooks-junit.xml");
        assertThat(context.log().lines()).anySatisfy(line -> assertThat(line)
                .startsWith("ERROR nbci run: the work ran and failed"));
    }

    @Test
    public void shouldPutNbcisOwnErrorLineIntoTheErrorSummary() {
        FakeTaskContext context = notebooksContext(2).variable("fakeError",
                "notebooks/missing.ipynb: no such notebook");

        new NotebooksTask(new RecordingTestCollation(), launcher).execute(context);

        assertThat(context.log().lines()).contains("ERROR nbci run: bad usage or bad input, nothing was run; "
                + "the error is the last 'nbci:' line above: notebooks/missing.ipynb: no such notebook");
    }

    @Test
    public void shouldMapEveryExitCodeToABambooTaskState() {
        Map<Integer, TaskState> expected = Map.of(0, TaskState.SUCCESS, 1, TaskState.FAILED, 2, TaskState.FAILED,
                3, TaskState.ERROR, 4, TaskState.FAILED, 137, TaskState.ERROR);
        expected.forEach((code, state) -> assertThat(new NotebooksTask(new RecordingTestCollation(), launcher)
                .execute(notebooksContext(code)).getTaskState()).as("exit code %d", code).isEqualTo(state));
    }

    @Test
    public void shouldErrorWithoutStartingNbciWhenTheConfigurationIsWrong() {
        FakeTaskContext context = new FakeTaskContext(Map.of(NotebooksTaskConfig.NOTEBOOKS, "nb.ipynb",
                NotebooksTaskConfig.CELL_TIMEOUT, "-3"), workspace);
        RecordingTestCollation collation = new RecordingTestCollation();

        TaskResult result = new NotebooksTask(collation, launcher).execute(context);

        assertThat(result.getTaskState()).isEqualTo(TaskState.ERROR);
        assertThat(context.log().text()).contains("nbciCellTimeout: expected a whole number of seconds")
                .doesNotContain("fake nbci");
        assertThat(collation.patterns()).isEmpty();
    }

    @Test
    public void shouldNotAskBambooForTestResultsNbciDidNotWrite() {
        FakeTaskContext context = notebooksContext(2).variable("fakeNoJunit", "true");
        RecordingTestCollation collation = new RecordingTestCollation();

        TaskResult result = new NotebooksTask(collation, launcher).execute(context);

        assertThat(result.getTaskState()).isEqualTo(TaskState.FAILED);
        assertThat(collation.patterns()).isEmpty();
        assertThat(context.log().lines()).contains("nbci wrote no test results at nbci-output/notebooks-junit.xml");
    }

    @Test
    public void shouldRunAGlobOfNotebooksInParallelKernels() {
        FakeTaskContext context = new FakeTaskContext(Map.of(NotebooksTaskConfig.NOTEBOOKS, "notebooks/**/*.ipynb",
                NotebooksTaskConfig.JOBS, "2"), workspace);

        TaskResult result = new NotebooksTask(new RecordingTestCollation(), launcher).execute(context);

        assertThat(result.getTaskState()).isEqualTo(TaskState.SUCCESS);
        assertThat(context.log().lines()).contains("fake nbci run-all notebooks/**/*.ipynb --output-dir "
                + "nbci-output/notebooks --jobs 2 --junit nbci-output/notebooks-junit.xml --results "
                + "nbci-output/notebooks-results.json");
    }

    @Test
    public void shouldRunScenariosAndCollectTheirJUnitResults() {
        FakeTaskContext context = new FakeTaskContext(Map.of(ScenariosTaskConfig.SCENARIOS,
                "scenarios/missing-score.yaml\nscenarios/empty"), workspace);
        RecordingTestCollation collation = new RecordingTestCollation();

        TaskResult result = new ScenariosTask(collation, launcher).execute(context);

        assertThat(result.getTaskState()).isEqualTo(TaskState.SUCCESS);
        assertThat(context.log().lines()).contains("fake nbci test scenarios/missing-score.yaml scenarios/empty "
                + "--backend embedded --output-dir nbci-output/scenarios --junit nbci-output/scenarios-junit.xml "
                + "--results nbci-output/scenarios-results.json");
        assertThat(collation.patterns()).containsExactly("nbci-output/scenarios-junit.xml");
    }

    @Test
    public void shouldDeployWithTheBuildsVariablesInTheEnvironment() {
        FakeTaskContext context = new FakeTaskContext(Map.of(DeployTaskConfig.TARGET, "prod",
                DeployTaskConfig.SOURCE, "job", DeployTaskConfig.VERSION, "release-42"), workspace)
                .variable("planRepository.revision", "0123abcd");

        TaskResult result = new DeployTask(launcher).execute(context);

        assertThat(result.getTaskState()).isEqualTo(TaskState.SUCCESS);
        assertThat(context.log().lines()).contains("fake nbci deploy --target prod --source job --version release-42 "
                + "--results nbci-output/deploy-results.json", "revision 0123abcd");
    }

    @Test
    public void shouldPostPendingWithTheTokenOnlyInTheEnvironmentAndMaskedInTheLog() {
        FakeTaskContext context = statusContext(StatusTaskConfig.PENDING);

        TaskResult result = new CommitStatusTask(launcher).execute(context);

        assertThat(result.getTaskState()).isEqualTo(TaskState.SUCCESS);
        assertThat(context.log().lines()).contains("fake nbci status --state pending --provider github --context "
                + "nbci/notebooks --token-env NBCI_STATUS_TOKEN", "token is ****");
        assertThat(context.log().text()).doesNotContain(TOKEN);
    }

    @Test
    public void shouldReportFailureFromTheFinalTaskWhenAnEarlierTaskFailed() {
        FakeTaskContext context = statusContext(StatusTaskConfig.FINAL)
                .earlierTask(TaskState.SUCCESS).earlierTask(TaskState.FAILED);

        new CommitStatusTask(launcher).execute(context);

        assertThat(context.log().text()).contains("fake nbci status --state failure ");
    }

    @Test
    public void shouldReportFailureFromTheFinalTaskWhenTheBuildAlreadyFailed() {
        FakeTaskContext context = statusContext(StatusTaskConfig.FINAL).buildState(BuildState.FAILED);

        new CommitStatusTask(launcher).execute(context);

        assertThat(context.log().text()).contains("fake nbci status --state failure ");
    }

    @Test
    public void shouldReportSuccessFromTheFinalTaskWhenEveryEarlierTaskPassed() {
        FakeTaskContext context = statusContext(StatusTaskConfig.FINAL)
                .earlierTask(TaskState.SUCCESS).earlierTask(TaskState.SUCCESS);

        new CommitStatusTask(launcher).execute(context);

        assertThat(context.log().text()).contains("fake nbci status --state success ");
    }

    @Test
    public void shouldRefuseATokenVariableThatBambooCouldNotSubstitute() {
        FakeTaskContext context = new FakeTaskContext(Map.of(StatusTaskConfig.PROVIDER, "github",
                StatusTaskConfig.CONTEXT, "nbci/notebooks", StatusTaskConfig.TOKEN, "${bamboo.github.token.password}"),
                workspace);

        TaskResult result = new CommitStatusTask(launcher).execute(context);

        assertThat(result.getTaskState()).isEqualTo(TaskState.ERROR);
        assertThat(context.log().text()).contains("nbciToken: expected the token, found the reference "
                + "${bamboo.github.token.password}").doesNotContain("fake nbci");
    }

    @Test
    public void shouldMaskTheBuildsPasswordVariablesInEverythingNbciPrints() {
        FakeTaskContext context = notebooksContext(0).passwordVariable("db.password", "hunter2-very-secret");

        new NotebooksTask(new RecordingTestCollation(), launcher).execute(context);

        assertThat(context.log().lines()).contains("db password is ****");
        assertThat(context.log().text()).doesNotContain("hunter2-very-secret");
    }

    @Test(timeout = 30_000)
    public void shouldKillNbciAndErrorWhenTheBuildIsStopped() throws Exception {
        FakeTaskContext context = notebooksContext(0).variable("fakeSleep", "120");
        AtomicReference<TaskResult> result = new AtomicReference<>();
        Thread task = new Thread(() -> result.set(new NotebooksTask(new RecordingTestCollation(), launcher)
                .execute(context)));
        task.start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!context.log().text().contains("fake nbci") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(context.log().text()).contains("fake nbci");
        long start = System.nanoTime();
        task.interrupt();
        task.join(10_000);

        assertThat(task.isAlive()).isFalse();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
        assertThat(result.get().getTaskState()).isEqualTo(TaskState.ERROR);
        assertThat(context.log().text()).contains("nbci run: aborted");
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList()).isEmpty();
    }

    private FakeTaskContext statusContext(String mode) {
        return new FakeTaskContext(Map.of(StatusTaskConfig.PROVIDER, "github", StatusTaskConfig.MODE, mode,
                StatusTaskConfig.CONTEXT, "nbci/notebooks", StatusTaskConfig.TOKEN, TOKEN), workspace);
    }

}
