package io.nbci.status;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the command the gate wraps and returns its exit code. The command line uses
 * {@link ProcessCommandRunner} (the child inherits stdin, stdout and stderr); a CI adapter
 * may run it through its host's launcher instead.
 */
public interface CommandRunner {

    /** @throws IOException when the command cannot be started (not found, not executable) */
    int run(List<String> command, Path workingDirectory) throws IOException, InterruptedException;
}
