package io.nbci.bamboo.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task's stored configuration, read through typed accessors. Bamboo keeps one flat map of
 * strings per task (in the plan, in exported Specs, in deployment environments); this class is
 * the only place that map is read or written, so its keys stay one set.
 *
 * <p>Keys are versioned: every map the plugin writes carries {@link #VERSION_KEY}. A map
 * without it (a form submission, or Specs written by hand) is read as the current version; a
 * map written by a newer plugin is refused with a message naming the key, rather than silently
 * losing settings. When a key's meaning changes, the version goes up and {@link #read} migrates
 * older maps; version 1 is the first.
 *
 * <pre>{@code
 * StoredConfig stored = StoredConfig.read(taskContext.getConfigurationMap());
 * String notebooks = stored.text(NotebooksTaskConfig.NOTEBOOKS);
 * }</pre>
 */
public final class StoredConfig {
    /** The key holding the version of the key set a map was written with. */
    public static final String VERSION_KEY = "nbciConfigVersion";
    /** The version this plugin writes. */
    public static final int CURRENT_VERSION = 1;

    private final Map<String, String> values;

    private StoredConfig(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Reads a stored map, or a submitted form (whose values may be {@code String[]}).
     *
     * @throws StoredConfigException when the map was written by a newer plugin or its version is not a number
     */
    public static StoredConfig read(Map<String, ?> raw) {
        Map<String, String> values = new LinkedHashMap<>();
        raw.forEach((key, value) -> values.put(key, textOf(value)));
        String version = values.get(VERSION_KEY);
        if (version != null && !version.isBlank()) {
            int found;
            try {
                found = Integer.parseInt(version.strip());
            } catch (NumberFormatException e) {
                throw new StoredConfigException(VERSION_KEY, "expected a whole number, found \"" + version + "\"");
            }
            if (found > CURRENT_VERSION || found < 1) {
                throw new StoredConfigException(VERSION_KEY, "expected version 1 to " + CURRENT_VERSION + ", found "
                        + found + ": this task was saved by " + (found < 1 ? "a broken export" : "a newer nbci plugin")
                        + "; install that plugin version (or newer) on this Bamboo server and agent");
            }
        }
        return new StoredConfig(values);
    }

    /** A stored or submitted value as text: the first of a {@code String[]}, empty for none. */
    public static String textOf(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String[]) {
            String[] array = (String[]) value;
            return array.length == 0 || array[0] == null ? "" : array[0];
        }
        return value.toString();
    }

    /** The value, stripped; empty when absent. */
    public String text(String key) {
        String value = values.get(key);
        return value == null ? "" : value.strip();
    }

    /** The value, or {@code fallback} when absent or blank. */
    public String text(String key, String fallback) {
        String value = text(key);
        return value.isEmpty() ? fallback : value;
    }

    /** The non-blank lines of a multi-line value, each stripped. */
    public List<String> lines(String key) {
        List<String> lines = new ArrayList<>();
        for (String line : text(key).split("\\R")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return Collections.unmodifiableList(lines);
    }

    /** A check box: {@code true} only for "true" (what Bamboo's forms submit when ticked). */
    public boolean flag(String key) {
        return Boolean.parseBoolean(text(key));
    }

    /** Starts a map in the current version; keys are written in the order given. */
    public static Writer writer() {
        return new Writer();
    }

    /** Writes a stored map: the version first, then the task's keys. */
    public static final class Writer {
        private final Map<String, String> map = new LinkedHashMap<>();

        private Writer() {
            map.put(VERSION_KEY, Integer.toString(CURRENT_VERSION));
        }

        public Writer text(String key, String value) {
            map.put(key, value == null ? "" : value.strip());
            return this;
        }

        public Writer lines(String key, List<String> lines) {
            map.put(key, String.join("\n", lines));
            return this;
        }

        public Writer flag(String key, boolean value) {
            map.put(key, Boolean.toString(value));
            return this;
        }

        public Map<String, String> build() {
            return Collections.unmodifiableMap(new LinkedHashMap<>(map));
        }
    }
}
