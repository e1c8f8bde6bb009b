/*
 * COMPILE-ONLY STAND-IN for Bamboo 9.x com.atlassian.bamboo.build.test.TestCollationService, written from Atlassian's
 * published javadoc (atlassian-bamboo 9.x). Only the members nbci uses, with the same
 * signatures. Never packaged: Bamboo provides the real type at run time (-Pbamboo compiles
 * against the real SDK).
 */
package com.atlassian.bamboo.build.test;

import com.atlassian.bamboo.task.TaskContext;

/** Reads test reports (JUnit XML by default) into the build's Tests tab. */
public interface TestCollationService {
    void collateTestResults(TaskContext taskContext, String filePattern);
}
