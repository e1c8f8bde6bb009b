package io.nbci.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbci.common.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class PublishingTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void shouldLogAnErrorButNotThrowWhenTheReportCannotBeWritten() throws Exception {
        Path notAFolder = temp.newFile("not-a-folder").toPath();
        Path report = notAFolder.resolve("report.html");
        RecordingLog log = new RecordingLog();

        Publishing.Outcome outcome = Publishing.publish(ReportSamples.passingRun(temp.getRoot().toPath()),
                new PublishSettings(report, null, null, temp.getRoot().toPath()), log);

        assertThat(outcome.reportWritten()).isFalse();
        assertThat(log.at("ERROR")).singleElement().asString().contains("could not write " + report)
                .contains("the command's result is unchanged");
    }

    @Test
    public void shouldPublishNothingByDefault() {
        RecordingLog log = new RecordingLog();

        Publishing.Outcome outcome = Publishing.publish(ReportSamples.passingRun(temp.getRoot().toPath()),
                PublishSettings.none(), log);

        assertThat(outcome).isEqualTo(new Publishing.Outcome(null, false, 0));
        assertThat(log.lines()).isEmpty();
    }

    @Test
    public void shouldResolveNotebooksAgainstTheArtifactBase() throws Exception {
        Path runFolder = temp.newFolder("run").toPath();
        Path report = temp.getRoot().toPath().resolve("elsewhere/report.html");

        Publishing.publish(ReportSamples.failingCell(runFolder), new PublishSettings(report, null, "x", runFolder),
                new RecordingLog());

        assertThat(Files.readString(report)).contains("ratio = total / 0").doesNotContain("cannot be shown");
    }
}
