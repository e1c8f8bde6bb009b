package io.nbci.bamboo.agent;

import com.atlassian.bamboo.build.logger.BuildLogger;
import io.nbci.common.LogSink;

/**
 * Routes the core's log to Bamboo's build log: info to build entries, warnings and errors to
 * error entries (which Bamboo also lists on the result summary). Wrap it in a
 * {@link io.nbci.common.MaskingLogSink} so secrets never reach the log.
 */
public final class BuildLogSink implements LogSink {
    private final BuildLogger logger;

    public BuildLogSink(BuildLogger logger) {
        this.logger = logger;
    }

    @Override
    public void info(String message) {
        logger.addBuildLogEntry(message);
    }

    @Override
    public void warn(String message) {
        logger.addErrorLogEntry("WARNING: " + message);
    }

    @Override
    public void error(String message) {
        logger.addErrorLogEntry(message);
    }
}
