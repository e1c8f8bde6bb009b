package io.nbci.bamboo.testing;

import com.atlassian.bamboo.build.logger.BuildLogger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A build log that keeps every line, error lines prefixed with "ERROR ". */
public final class RecordingBuildLogger implements BuildLogger {
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Override
    public String addBuildLogEntry(String logString) {
        lines.add(logString);
        return logString;
    }

    @Override
    public String addErrorLogEntry(String logString) {
        lines.add("ERROR " + logString);
        return logString;
    }

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    public String text() {
        return String.join("\n", lines());
    }
}
