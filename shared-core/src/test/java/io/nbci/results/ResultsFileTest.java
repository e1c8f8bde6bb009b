package io.nbci.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbci.common.ExitCode;
import io.nbci.common.NbciException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ResultsFileTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    static RunResults sample() {
        CaseResult passed = CaseResult.passed("cell 0: import pandas", "jobs/score.ipynb", 12);
        CaseResult failed = new CaseResult("cell 1: 1/0", "jobs/score.ipynb", Status.FAILED, 5,
                new Failure("ZeroDivisionError", "division by zero", "Traceback ...", 1, null, null), "out", 1,
                List.of());
        CaseResult skipped = new CaseResult("cell 2: print()", "jobs/score.ipynb", Status.SKIPPED, 0, null, null, 2,
                List.of());
        SuiteResult notebook = new SuiteResult("jobs/score.ipynb", SuiteResult.Kind.NOTEBOOK, "jobs/score.ipynb", 17,
                List.of(passed, failed, skipped), List.of(new Artifact("notebook", "out/score.ipynb", "executed")),
                List.of(new MetricSample("stats.offer.missing", 1.0, 1700000000L)), Map.of("kernel", "python3"));
        return RunResults.of("run", Instant.parse("2026-11-23T10:15:30Z"), 1234, ExitCode.FAILED, List.of(notebook));
    }

    @Test
    public void shouldRoundTripEveryField() {
        Path file = temp.getRoot().toPath().resolve("out/results.json");

        ResultsFile.write(sample(), file);

        assertThat(ResultsFile.read(file)).isEqualTo(sample());
    }

    @Test
    public void shouldSummariseCounts() {
        assertThat(sample().summary()).isEqualTo("1 passed, 1 failed, 0 errors, 1 skipped");
        assertThat(sample().total()).isEqualTo(3);
    }

    @Test
    public void shouldRefuseAnUnknownSchemaVersionNamingTheFile() {
        String newer = ResultsFile.toJson(sample()).replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 99");

        assertThatThrownBy(() -> ResultsFile.fromJson(newer, "build/results.json"))
                .isInstanceOf(NbciException.class)
                .hasMessageContaining("build/results.json")
                .hasMessageContaining("99");
    }

    @Test
    public void shouldMergeSuitesAndKeepTheWorstExitCode() {
        RunResults ok = RunResults.of("run", Instant.EPOCH, 10, ExitCode.OK, List.of());
        RunResults merged = ok.merge(sample());

        assertThat(merged.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(merged.suites()).hasSize(1);
    }
}
