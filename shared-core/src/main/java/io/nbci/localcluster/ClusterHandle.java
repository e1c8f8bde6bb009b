package io.nbci.localcluster;

import io.nbci.results.MetricSample;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/** A running cluster as its backend sees it: endpoints, reset, captured metrics, stop. */
public interface ClusterHandle {

    ClusterEndpoints endpoints();

    /** The folder holding the generated client configuration and the logs. */
    Path workingFolder();

    /** Returns the cluster to empty (non-default databases, HDFS content, metrics); returns the time it took. */
    Duration reset();

    /** Metrics the Graphite sink received whose path matches a Graphite glob, in arrival order. */
    List<MetricSample> metrics(String glob);

    /**
     * Runs HQL statements in order on the cluster's HiveServer2 (one session, so {@code USE db}
     * carries over) and returns the rows of the last statement that returned rows.
     *
     * @throws ClusterException naming the failing statement and Hive's message
     */
    HiveResult hive(List<String> statements);

    /** Forgets every captured metric. */
    void clearMetrics();

    boolean isRunning();

    /** The operating-system process that runs the services, when there is one on this machine. */
    OptionalLong pid();

    /** Stops every service and waits until its process, ports and temporary folder are gone. Idempotent. */
    void stop();
}
