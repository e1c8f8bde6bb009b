package io.nbci.cli;

import io.nbci.common.LogSink;
import java.io.PrintStream;

/** The command line's log sink: info to stdout, warnings and errors to stderr, debug only with --verbose. */
final class ConsoleLogSink implements LogSink {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean verbose;

    ConsoleLogSink(PrintStream out, PrintStream err, boolean verbose) {
        this.out = out;
        this.err = err;
        this.verbose = verbose;
    }

    @Override
    public void info(String message) {
        out.println(message);
        out.flush();
    }

    @Override
    public void warn(String message) {
        err.println("WARNING: " + message);
        err.flush();
    }

    @Override
    public void error(String message) {
        err.println("ERROR: " + message);
        err.flush();
    }

    @Override
    public void debug(String message) {
        if (verbose) {
            err.println("DEBUG: " + message);
            err.flush();
        }
    }
}
