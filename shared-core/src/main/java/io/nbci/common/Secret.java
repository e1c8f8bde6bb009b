package io.nbci.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Objects;

/**
 * A token, password or key that must never reach a log line, an exception message, a
 * report or an exported configuration. {@link #toString()} masks; only {@link #reveal()}
 * gives the value, and only code that sends it over the wire should call it.
 *
 * <pre>{@code
 * Secret token = Secret.fromEnvironment(System.getenv(), "GITHUB_TOKEN");
 * request.header("Authorization", "Bearer " + token.reveal());
 * }</pre>
 */
public final class Secret {
    public static final String MASK = "****";

    private final String value;
    private final String origin;

    private Secret(String value, String origin) {
        this.value = Objects.requireNonNull(value, "value");
        this.origin = origin;
    }

    public static Secret of(String value, String origin) {
        return new Secret(value, origin);
    }

    /** Reads a secret from an environment variable; names the variable when it is missing. */
    public static Secret fromEnvironment(Map<String, String> env, String variable) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            throw new NbciException(ExitCode.BAD_INPUT,
                    "environment variable " + variable + " is not set or empty; it should hold the secret");
        }
        return new Secret(value.strip(), "environment variable " + variable);
    }

    /** Reads a secret from a file (trailing newline removed); names the file when unreadable. */
    public static Secret fromFile(Path file) {
        try {
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new NbciException(ExitCode.BAD_INPUT, "secret file " + file + " is empty");
            }
            return new Secret(value, "file " + file);
        } catch (IOException e) {
            throw new NbciException(ExitCode.BAD_INPUT,
                    "cannot read secret file " + file + ": " + e.getClass().getSimpleName());
        }
    }

    /** The plain value. Call only where it is sent to the service that needs it. */
    public String reveal() {
        return value;
    }

    /** Where the secret came from (variable or file name), safe to print. */
    public String origin() {
        return origin;
    }

    /** Replaces every occurrence of this secret in {@code text} with the mask. */
    public String maskIn(String text) {
        if (text == null || value.isEmpty()) {
            return text;
        }
        return text.replace(value, MASK);
    }

    @Override
    public String toString() {
        return MASK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret
                && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                        ((Secret) o).value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
