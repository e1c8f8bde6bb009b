/*
 * COMPILE-ONLY STAND-IN for Bamboo 9.x com.atlassian.bamboo.build.logger.BuildLogger, written from Atlassian's
 * published javadoc (atlassian-bamboo 9.x). Only the members nbci uses, with the same
 * signatures. Never packaged: Bamboo provides the real type at run time (-Pbamboo compiles
 * against the real SDK).
 */
package com.atlassian.bamboo.build.logger;

/** The build log of a running job or deployment. */
public interface BuildLogger {
    String addBuildLogEntry(String logString);

    String addErrorLogEntry(String logString);
}
