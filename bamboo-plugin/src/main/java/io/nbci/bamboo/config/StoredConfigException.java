package io.nbci.bamboo.config;

import io.nbci.common.ExitCode;
import io.nbci.common.NbciException;

/** A stored task configuration the plugin cannot read; names the key that is wrong. */
public class StoredConfigException extends NbciException {
    private static final long serialVersionUID = 1L;

    private final String key;

    public StoredConfigException(String key, String message) {
        super(ExitCode.BAD_INPUT, key + ": " + message);
        this.key = key;
    }

    /** The configuration key (also the form field) that is wrong. */
    public String key() {
        return key;
    }
}
