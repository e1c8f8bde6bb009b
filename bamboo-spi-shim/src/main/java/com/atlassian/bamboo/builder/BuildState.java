/*
 * COMPILE-ONLY STAND-IN for Bamboo 9.x com.atlassian.bamboo.builder.BuildState, written from Atlassian's
 * published javadoc (atlassian-bamboo 9.x). Only the members nbci uses, with the same
 * signatures. Never packaged: Bamboo provides the real type at run time (-Pbamboo compiles
 * against the real SDK).
 */
package com.atlassian.bamboo.builder;

/** State of a build. */
public enum BuildState {
    SUCCESS,
    FAILED,
    UNKNOWN
}
