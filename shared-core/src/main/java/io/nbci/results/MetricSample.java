package io.nbci.results;

/** One metric a job sent, as captured by the Graphite sink: path, value, epoch seconds. */
public record MetricSample(String name, double value, long timestamp) {
}
