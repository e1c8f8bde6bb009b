/*
 * COMPILE-ONLY STAND-IN for Bamboo 9.x com.atlassian.bamboo.task.TaskContext, written from Atlassian's
 * published javadoc (atlassian-bamboo 9.x). Only the members nbci uses, with the same
 * signatures. Never packaged: Bamboo provides the real type at run time (-Pbamboo compiles
 * against the real SDK).
 */
package com.atlassian.bamboo.task;

import com.atlassian.bamboo.v2.build.BuildContext;

/** What a running task sees in a build plan. */
public interface TaskContext extends CommonTaskContext {
    BuildContext getBuildContext();
}
