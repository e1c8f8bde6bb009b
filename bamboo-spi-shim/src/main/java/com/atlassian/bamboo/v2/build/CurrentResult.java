/*
 * COMPILE-ONLY STAND-IN for Bamboo 9.x com.atlassian.bamboo.v2.build.CurrentResult, written from Atlassian's
 * published javadoc (atlassian-bamboo 9.x). Only the members nbci uses, with the same
 * signatures. Never packaged: Bamboo provides the real type at run time (-Pbamboo compiles
 * against the real SDK).
 */
package com.atlassian.bamboo.v2.build;

import com.atlassian.bamboo.builder.BuildState;
import com.atlassian.bamboo.task.TaskResult;
import java.util.List;

/** The partial result of the running build or deployment. */
public interface CurrentResult {
    BuildState getBuildState();

    List<TaskResult> getTaskResults();
}
