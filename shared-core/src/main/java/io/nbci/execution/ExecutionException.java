package io.nbci.execution;

import io.nbci.common.ExitCode;
import io.nbci.common.NbciException;

/**
 * Root of the errors of running notebooks: a kernel that cannot be found or started
 * ({@link ExitCode#INFRASTRUCTURE}), a kernel that died, a cell or start that timed out
 * ({@link ExitCode#TIMEOUT}), bad parameters ({@link ExitCode#BAD_INPUT}).
 */
public class ExecutionException extends NbciException {
    private static final long serialVersionUID = 1L;

    public ExecutionException(ExitCode exitCode, String message) {
        super(exitCode, message);
    }

    public ExecutionException(ExitCode exitCode, String message, Throwable cause) {
        super(exitCode, message, cause);
    }

    static ExecutionException infrastructure(String message) {
        return new ExecutionException(ExitCode.INFRASTRUCTURE, message);
    }

    static ExecutionException badInput(String message) {
        return new ExecutionException(ExitCode.BAD_INPUT, message);
    }
}
