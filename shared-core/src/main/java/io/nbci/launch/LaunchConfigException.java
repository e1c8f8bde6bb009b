package io.nbci.launch;

import io.nbci.common.ExitCode;
import io.nbci.common.NbciException;

/**
 * A plugin step's configuration that cannot be turned into an nbci invocation. The
 * message names the field, what was expected and what was found, e.g.
 * {@code cellTimeout: expected a whole number of seconds between 1 and 604800, found "-3"}.
 */
public class LaunchConfigException extends NbciException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    public LaunchConfigException(String field, String message) {
        super(ExitCode.BAD_INPUT, field + ": " + message);
        this.field = field;
        this.problem = message;
    }

    /** The configuration field that is wrong, as the form names it. */
    public String field() {
        return field;
    }

    /** What is wrong, without the field's name (for a message shown next to the field). */
    public String problem() {
        return problem;
    }
}
