package io.nbci.execution;

/** Receives the iopub messages of one execute_request as they arrive (stream, display_data, error, ...). */
@FunctionalInterface
public interface ExecutionListener {
    void onMessage(Message message);
}
