package io.nbci.bamboo.task;

import com.atlassian.bamboo.task.CommonTaskContext;
import com.atlassian.bamboo.task.CommonTaskType;
import com.atlassian.bamboo.task.TaskResult;
import io.nbci.bamboo.agent.NbciLauncher;
import io.nbci.bamboo.config.StatusTaskConfig;
import io.nbci.launch.GateConfig;

/**
 * The "nbci: Commit status" task: runs {@code nbci status}. In "pending" mode it posts pending
 * (put it first); in "final" mode, added to the job's final tasks, it posts the commit state the
 * core's gate table gives the tasks that ran before it (success or failure). The token reaches nbci only through its environment.
 */
public class CommitStatusTask implements CommonTaskType {
    private final NbciTaskExecution execution;

    public CommitStatusTask() {
        this(NbciLauncher.shipped());
    }

    CommitStatusTask(NbciLauncher launcher) {
        this.execution = new NbciTaskExecution(launcher);
    }

    @Override
    public TaskResult execute(CommonTaskContext taskContext) {
        return execution.execute(taskContext, () -> {
            StatusTaskConfig config = StatusTaskConfig.read(taskContext.getConfigurationMap());
            String state = config.isFinal() ? GateConfig.state(BambooBuild.resultSoFar(taskContext))
                    : StatusTaskConfig.PENDING;
            return config.toLaunch(state).toInvocation();
        }, null);
    }
}
