package io.nbci.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbci.common.ExitCode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The fields the report needs (fixtures, per-case metrics, row diffs) survive JSON and stay optional. */
public class ResultsModelScenarioFieldsTest {

    @Test
    public void shouldRoundTripFixturesCaseMetricsAndRowDiffs() {
        RowDiff diff = RowDiff.compare(List.of("id", "name"), List.of(List.of("1", "a"), Arrays.asList("2", null)),
                List.of(List.of("1", "a"), List.of("3", "c")));
        CaseResult scenario = new CaseResult("missing score", "imagescore", Status.FAILED, 10,
                Failure.assertion("hive-query", "rows differ", "2 rows", "2 rows"), null, null,
                List.of(new CaseResult.Check("hive-query", "SELECT 1", false, "2 rows", "2 rows", "rows differ", diff)),
                List.of(new Fixture("hive-table", "db.t", "2 rows", List.of("id"), List.of(List.of("1")))),
                List.of(new MetricSample("stats.x", 1.5, 1700000000L)));
        RunResults results = RunResults.of("test", Instant.parse("2026-11-23T21:00:00Z"), 10, ExitCode.FAILED,
                List.of(new SuiteResult("s", SuiteResult.Kind.SCENARIO, null, 10, List.of(scenario), null, null,
                        Map.of())));

        RunResults back = ResultsFile.fromJson(ResultsFile.toJson(results), "test");

        assertThat(back).isEqualTo(results);
        RowDiff read = back.suites().get(0).cases().get(0).checks().get(0).rows();
        assertThat(read.count(RowDiff.Change.MISSING)).isEqualTo(1);
        assertThat(read.rows()).contains(new RowDiff.Row(RowDiff.Change.MISSING, List.of("2", "NULL")),
                new RowDiff.Row(RowDiff.Change.UNEXPECTED, List.of("3", "c")));
        assertThat(read.matches()).isFalse();
    }

    @Test
    public void shouldReadResultsWrittenBeforeTheFieldsExisted() {
        String json = "{\"schemaVersion\":1,\"command\":\"run\",\"durationMillis\":5,\"exitCode\":\"OK\",\"suites\":"
                + "[{\"name\":\"n\",\"kind\":\"NOTEBOOK\",\"durationMillis\":5,\"cases\":[{\"name\":\"cell 0\","
                + "\"status\":\"PASSED\",\"durationMillis\":5,\"cellIndex\":0,\"checks\":[{\"kind\":\"exit-code\","
                + "\"target\":\"job\",\"passed\":true,\"expected\":\"0\",\"actual\":\"0\"}]}]}]}";

        CaseResult testCase = ResultsFile.fromJson(json, "old.json").suites().get(0).cases().get(0);

        assertThat(testCase.fixtures()).isEmpty();
        assertThat(testCase.metrics()).isEmpty();
        assertThat(testCase.checks().get(0).rows()).isNull();
    }

    @Test
    public void shouldCountDuplicateRowsInADiff() {
        RowDiff diff = RowDiff.compare(List.of(), List.of(List.of("a"), List.of("a")), List.of(List.of("a")));

        assertThat(diff.count(RowDiff.Change.SAME)).isEqualTo(1);
        assertThat(diff.count(RowDiff.Change.MISSING)).isEqualTo(1);
    }
}
