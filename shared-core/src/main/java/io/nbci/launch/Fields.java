package io.nbci.launch;

import java.util.ArrayList;
import java.util.List;

/** Small helpers the config builders share: blank means "not set". */
final class Fields {
    private Fields() {
    }

    static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static Integer number(String field, String value, Check check) {
        check.orThrow(field);
        return trim(value) == null ? null : Integer.valueOf(value.strip());
    }

    static String orDefault(String value, String fallback) {
        String trimmed = trim(value);
        return trimmed == null ? fallback : trimmed;
    }

    /** Adds {@code flag value} to a command line when the value is set. */
    static void option(List<String> args, String flag, Object value) {
        if (value != null) {
            args.add(flag);
            args.add(String.valueOf(value));
        }
    }

    /** A list typed into one field: items separated by commas or new lines, stripped, blank ones dropped. */
    static List<String> list(String text) {
        List<String> items = new ArrayList<>();
        if (text != null) {
            for (String item : text.split("[,\\n\\r]+")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        return items;
    }

    /** Joins a workspace-relative folder and a file name with '/', the way the agent's paths are written. */
    static String join(String folder, String name) {
        return folder.endsWith("/") ? folder + name : folder + "/" + name;
    }
}
