/*
 * COMPILE-ONLY STAND-IN for Bamboo 9.x com.atlassian.bamboo.variable.VariableContext, written from Atlassian's
 * published javadoc (atlassian-bamboo 9.x). Only the members nbci uses, with the same
 * signatures. Never packaged: Bamboo provides the real type at run time (-Pbamboo compiles
 * against the real SDK).
 */
package com.atlassian.bamboo.variable;

import java.util.Map;

/** The variables of the running build or deployment. */
public interface VariableContext {
    Map<String, VariableDefinitionContext> getEffectiveVariables();

    Iterable<VariableDefinitionContext> getPasswordVariables();
}
