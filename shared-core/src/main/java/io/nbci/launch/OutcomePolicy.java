package io.nbci.launch;

/**
 * The one host choice about results: whether exit code 1 (the work ran and failed: a cell
 * raised, an assertion failed) marks the build unstable instead of failed.
 *
 * @param unstableOnFailure exit code 1 gives {@link Outcome.Result#UNSTABLE}
 */
public record OutcomePolicy(boolean unstableOnFailure) {
    public static final OutcomePolicy FAIL = new OutcomePolicy(false);
    public static final OutcomePolicy UNSTABLE = new OutcomePolicy(true);
}
