package io.nbci.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbci.common.ExitCode;
import io.nbci.results.CaseResult;
import io.nbci.results.Failure;
import io.nbci.results.RunResults;
import io.nbci.results.Status;
import io.nbci.results.SuiteResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

public class JUnitXmlWriterTest {

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static RunResults results(CaseResult... cases) {
        SuiteResult suite = new SuiteResult("nb.ipynb", SuiteResult.Kind.NOTEBOOK, "nb.ipynb", 1500, List.of(cases),
                null, null, null);
        return RunResults.of("run", Instant.parse("2026-01-02T03:04:05Z"), 1500, ExitCode.FAILED, List.of(suite));
    }

    @Test
    public void shouldWriteOneTestcasePerCaseWithCountsThatCiServersRead() throws Exception {
        String traceback = "\u001B[0;31mZeroDivisionError\u001B[0m: division by zero <&> \u0000";
        String xml = JUnitXmlWriter.render(results(
                CaseResult.passed("cell 0", "nb", 10),
                new CaseResult("cell 1", "nb", Status.FAILED, 20,
                        new Failure("ZeroDivisionError", "division by \"zero\"", traceback, 1, null, null), null, 1,
                        List.of()),
                new CaseResult("cell 2", "nb", Status.SKIPPED, 0, Failure.of("skipped", "after a failure"), null, 2,
                        List.of())));

        Element suite = (Element) parse(xml).getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(suite.getAttribute("time")).isEqualTo("1.500");
        assertThat(suite.getAttribute("timestamp")).isEqualTo("2026-01-02T03:04:05");
        Element failure = (Element) suite.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("ZeroDivisionError");
        assertThat(failure.getAttribute("message")).isEqualTo("division by \"zero\"");
        assertThat(failure.getTextContent())
                .contains("cell 1")
                .contains("ZeroDivisionError: division by zero <&>")
                .doesNotContain("\u001B");
        assertThat(suite.getElementsByTagName("skipped").getLength()).isEqualTo(1);
    }

    @Test
    public void shouldShowExpectedAndActualOfAnAssertion() throws Exception {
        String xml = JUnitXmlWriter.render(results(new CaseResult("missing score", "scenarios", Status.FAILED, 5,
                Failure.assertion("hive-query", "rows differ", "[100, 2016-10-10]", "[]"), null, null, List.of())));

        String text = parse(xml).getElementsByTagName("failure").item(0).getTextContent();
        assertThat(text).contains("expected: [100, 2016-10-10]").contains("actual:   []");
    }

    @Test
    public void shouldStripAnsiEscapes() {
        assertThat(JUnitXmlWriter.stripAnsi("\u001B[1;32mok\u001B[0m")).isEqualTo("ok");
    }
}
