/*
 * COMPILE-ONLY STAND-IN for Bamboo 9.x com.atlassian.bamboo.utils.error.SimpleErrorCollection, written from Atlassian's
 * published javadoc (atlassian-bamboo 9.x). Only the members nbci uses, with the same
 * signatures. Never packaged: Bamboo provides the real type at run time (-Pbamboo compiles
 * against the real SDK).
 */
package com.atlassian.bamboo.utils.error;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ordinary error collection. */
public class SimpleErrorCollection implements ErrorCollection {
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final List<String> messages = new ArrayList<>();

    @Override
    public void addError(String field, String message) {
        errors.put(field, message);
    }

    @Override
    public String addErrorMessage(String message) {
        messages.add(message);
        return message;
    }

    @Override
    public boolean hasAnyErrors() {
        return !errors.isEmpty() || !messages.isEmpty();
    }

    @Override
    public Map<String, String> getErrors() {
        return errors;
    }

    @Override
    public Collection<String> getErrorMessages() {
        return messages;
    }
}
