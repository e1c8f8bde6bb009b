package io.nbci.status;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * nbci's provider-neutral commit states. Each {@link StatusProvider} maps them to its own
 * words (GitHub {@code failure}, Bitbucket {@code FAILED}, GitLab {@code failed}, ...).
 */
public enum StatusState {
    /** The work has started and has no outcome yet. */
    PENDING,
    /** The work ran and passed. */
    SUCCESS,
    /** The work ran and failed (a test failed, a cell raised). */
    FAILURE,
    /** The work could not run (infrastructure, bad configuration). */
    ERROR;

    /** The lower-case name used on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code pending|success|failure|error} (any case); names the accepted words when wrong. */
    public static StatusState parse(String text) {
        for (StatusState state : values()) {
            if (state.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return state;
            }
        }
        throw StatusException.badInput("state '" + text + "' is not one of "
                + Arrays.stream(values()).map(StatusState::cliName).collect(Collectors.joining("|")));
    }
}
