/*
 * COMPILE-ONLY STAND-IN for Bamboo 9.x com.atlassian.bamboo.variable.VariableDefinitionContext, written from Atlassian's
 * published javadoc (atlassian-bamboo 9.x). Only the members nbci uses, with the same
 * signatures. Never packaged: Bamboo provides the real type at run time (-Pbamboo compiles
 * against the real SDK).
 */
package com.atlassian.bamboo.variable;

/** One variable. */
public interface VariableDefinitionContext {
    String getKey();

    String getValue();
}
