package io.nbci.common;

/**
 * Root of every exception nbci raises on purpose. Each capability has its own subclass
 * (notebook, config, execution, cluster, deploy, status) and each instance carries the
 * exit code the command line ends with, so the message a user reads and the code a CI
 * host maps to a result always agree.
 *
 * <p>Messages say what was expected, what was found and where (file, line, cell, path).
 * They never contain a secret: values of type {@link Secret} print masked.
 */
public class NbciException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;

    public NbciException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public NbciException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
