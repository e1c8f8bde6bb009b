package io.nbci.notebook;

import io.nbci.common.ExitCode;
import io.nbci.common.NbciException;

/**
 * A notebook or paired script that cannot be read, validated, converted or written.
 * The message names the file and, where known, the line and column (malformed JSON) or
 * the cell index and field (invalid content).
 */
public class NotebookException extends NbciException {
    private static final long serialVersionUID = 1L;

    public NotebookException(String message) {
        super(ExitCode.BAD_INPUT, message);
    }

    public NotebookException(String message, Throwable cause) {
        super(ExitCode.BAD_INPUT, message, cause);
    }
}
