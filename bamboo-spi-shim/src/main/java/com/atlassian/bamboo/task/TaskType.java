/*
 * COMPILE-ONLY STAND-IN for Bamboo 9.x com.atlassian.bamboo.task.TaskType, written from Atlassian's
 * published javadoc (atlassian-bamboo 9.x). Only the members nbci uses, with the same
 * signatures. Never packaged: Bamboo provides the real type at run time (-Pbamboo compiles
 * against the real SDK).
 */
package com.atlassian.bamboo.task;

/** A task usable in build plans only (it gets the build's context, e.g. for test collation). */
public interface TaskType {
    TaskResult execute(TaskContext taskContext) throws TaskException;
}
