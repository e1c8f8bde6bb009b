package io.nbci.bamboo.task;

import com.atlassian.bamboo.task.CommonTaskContext;
import com.atlassian.bamboo.task.CommonTaskType;
import com.atlassian.bamboo.task.TaskResult;
import io.nbci.bamboo.agent.NbciLauncher;
import io.nbci.bamboo.config.DeployTaskConfig;

/**
 * The "nbci: Deploy to HDFS" task: runs {@code nbci deploy} on the agent. A
 * {@link CommonTaskType}, so it works in build plans and in deployment projects' environments.
 */
public class DeployTask implements CommonTaskType {
    private final NbciTaskExecution execution;

    public DeployTask() {
        this(NbciLauncher.shipped());
    }

    DeployTask(NbciLauncher launcher) {
        this.execution = new NbciTaskExecution(launcher);
    }

    @Override
    public TaskResult execute(CommonTaskContext taskContext) {
        return execution.execute(taskContext,
                () -> DeployTaskConfig.read(taskContext.getConfigurationMap()).toLaunch().toInvocation(), null);
    }
}
