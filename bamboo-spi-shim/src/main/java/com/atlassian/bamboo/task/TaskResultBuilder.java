/*
 * COMPILE-ONLY STAND-IN for Bamboo 9.x com.atlassian.bamboo.task.TaskResultBuilder, written from Atlassian's
 * published javadoc (atlassian-bamboo 9.x). Only the members nbci uses, with the same
 * signatures. Never packaged: Bamboo provides the real type at run time (-Pbamboo compiles
 * against the real SDK).
 */
package com.atlassian.bamboo.task;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds a task's result. The stand-in keeps just enough state for unit tests to read the
 * state back; the real builder also records result data and checks test failures.
 */
public class TaskResultBuilder {
    private final CommonTaskContext taskContext;
    private TaskState state = TaskState.SUCCESS;
    private final Map<String, String> resultData = new HashMap<>();

    protected TaskResultBuilder(CommonTaskContext taskContext) {
        this.taskContext = taskContext;
    }

    public static TaskResultBuilder newBuilder(CommonTaskContext taskContext) {
        return new TaskResultBuilder(taskContext);
    }

    public TaskResultBuilder success() {
        state = TaskState.SUCCESS;
        return this;
    }

    public TaskResultBuilder failed() {
        state = TaskState.FAILED;
        return this;
    }

    public TaskResultBuilder failedWithError() {
        state = TaskState.ERROR;
        return this;
    }

    public TaskResult build() {
        TaskState built = state;
        Map<String, String> data = Collections.unmodifiableMap(new HashMap<>(resultData));
        CommonTaskContext identifier = taskContext;
        return new TaskResult() {
            @Override
            public TaskIdentifier getTaskIdentifier() {
                return identifier;
            }

            @Override
            public TaskState getTaskState() {
                return built;
            }

            @Override
            public Map<String, String> getResultData() {
                return data;
            }
        };
    }
}
