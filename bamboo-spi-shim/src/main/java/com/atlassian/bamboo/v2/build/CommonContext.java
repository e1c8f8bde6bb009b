/*
 * COMPILE-ONLY STAND-IN for Bamboo 9.x com.atlassian.bamboo.v2.build.CommonContext, written from Atlassian's
 * published javadoc (atlassian-bamboo 9.x). Only the members nbci uses, with the same
 * signatures. Never packaged: Bamboo provides the real type at run time (-Pbamboo compiles
 * against the real SDK).
 */
package com.atlassian.bamboo.v2.build;

import com.atlassian.bamboo.variable.VariableContext;

/** The build or deployment a task runs in. */
public interface CommonContext {
    CurrentResult getCurrentResult();

    VariableContext getVariableContext();
}
