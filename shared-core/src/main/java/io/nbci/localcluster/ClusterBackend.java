package io.nbci.localcluster;

import io.nbci.common.LogSink;

/**
 * Where a {@link LocalCluster}'s services run. {@link EmbeddedBackend} runs them in a child JVM
 * on this machine; a container backend and an external (existing cluster) backend implement the
 * same contract, and every backend passes the same abstract contract test.
 */
public interface ClusterBackend {

    /** A short name for messages and the command line ("embedded", "docker", ...). */
    String name();

    /**
     * Starts the services of {@code spec} and returns once every one is ready.
     *
     * @throws ClusterException naming the service, its port and the last log lines when one fails,
     *                          with exit code TIMEOUT when {@code spec.startupTimeout()} passes
     */
    ClusterHandle start(ClusterSpec spec, LogSink log);

    /**
     * The HDFS folder scenarios may write to and clean up: "/" for a cluster nbci owns, a
     * scratch prefix for someone else's (external) cluster, outside which nbci must not write,
     * list or delete.
     */
    default String hdfsScratchRoot() {
        return "/";
    }
}
