/*
 * COMPILE-ONLY STAND-IN for Bamboo 9.x com.atlassian.bamboo.configuration.ConfigurationMap, written from Atlassian's
 * published javadoc (atlassian-bamboo 9.x). Only the members nbci uses, with the same
 * signatures. Never packaged: Bamboo provides the real type at run time (-Pbamboo compiles
 * against the real SDK).
 */
package com.atlassian.bamboo.configuration;

import java.util.Map;

/** A task's stored configuration: string keys to string values. */
public interface ConfigurationMap extends Map<String, String> {
    boolean getAsBoolean(String key);
}
