package io.nbci.bamboo.task;

import com.atlassian.bamboo.build.test.TestCollationService;
import com.atlassian.bamboo.task.TaskContext;
import com.atlassian.bamboo.task.TaskResult;
import com.atlassian.bamboo.task.TaskType;
import io.nbci.bamboo.agent.NbciLauncher;
import io.nbci.bamboo.config.NotebooksTaskConfig;

/**
 * The "nbci: Run notebooks" task (build plans): runs {@code nbci run} / {@code nbci run-all} on
 * the agent and puts one test per cell into the build's Tests tab. A {@link TaskType}, because
 * test collation needs the build's context.
 */
public class NotebooksTask implements TaskType {
    private final NbciTaskExecution execution;
    private final TestCollationService testCollationService;

    /** Bamboo injects the test collation service. */
    public NotebooksTask(TestCollationService testCollationService) {
        this(testCollationService, NbciLauncher.shipped());
    }

    NotebooksTask(TestCollationService testCollationService, NbciLauncher launcher) {
        this.testCollationService = testCollationService;
        this.execution = new NbciTaskExecution(launcher);
    }

    @Override
    public TaskResult execute(TaskContext taskContext) {
        return execution.execute(taskContext,
                () -> NotebooksTaskConfig.read(taskContext.getConfigurationMap()).toLaunch().toInvocation(),
                globs -> globs.forEach(glob -> testCollationService.collateTestResults(taskContext,
                        BambooBuild.relativeToRoot(taskContext, glob))));
    }
}
