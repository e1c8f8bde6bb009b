/*
 * COMPILE-ONLY STAND-IN for Bamboo 9.x com.atlassian.bamboo.collections.SimpleActionParametersMap, written from Atlassian's
 * published javadoc (atlassian-bamboo 9.x). Only the members nbci uses, with the same
 * signatures. Never packaged: Bamboo provides the real type at run time (-Pbamboo compiles
 * against the real SDK).
 */
package com.atlassian.bamboo.collections;

import java.util.HashMap;
import java.util.Map;

/** The ordinary parameters map (used by tests to stand for a submitted form). */
public class SimpleActionParametersMap extends HashMap<String, Object> implements ActionParametersMap {
    private static final long serialVersionUID = 1L;

    public SimpleActionParametersMap(Map<String, ?> parameters) {
        super(parameters);
    }

    @Override
    public String getString(String key) {
        Object value = get(key);
        if (value instanceof String[]) {
            String[] values = (String[]) value;
            return values.length == 0 ? null : values[0];
        }
        return value == null ? null : value.toString();
    }

    @Override
    public boolean getBoolean(String key) {
        return Boolean.parseBoolean(getString(key));
    }
}
