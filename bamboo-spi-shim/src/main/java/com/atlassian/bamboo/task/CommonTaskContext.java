/*
 * COMPILE-ONLY STAND-IN for Bamboo 9.x com.atlassian.bamboo.task.CommonTaskContext, written from Atlassian's
 * published javadoc (atlassian-bamboo 9.x). Only the members nbci uses, with the same
 * signatures. Never packaged: Bamboo provides the real type at run time (-Pbamboo compiles
 * against the real SDK).
 */
package com.atlassian.bamboo.task;

import com.atlassian.bamboo.build.logger.BuildLogger;
import com.atlassian.bamboo.configuration.ConfigurationMap;
import com.atlassian.bamboo.v2.build.CommonContext;
import java.io.File;

/** What a running task sees, in a build plan or a deployment. */
public interface CommonTaskContext extends TaskIdentifier {
    CommonContext getCommonContext();

    BuildLogger getBuildLogger();

    File getRootDirectory();

    File getWorkingDirectory();

    /** The task's configuration, variables already substituted. */
    ConfigurationMap getConfigurationMap();
}
