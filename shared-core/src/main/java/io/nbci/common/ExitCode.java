package io.nbci.common;

/**
 * The one set of exit codes every nbci command uses, and that the Jenkins and Bamboo
 * adapters map to build results.
 *
 * <pre>
 *   0 OK              success
 *   1 FAILED          the work ran and failed: a cell raised, an assertion failed, a check found differences
 *   2 BAD_INPUT       bad usage or bad input: unknown flag, invalid notebook, config or scenario (nothing run)
 *   3 INFRASTRUCTURE  kernel died or could not start, cluster failed to start, HDFS or a status API unreachable
 *   4 TIMEOUT         a cell, step or service did not finish in time
 * </pre>
 */
public enum ExitCode {
    OK(0, "success"),
    FAILED(1, "the work ran and failed"),
    BAD_INPUT(2, "bad usage or bad input"),
    INFRASTRUCTURE(3, "infrastructure error"),
    TIMEOUT(4, "timeout");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** The more severe of two outcomes, for commands that aggregate several runs. */
    public ExitCode worst(ExitCode other) {
        return severity() >= other.severity() ? this : other;
    }

    private int severity() {
        switch (this) {
            case OK: return 0;
            case FAILED: return 1;
            case TIMEOUT: return 2;
            case BAD_INPUT: return 3;
            case INFRASTRUCTURE: return 4;
            default: throw new IllegalStateException(name());
        }
    }

    public static ExitCode of(int code) {
        for (ExitCode exitCode : values()) {
            if (exitCode.code == code) {
                return exitCode;
            }
        }
        throw new IllegalArgumentException("not an nbci exit code: " + code);
    }
}
