package io.nbci.cli;

import io.nbci.common.LogSink;
import picocli.CommandLine.Option;

/** Options every subcommand takes (mixed in with {@code @Mixin}). */
public final class GlobalOptions {

    @Option(names = {"-v", "--verbose"}, description = "Show debug lines and stack traces of errors.")
    boolean verbose;

    LogSink log() {
        return new ConsoleLogSink(System.out, System.err, verbose);
    }
}
