package io.nbci.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nbci.common.ExitCode;
import io.nbci.common.NbciException;
import io.nbci.results.CaseResult;
import io.nbci.results.Failure;
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

public class JUnitXmlReaderTest {
    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void shouldReadASurefireReport() throws Exception {
        Path file = temp.newFile("TEST-io.acme.EtlTest.xml").toPath();
        Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuite name=\"io.acme.EtlTest\" tests=\"4\" failures=\"1\" errors=\"1\" skipped=\"1\" time=\"1.5\">\n"
                + "  <properties><property name=\"java.version\" value=\"17\"/></properties>\n"
                + "  <testcase name=\"loads\" classname=\"io.acme.EtlTest\" time=\"0.25\"/>\n"
                + "  <testcase name=\"joins\" classname=\"io.acme.EtlTest\" time=\"0.5\">\n"
                + "    <failure message=\"expected 3 but was 2\" type=\"java.lang.AssertionError\">trace</failure>\n"
                + "  </testcase>\n"
                + "  <testcase name=\"writes\" classname=\"io.acme.EtlTest\"><error type=\"java.io.IOException\"/></testcase>\n"
                + "  <testcase name=\"slow\" classname=\"io.acme.EtlTest\"><skipped/></testcase>\n"
                + "</testsuite>\n");
        List<SuiteResult> suites = JUnitXmlReader.read(file);
        assertThat(suites).hasSize(1);
        SuiteResult suite = suites.get(0);
        assertThat(suite.kind()).isEqualTo(SuiteResult.Kind.JUNIT);
        assertThat(suite.durationMillis()).isEqualTo(1500);
        assertThat(suite.cases()).extracting(CaseResult::status)
                .containsExactly(Status.PASSED, Status.FAILED, Status.ERROR, Status.SKIPPED);
        assertThat(suite.cases().get(1).failure().message()).isEqualTo("expected 3 but was 2");
        assertThat(suite.cases().get(1).failure().detail()).isEqualTo("trace");
    }

    @Test
    public void shouldReadWhatJUnitXmlWriterWrites() throws Exception {
        SuiteResult suite = new SuiteResult("notebooks/etl.ipynb", SuiteResult.Kind.NOTEBOOK, null, 10, List.of(
                CaseResult.passed("cell 0", "etl", 5),
                new CaseResult("cell 1", "etl", Status.FAILED, 5, Failure.of("ZeroDivisionError", "division by zero"),
                        null, 1, null)), null, null, Map.of());
        Path file = temp.getRoot().toPath().resolve("nbci-junit.xml");
        JUnitXmlWriter.write(RunResults.of("run", Instant.now(), 10, ExitCode.FAILED, List.of(suite)), file);
        List<SuiteResult> read = JUnitXmlReader.read(file);
        assertThat(read).hasSize(1);
        assertThat(read.get(0).name()).isEqualTo("notebooks/etl.ipynb");
        assertThat(read.get(0).count(Status.FAILED)).isEqualTo(1);
        assertThat(read.get(0).count(Status.PASSED)).isEqualTo(1);
    }

    @Test
    public void shouldNameTheFileThatIsNotJUnitXml() throws Exception {
        Path file = temp.newFile("pom.xml").toPath();
        Files.writeString(file, "<project/>");
        NbciException e = catchThrowableOfType(NbciException.class, () -> JUnitXmlReader.read(file));
        assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(e.getMessage()).contains("pom.xml").contains("<project>");
    }

    @Test
    public void shouldRefuseDoctypesSoNoEntityIsExpanded() throws Exception {
        Path file = temp.newFile("evil.xml").toPath();
        Files.writeString(file, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<testsuite name=\"&e;\"/>");
        assertThat(catchThrowableOfType(NbciException.class, () -> JUnitXmlReader.read(file)).getMessage())
                .contains("evil.xml").doesNotContain("root:");
    }
}
