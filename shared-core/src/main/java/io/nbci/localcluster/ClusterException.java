package io.nbci.localcluster;

import io.nbci.common.ExitCode;
import io.nbci.common.NbciException;

/**
 * The local cluster could not be configured, started, reached or stopped. Messages name the
 * service, the port and, for a failed start, the last lines of the service log.
 */
public class ClusterException extends NbciException {
    private static final long serialVersionUID = 1L;

    public ClusterException(String message) {
        super(ExitCode.INFRASTRUCTURE, message);
    }

    public ClusterException(ExitCode exitCode, String message) {
        super(exitCode, message);
    }

    public ClusterException(String message, Throwable cause) {
        super(ExitCode.INFRASTRUCTURE, message, cause);
    }
}
