package io.nbci.status;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Runs a command as a child process that inherits nbci's stdin, stdout and stderr. */
public final class ProcessCommandRunner implements CommandRunner {

    @Override
    public int run(List<String> command, Path workingDirectory) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).inheritIO().start();
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            throw e;
        }
    }
}
