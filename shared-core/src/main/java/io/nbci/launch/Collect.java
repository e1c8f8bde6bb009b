package io.nbci.launch;

import java.util.Objects;

/**
 * A file (or glob of files, relative to the workspace) an nbci run leaves behind that the
 * host should pick up after the process ends: JUnit XML to the test-result publisher, the
 * rest as build artifacts.
 *
 * @param kind what it is, which decides where the host hands it
 * @param glob workspace-relative path or glob
 */
public record Collect(Kind kind, String glob) {

    /** What a collected file is. */
    public enum Kind {
        /** JUnit XML: the host's test-result publisher (Jenkins junit plugin, Bamboo test collation). */
        JUNIT,
        /** The nbci results JSON: archived, and read back for the summary line. */
        RESULTS,
        /** Executed notebooks: archived. */
        NOTEBOOK,
        /** The HTML report and its files: archived. */
        REPORT
    }

    public Collect {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(glob, "glob");
    }
}
