package io.nbci.launch;

import java.util.Objects;

/**
 * The answer of a {@link Validation} rule, free of host types: the Jenkins adapter turns it
 * into a {@code FormValidation}, the Bamboo adapter into an error-collection entry.
 *
 * @param level   OK, WARNING or ERROR
 * @param message what is wrong and what is expected; empty when OK
 */
public record Check(Level level, String message) {

    /** How bad a field's value is. */
    public enum Level { OK, WARNING, ERROR }

    private static final Check OK = new Check(Level.OK, "");

    public Check {
        Objects.requireNonNull(level, "level");
        message = message == null ? "" : message;
    }

    public static Check ok() {
        return OK;
    }

    public static Check warning(String message) {
        return new Check(Level.WARNING, message);
    }

    public static Check error(String message) {
        return new Check(Level.ERROR, message);
    }

    public boolean isError() {
        return level == Level.ERROR;
    }

    /** Throws {@link LaunchConfigException} naming {@code field} when this is an error; returns itself otherwise. */
    public Check orThrow(String field) {
        if (isError()) {
            throw new LaunchConfigException(field, message);
        }
        return this;
    }
}
