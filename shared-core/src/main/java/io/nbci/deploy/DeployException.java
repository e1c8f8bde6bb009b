package io.nbci.deploy;

import io.nbci.common.ExitCode;
import io.nbci.common.NbciException;

/**
 * Root of every deliberate deploy error. The exit code says whose problem it is:
 * {@link ExitCode#BAD_INPUT} for a bad target, source or version, {@link ExitCode#INFRASTRUCTURE}
 * for an unreachable or busy target, {@link ExitCode#FAILED} for a failed verification.
 */
public class DeployException extends NbciException {
    private static final long serialVersionUID = 1L;

    public DeployException(ExitCode exitCode, String message) {
        super(exitCode, message);
    }

    public DeployException(ExitCode exitCode, String message, Throwable cause) {
        super(exitCode, message, cause);
    }
}
