package io.nbci.scenario;

import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import io.nbci.results.RunResults;
import io.nbci.results.SuiteResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a list of scenarios one after the other on one {@link ScenarioRunner} (one cluster,
 * state removed between scenarios) and gathers one {@link RunResults}. The suite's exit code is
 * the most severe of its scenarios'.
 */
public final class ScenarioSuite {

    private ScenarioSuite() {
    }

    public static RunResults run(List<Scenario> scenarios, ScenarioRunner runner, LogSink log) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        List<SuiteResult> suites = new ArrayList<>();
        ExitCode exitCode = ExitCode.OK;
        int passed = 0;
        for (Scenario scenario : scenarios) {
            ScenarioRunner.ScenarioOutcome outcome = runner.run(scenario);
            suites.addAll(outcome.suites());
            exitCode = exitCode.worst(outcome.exitCode());
            if (outcome.exitCode() == ExitCode.OK) {
                passed++;
            }
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        log.info(passed + " of " + scenarios.size() + " scenarios passed in " + millis + " ms");
        return RunResults.of("test", started, millis, exitCode, suites);
    }
}
