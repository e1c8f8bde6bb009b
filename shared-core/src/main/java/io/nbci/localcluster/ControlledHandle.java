package io.nbci.localcluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbci.results.MetricSample;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A cluster run by the nbci cluster runtime (in a child JVM or in a container), driven over the
 * runtime's control port: everything but liveness and stopping, which depend on where it runs.
 */
abstract class ControlledHandle implements ClusterHandle {

    private final ClusterEndpoints endpoints;
    protected final Path work;
    protected final boolean temporary;
    private final ControlClient control;
    protected volatile boolean stopped;

    ControlledHandle(ClusterEndpoints endpoints, Path work, boolean temporary, ControlClient control) {
        this.endpoints = endpoints;
        this.work = work;
        this.temporary = temporary;
        this.control = control;
    }

    @Override
    public ClusterEndpoints endpoints() {
        return endpoints;
    }

    @Override
    public Path workingFolder() {
        return work;
    }

    @Override
    public Duration reset() {
        long t0 = System.nanoTime();
        control.send("RESET", "", 120_000);
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    @Override
    public List<MetricSample> metrics(String glob) {
        JsonNode answer = control.send("METRICS", glob, 30_000);
        List<MetricSample> samples = new ArrayList<>();
        for (JsonNode metric : answer.path("metrics")) {
            samples.add(new MetricSample(metric.path("name").asText(), metric.path("value").asDouble(),
                    metric.path("timestamp").asLong()));
        }
        return List.copyOf(samples);
    }

    @Override
    public HiveResult hive(List<String> statements) {
        return HqlCodec.decode(control.send("HQL", HqlCodec.encode(statements), 600_000));
    }

    @Override
    public void clearMetrics() {
        control.send("CLEAR_METRICS", "", 30_000);
    }

    /** True when the runtime answers PING within five seconds. */
    protected boolean answersPing() {
        try {
            control.send("PING", "", 5000);
            return true;
        } catch (ClusterException e) {
            return false;
        }
    }

    /** Asks the runtime to stop its services and exit; a runtime that does not answer is left to the caller. */
    protected void requestStop() {
        try {
            control.send("STOP", "", 10_000);
        } catch (ClusterException e) {
            // not answering: the caller ends it by force
        }
    }
}
