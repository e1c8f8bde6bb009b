package io.nbci.config;

import io.nbci.common.ExitCode;
import io.nbci.common.NbciException;

/**
 * A configuration, scenario or target file that cannot be used. The message always
 * starts with {@code file:line:column} and names the key path, e.g.
 * {@code nbci-deploy.yaml:7:5: targets.prod.retention: expected a whole number >= 1, found "many"}.
 */
public class ConfigException extends NbciException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String key;

    public ConfigException(String file, int line, int column, String key, String message) {
        super(ExitCode.BAD_INPUT, format(file, line, column, key, message));
        this.file = file;
        this.line = line;
        this.key = key;
    }

    private static String format(String file, int line, int column, String key, String message) {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        text.append(": ");
        if (key != null && !key.isEmpty()) {
            text.append(key).append(": ");
        }
        return text.append(message).toString();
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String key() {
        return key;
    }
}
