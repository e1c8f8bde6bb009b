package io.nbci.jenkins;

import hudson.model.Result;
import io.nbci.launch.Outcome;

/** Translates between the core's host-neutral results and Jenkins' {@link Result}; decides nothing itself. */
final class BuildResults {
    private BuildResults() {
    }

    /** The Jenkins result for an nbci outcome: infrastructure errors and timeouts fail the build. */
    static Result toJenkins(Outcome.Result result) {
        switch (result) {
            case SUCCESS:
                return Result.SUCCESS;
            case UNSTABLE:
                return Result.UNSTABLE;
            case ABORTED:
                return Result.ABORTED;
            case FAILURE:
            case INFRASTRUCTURE:
            case TIMEOUT:
                return Result.FAILURE;
            default:
                throw new IllegalStateException(result.name());
        }
    }

    /** The host-neutral result of a build (or block) that ended with {@code result}; null means still successful. */
    static Outcome.Result fromJenkins(Result result) {
        if (result == null || result == Result.SUCCESS) {
            return Outcome.Result.SUCCESS;
        }
        if (result == Result.UNSTABLE) {
            return Outcome.Result.UNSTABLE;
        }
        if (result == Result.ABORTED || result == Result.NOT_BUILT) {
            return Outcome.Result.ABORTED;
        }
        return Outcome.Result.FAILURE;
    }
}
