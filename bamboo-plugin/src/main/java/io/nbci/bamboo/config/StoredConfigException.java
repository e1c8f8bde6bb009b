package io.nbci.bamboo.config;

import io.nbci.common.ExitCode;
import io.nbci.common.NbciException;
import io.nbci.launch.LaunchConfigException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A task configuration the plugin cannot use; names the stored key (which is also the form
 * field), so configurators put the message next to the right field.
 */
public class StoredConfigException extends NbciException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final String problem;

    public StoredConfigException(String key, String problem) {
        super(ExitCode.BAD_INPUT, key + ": " + problem);
        this.key = key;
        this.problem = problem;
    }

    /** The configuration key (also the form field) that is wrong. */
    public String key() {
        return key;
    }

    /** What is wrong, without the key (for a message shown next to the field). */
    public String problem() {
        return problem;
    }

    /**
     * Runs a core config builder and re-labels its {@link LaunchConfigException} with this
     * task's key for the core's field name.
     */
    static <T> T translating(Map<String, String> fields, Supplier<T> build) {
        try {
            return build.get();
        } catch (LaunchConfigException e) {
            throw new StoredConfigException(fields.getOrDefault(e.field(), e.field()), e.problem());
        }
    }
}
