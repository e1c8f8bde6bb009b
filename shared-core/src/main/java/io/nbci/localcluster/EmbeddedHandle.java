package io.nbci.localcluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbci.results.MetricSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/** A cluster running in a child JVM, driven over the launcher's control port. */
final class EmbeddedHandle implements ClusterHandle {

    private final ClusterEndpoints endpoints;
    private final Path work;
    private final boolean temporary;
    private final ControlClient control;
    private final ProcessHandle process;
    /** Kept (when we started it) so its stdin pipe stays open: the child stops when that pipe closes. */
    @SuppressWarnings("unused")
    private final Process child;
    private volatile boolean stopped;

    EmbeddedHandle(ClusterEndpoints endpoints, Path work, boolean temporary, ControlClient control,
            ProcessHandle process, Process child) {
        this.endpoints = endpoints;
        this.work = work;
        this.temporary = temporary;
        this.control = control;
        this.process = process;
        this.child = child;
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

    @Override
    public boolean isRunning() {
        if (stopped || process == null || !process.isAlive()) {
            return false;
        }
        try {
            control.send("PING", "", 5000);
            return true;
        } catch (ClusterException e) {
            return false;
        }
    }

    @Override
    public OptionalLong pid() {
        return process == null ? OptionalLong.empty() : OptionalLong.of(process.pid());
    }

    @Override
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (process != null && process.isAlive()) {
            try {
                control.send("STOP", "", 10_000);
            } catch (ClusterException e) {
                // not answering: ended below by force
            }
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
                try {
                    process.onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception again) {
                    throw new ClusterException("the cluster service JVM (pid " + process.pid()
                            + ") did not end after STOP and a forced kill");
                }
            }
        }
        if (temporary) {
            FileTrees.delete(work);
        } else {
            try {
                Files.deleteIfExists(work.resolve("ready.json"));
            } catch (java.io.IOException e) {
                throw new ClusterException("cannot delete " + work.resolve("ready.json") + ": " + e.getMessage(), e);
            }
        }
    }
}
