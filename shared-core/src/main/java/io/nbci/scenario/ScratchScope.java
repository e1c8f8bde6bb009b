package io.nbci.scenario;

import io.nbci.common.ExitCode;
import java.util.ArrayList;
import java.util.List;

/**
 * The HDFS folder a scenario may touch. On a cluster nbci owns it is "/"; on an external cluster
 * it is the scratch prefix, and a scenario whose HDFS fixtures, table locations or HDFS
 * expectations point elsewhere is refused before anything runs, naming the file and line.
 */
final class ScratchScope {
    private final String root;

    ScratchScope(String root) {
        String trimmed = root == null || root.isBlank() ? "/" : root.strip();
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (!trimmed.startsWith("/")) {
            throw new IllegalArgumentException("scratch root must be an absolute HDFS path, found " + root);
        }
        this.root = trimmed;
    }

    String root() {
        return root;
    }

    boolean isWholeCluster() {
        return "/".equals(root);
    }

    /** Where fixture rows are staged before LOAD DATA: below the scratch root on an external cluster. */
    String stagingFolder() {
        return isWholeCluster() ? "/tmp/nbci-fixtures" : root + "/.nbci-fixtures";
    }

    boolean contains(String path) {
        if (isWholeCluster()) {
            return true;
        }
        String normalized = new org.apache.hadoop.fs.Path(path).toUri().getPath();
        return normalized.equals(root) || normalized.startsWith(root + "/");
    }

    /**
     * @throws ScenarioException (bad input) listing every HDFS path of the scenario outside the root
     */
    void requireInside(Scenario scenario) {
        if (isWholeCluster()) {
            return;
        }
        List<String> outside = new ArrayList<>();
        for (Fixture fixture : scenario.fixtures()) {
            if (fixture instanceof Fixture.HdfsPath hdfs && !contains(hdfs.path())) {
                outside.add(fixture.origin() + ": HDFS fixture " + hdfs.path());
            }
            if (fixture instanceof Fixture.HiveTable table && table.location() != null
                    && !contains(table.location())) {
                outside.add(fixture.origin() + ": table location " + table.location());
            }
        }
        for (Expectation expectation : scenario.expectations()) {
            if (expectation instanceof Expectation.HdfsPathState hdfs && !contains(hdfs.path())) {
                outside.add(expectation.origin() + ": HDFS expectation " + hdfs.path());
            }
        }
        if (!outside.isEmpty()) {
            throw new ScenarioException(ExitCode.BAD_INPUT, "on this external cluster scenarios may only use HDFS"
                    + " paths below the scratch prefix " + root + " (--scratch-prefix); found "
                    + String.join("; ", outside));
        }
    }
}
