package io.nbci.common;

/**
 * Where the core reports progress. The core never prints to stdout: the command line
 * routes this to the console, the Jenkins adapter to the build's TaskListener, the
 * Bamboo adapter to the BuildLogger.
 */
public interface LogSink {

    void info(String message);

    void warn(String message);

    void error(String message);

    /** Detail shown only with --verbose. */
    default void debug(String message) {
    }

    /** A sink that drops everything, for callers that do not care. */
    static LogSink silent() {
        return new LogSink() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
            }

            @Override
            public void error(String message) {
            }
        };
    }
}
