package io.nbci.bamboo.task;

import com.atlassian.bamboo.build.test.TestCollationService;
import com.atlassian.bamboo.task.TaskContext;
import com.atlassian.bamboo.task.TaskResult;
import com.atlassian.bamboo.task.TaskType;
import io.nbci.bamboo.agent.NbciLauncher;
import io.nbci.bamboo.config.ScenariosTaskConfig;

/**
 * The "nbci: Run integration scenarios" task (build plans): runs {@code nbci test} on the
 * agent and puts one test per scenario into the build's Tests tab.
 */
public class ScenariosTask implements TaskType {
    private final NbciTaskExecution execution;
    private final TestCollationService testCollationService;

    /** Bamboo injects the test collation service. */
    public ScenariosTask(TestCollationService testCollationService) {
        this(testCollationService, NbciLauncher.shipped());
    }

    ScenariosTask(TestCollationService testCollationService, NbciLauncher launcher) {
        this.testCollationService = testCollationService;
        this.execution = new NbciTaskExecution(launcher);
    }

    @Override
    public TaskResult execute(TaskContext taskContext) {
        return execution.execute(taskContext,
                () -> ScenariosTaskConfig.read(taskContext.getConfigurationMap()).toLaunch().toInvocation(),
                globs -> globs.forEach(glob -> testCollationService.collateTestResults(taskContext,
                        BambooBuild.relativeToRoot(taskContext, glob))));
    }
}
