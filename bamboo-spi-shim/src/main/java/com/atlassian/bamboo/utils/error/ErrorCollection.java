/*
 * COMPILE-ONLY STAND-IN for Bamboo 9.x com.atlassian.bamboo.utils.error.ErrorCollection, written from Atlassian's
 * published javadoc (atlassian-bamboo 9.x). Only the members nbci uses, with the same
 * signatures. Never packaged: Bamboo provides the real type at run time (-Pbamboo compiles
 * against the real SDK).
 */
package com.atlassian.bamboo.utils.error;

import java.util.Collection;
import java.util.Map;

/** Validation errors of a form: per field, and general ones. */
public interface ErrorCollection {
    void addError(String field, String message);

    String addErrorMessage(String message);

    boolean hasAnyErrors();

    Map<String, String> getErrors();

    Collection<String> getErrorMessages();
}
