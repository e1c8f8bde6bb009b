package io.nbci.results;

/** Outcome of one case. ERROR is an infrastructure or timeout problem, FAILED a failed check or raised cell. */
public enum Status {
    PASSED, FAILED, ERROR, SKIPPED
}
