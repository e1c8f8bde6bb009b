/*
 * COMPILE-ONLY STAND-IN for Bamboo 9.x com.atlassian.bamboo.collections.ActionParametersMap, written from Atlassian's
 * published javadoc (atlassian-bamboo 9.x). Only the members nbci uses, with the same
 * signatures. Never packaged: Bamboo provides the real type at run time (-Pbamboo compiles
 * against the real SDK).
 */
package com.atlassian.bamboo.collections;

import java.util.Map;

/** The submitted edit form of a task. */
public interface ActionParametersMap extends Map<String, Object> {
    String getString(String key);

    boolean getBoolean(String key);
}
