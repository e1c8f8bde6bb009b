package io.nbci.status;

import io.nbci.results.RunResults;
import io.nbci.results.Status;

/**
 * Test totals sent with a status where the provider has a field for them (Bitbucket Data
 * Center's {@code testResults}) and summarised in the description everywhere.
 *
 * @param successful cases that passed
 * @param failed     cases that failed or errored
 * @param skipped    cases that were skipped
 */
public record TestCounts(long successful, long failed, long skipped) {

    public TestCounts {
        if (successful < 0 || failed < 0 || skipped < 0) {
            throw new IllegalArgumentException("test counts must not be negative: " + successful + "/" + failed
                    + "/" + skipped);
        }
    }

    public static TestCounts of(RunResults results) {
        return new TestCounts(results.count(Status.PASSED), results.count(Status.FAILED) + results.count(Status.ERROR),
                results.count(Status.SKIPPED));
    }

    public long total() {
        return successful + failed + skipped;
    }
}
