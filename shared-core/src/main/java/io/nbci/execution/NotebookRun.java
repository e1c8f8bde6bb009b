package io.nbci.execution;

import io.nbci.common.ExitCode;
import io.nbci.results.SuiteResult;
import java.nio.file.Path;

/**
 * The outcome of running one notebook.
 *
 * @param exitCode 0 passed (also after sys.exit(0)), 1 a cell raised, 2 bad input, 3 kernel died or did not start, 4 timeout
 * @param suite    one case per code cell, for JUnit and the results file
 * @param output   the executed notebook that was written, or null when the input could not be read
 * @param message  one line for the log: what failed and where, or "passed"
 */
public record NotebookRun(ExitCode exitCode, SuiteResult suite, Path output, String message) {
}
