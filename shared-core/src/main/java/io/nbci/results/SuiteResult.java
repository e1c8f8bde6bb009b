package io.nbci.results;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One suite: a notebook run (one case per code cell), a scenario file, or a JUnit file a
 * job produced and nbci merged.
 *
 * @param name           suite name (notebook path, scenario name)
 * @param kind           what produced it
 * @param source         the input file, for links in reports
 * @param durationMillis wall time
 * @param cases          the cases, in order
 * @param artifacts      files the suite produced
 * @param metrics        Graphite metrics captured while it ran
 * @param properties     free-form facts (kernel, parameters, backend); never secrets
 */
public record SuiteResult(String name, Kind kind, String source, long durationMillis, List<CaseResult> cases,
        List<Artifact> artifacts, List<MetricSample> metrics, Map<String, String> properties) {

    /** What produced a suite. */
    public enum Kind { NOTEBOOK, SCENARIO, JUNIT, DEPLOY }

    public SuiteResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        cases = cases == null ? List.of() : List.copyOf(cases);
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public long count(Status status) {
        return cases.stream().filter(c -> c.status() == status).count();
    }

    public boolean successful() {
        return count(Status.FAILED) == 0 && count(Status.ERROR) == 0;
    }
}
