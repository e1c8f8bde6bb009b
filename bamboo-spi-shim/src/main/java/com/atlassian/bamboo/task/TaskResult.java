/*
 * COMPILE-ONLY STAND-IN for Bamboo 9.x com.atlassian.bamboo.task.TaskResult, written from Atlassian's
 * published javadoc (atlassian-bamboo 9.x). Only the members nbci uses, with the same
 * signatures. Never packaged: Bamboo provides the real type at run time (-Pbamboo compiles
 * against the real SDK).
 */
package com.atlassian.bamboo.task;

import java.util.Map;

/** The outcome of one task, as Bamboo records it. */
public interface TaskResult {
    TaskIdentifier getTaskIdentifier();

    TaskState getTaskState();

    Map<String, String> getResultData();
}
