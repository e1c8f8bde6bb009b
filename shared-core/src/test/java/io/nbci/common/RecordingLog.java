package io.nbci.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A log sink that keeps every line with its level, for assertions (thread-safe). */
public final class RecordingLog implements LogSink {
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

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

    /** Every line so far, each as {@code LEVEL message}. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The messages logged at {@code level} (INFO, WARN, ERROR, DEBUG), without the level. */
    public List<String> at(String level) {
        return lines().stream().filter(l -> l.startsWith(level + " ")).map(l -> l.substring(level.length() + 1))
                .toList();
    }

    /** Every message below DEBUG, without levels. */
    public List<String> messages() {
        return lines().stream().filter(l -> !l.startsWith("DEBUG ")).map(l -> l.substring(l.indexOf(' ') + 1))
                .toList();
    }
}
