package io.nbci.localcluster;

import java.time.Duration;

/**
 * How a {@link ContainerJob} ended.
 *
 * @param exitCode  the job's exit status (137 when killed, e.g. out of memory or timed out)
 * @param output    stdout and stderr, interleaved as written
 * @param oomKilled true when the kernel killed it for exceeding its memory limit
 * @param timedOut  true when nbci killed it at its timeout
 * @param took      from start to exit
 */
public record JobResult(int exitCode, String output, boolean oomKilled, boolean timedOut, Duration took) {

    public boolean succeeded() {
        return exitCode == 0 && !oomKilled && !timedOut;
    }

    /** One line for a report: "exit 0 in 1.2 s", "killed: out of memory (limit 64 MB)". */
    public String describe(ContainerJob job) {
        if (oomKilled) {
            return "killed: out of memory (container limit " + job.memoryBytes() / (1 << 20) + " MB), exit " + exitCode;
        }
        if (timedOut) {
            return "killed after the timeout of " + job.timeout().toSeconds() + " s";
        }
        return "exit " + exitCode + " in " + took.toMillis() / 1000.0 + " s";
    }
}
