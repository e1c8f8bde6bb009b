/*
 * COMPILE-ONLY STAND-IN for Bamboo 9.x com.atlassian.bamboo.configuration.ConfigurationMapImpl, written from Atlassian's
 * published javadoc (atlassian-bamboo 9.x). Only the members nbci uses, with the same
 * signatures. Never packaged: Bamboo provides the real type at run time (-Pbamboo compiles
 * against the real SDK).
 */
package com.atlassian.bamboo.configuration;

import java.util.HashMap;
import java.util.Map;

/** The ordinary configuration map. */
public class ConfigurationMapImpl extends HashMap<String, String> implements ConfigurationMap {
    private static final long serialVersionUID = 1L;

    public ConfigurationMapImpl() {
    }

    public ConfigurationMapImpl(Map<String, String> map) {
        super(map);
    }

    @Override
    public boolean getAsBoolean(String key) {
        return Boolean.parseBoolean(get(key));
    }
}
