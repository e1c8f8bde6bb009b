package io.nbci.execution;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How one execute_request ended.
 *
 * @param outcome        what happened
 * @param executionCount the kernel's execution count, or null
 * @param reply          the execute_reply content, or null when none came (timeout, death)
 * @param wallNanos      nbci's wall time from sending the request to the end (reply and idle received)
 * @param timestamps     the kernel's and nbci's timestamps, as nbclient records them in cell metadata
 */
public record ExecuteResult(Outcome outcome, Integer executionCount, JsonNode reply, long wallNanos,
        Timestamps timestamps) {

    /** The end of one execution. */
    public enum Outcome {
        /** execute_reply status ok. */
        OK,
        /** the code raised (execute_reply status error). */
        ERROR,
        /** the kernel aborted the request (an earlier one failed). */
        ABORTED,
        /** the per-cell timeout passed; the kernel was interrupted, and killed if it did not stop. */
        TIMEOUT,
        /** the kernel process exited or stopped answering the heartbeat. */
        DIED
    }

    /**
     * Timestamps in ISO-8601 as the kernel wrote them (null when the message never came).
     *
     * @param busy         iopub status busy (kernel)
     * @param executeInput iopub execute_input (kernel)
     * @param reply        shell execute_reply (kernel)
     * @param idle         iopub status idle (kernel)
     */
    public record Timestamps(String busy, String executeInput, String reply, String idle) {
    }
}
