package io.nbci.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * One integration scenario: fixtures to seed, a job to run, expectations to check. Read from
 * YAML by {@link ScenarioFiles}, or built in Java with {@link ScenarioBuilder}.
 *
 * @param name        unique within a suite; the JUnit testcase name
 * @param file        the scenario file (or null when built in Java)
 * @param fixtures    in the order they are applied
 * @param run         the job
 * @param expectations in the order they are checked (all are checked, even after one fails)
 */
public record Scenario(String name, Path file, List<Fixture> fixtures, RunSpec run, List<Expectation> expectations) {

    public Scenario {
        fixtures = List.copyOf(fixtures);
        expectations = List.copyOf(expectations);
    }
}
