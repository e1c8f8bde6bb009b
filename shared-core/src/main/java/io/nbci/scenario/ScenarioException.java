package io.nbci.scenario;

import io.nbci.common.ExitCode;
import io.nbci.common.NbciException;

/** A scenario that cannot be set up or run: a fixture that fails to load, a run that cannot start. */
public class ScenarioException extends NbciException {
    private static final long serialVersionUID = 1L;

    public ScenarioException(ExitCode exitCode, String message) {
        super(exitCode, message);
    }

    public ScenarioException(ExitCode exitCode, String message, Throwable cause) {
        super(exitCode, message, cause);
    }
}
