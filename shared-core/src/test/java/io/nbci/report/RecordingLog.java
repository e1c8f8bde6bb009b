package io.nbci.report;

import io.nbci.common.LogSink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A log sink that keeps every line with its level, for assertions. */
final class RecordingLog implements LogSink {
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    @Override
    public void error(String message) {
        lines.add("ERROR " + message);
    }

    @Override
    public void debug(String message) {
        lines.add("DEBUG " + message);
    }

    List<String> at(String level) {
        synchronized (lines) {
            return lines.stream().filter(l -> l.startsWith(level + " ")).toList();
        }
    }
}
