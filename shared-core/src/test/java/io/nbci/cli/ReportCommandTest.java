package io.nbci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbci.common.ExitCode;
import io.nbci.notebook.Cell;
import io.nbci.notebook.Notebook;
import io.nbci.report.PublishSettings;
import io.nbci.results.Artifact;
import io.nbci.results.CaseResult;
import io.nbci.results.Failure;
import io.nbci.results.ResultsFile;
import io.nbci.results.RunResults;
import io.nbci.results.Status;
import io.nbci.results.SuiteResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

public class ReportCommandTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path results(String stage, String source, Status status) throws Exception {
        Path dir = temp.newFolder(stage).toPath();
        Notebook notebook = Notebook.create(stage);
        notebook.addCell(Cell.code(source).setExecutionCount(1));
        notebook.write(dir.resolve("out/" + stage + ".ipynb"));
        Failure failure = status == Status.FAILED ? new Failure("ValueError", "bad value", null, 0, null, null) : null;
        SuiteResult suite = new SuiteResult(stage + ".ipynb", SuiteResult.Kind.NOTEBOOK, stage + ".ipynb", 10,
                List.of(new CaseResult("cell 0: " + source, stage, status, 10, failure, null, 0, List.of())),
                List.of(new Artifact("notebook", "out/" + stage + ".ipynb", null)), List.of(), Map.of());
        RunResults results = RunResults.of("run", Instant.parse("2026-11-23T21:00:00Z"), 10,
                status == Status.PASSED ? ExitCode.OK : ExitCode.FAILED, List.of(suite));
        Path file = dir.resolve("results.json");
        ResultsFile.write(results, file);
        return file;
    }

    @Test
    public void shouldMergeResultsFilesOfSeveralStagesIntoOneReport() throws Exception {
        Path first = results("stage-one", "x = 'first stage source'", Status.PASSED);
        Path second = results("stage-two", "raise ValueError('second stage source')", Status.FAILED);
        Path report = temp.getRoot().toPath().resolve("reports/report.html");

        int code = Main.execute("report", first.toString(), second.toString(), "-o", report.toString());

        assertThat(code).isEqualTo(0);
        String html = Files.readString(report);
        assertThat(html).contains("first stage source").contains("second stage source")
                .contains("href=\"#s1-cell-0\"").contains("../stage-two/out/stage-two.ipynb")
                .contains("<title>nbci run: failed");
    }

    @Test
    public void shouldRejectAMissingOrInvalidResultsFileAsBadInput() throws Exception {
        Path report = temp.getRoot().toPath().resolve("report.html");
        Path invalid = temp.newFile("invalid.json").toPath();
        Files.writeString(invalid, "{\"schemaVersion\": 99}");

        assertThat(Main.execute("report", "missing.json", "-o", report.toString())).isEqualTo(2);
        assertThat(Main.execute("report", invalid.toString(), "-o", report.toString())).isEqualTo(2);
        assertThat(Main.execute("report", invalid.toString())).isEqualTo(2);
        assertThat(report).doesNotExist();
    }

    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Mixin
        ReportOptions report;

        @Override
        public void run() {
        }
    }

    @Test
    public void shouldTurnReportOptionsIntoPublishSettings() {
        Probe probe = new Probe();
        int code = new CommandLine(probe).execute("--report", "r.html", "--graphite", "localhost:2003",
                "--metrics-prefix", "ci.team");

        PublishSettings settings = probe.report.settings(Path.of("out"));
        assertThat(code).isEqualTo(0);
        assertThat(settings.report()).isEqualTo(Path.of("r.html"));
        assertThat(settings.graphite().toString()).isEqualTo("localhost:2003");
        assertThat(settings.metricsPrefix()).isEqualTo("ci.team");
        assertThat(settings.artifactBase()).isEqualTo(Path.of("out"));
    }

    @Test
    public void shouldDefaultToNoPublishingAndPrefixNbci() {
        Probe probe = new Probe();
        new CommandLine(probe).execute();

        assertThat(probe.report.settings().isEmpty()).isTrue();
        assertThat(probe.report.settings().metricsPrefix()).isEqualTo("nbci");
    }

    @Test
    public void shouldRejectBadGraphiteOptionsBeforeAnythingRuns() {
        CommandLine commandLine = new CommandLine(new Probe());
        commandLine.setErr(new java.io.PrintWriter(new java.io.StringWriter()));

        assertThat(commandLine.execute("--graphite", "graphite-without-port")).isEqualTo(2);
        assertThat(commandLine.execute("--metrics-prefix", "my team")).isEqualTo(2);
    }
}
