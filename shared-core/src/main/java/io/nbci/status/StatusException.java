package io.nbci.status;

import io.nbci.common.ExitCode;
import io.nbci.common.NbciException;

/**
 * Root of the errors of the commit-status capability. A status that could not be posted is
 * an {@link ExitCode#INFRASTRUCTURE} error (exit code 3); a bad flag or repository name is
 * {@link ExitCode#BAD_INPUT}. Messages never contain a token: every text that came from a
 * server is masked with the token before it is put in a message.
 */
public class StatusException extends NbciException {
    private static final long serialVersionUID = 1L;

    public StatusException(ExitCode exitCode, String message) {
        super(exitCode, message);
    }

    public StatusException(ExitCode exitCode, String message, Throwable cause) {
        super(exitCode, message, cause);
    }

    static StatusException badInput(String message) {
        return new StatusException(ExitCode.BAD_INPUT, message);
    }

    static StatusException notPosted(String message) {
        return new StatusException(ExitCode.INFRASTRUCTURE, "commit status NOT posted: " + message);
    }
}
