package io.nbci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbci.common.ExitCode;
import io.nbci.notebook.Cell;
import io.nbci.notebook.Notebook;
import io.nbci.notebook.NotebookJson;
import io.nbci.results.CaseResult;
import io.nbci.results.ResultsFile;
import io.nbci.results.RunResults;
import io.nbci.results.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code nbci run} end to end against the real Debian ipykernel: each test checks the exit
 * code, the executed notebook and the JUnit report.
 */
public class RunCommandIT {
    private static final Path NOTEBOOKS = Path.of(System.getProperty("nbci.repo.root", "../"))
            .resolve("src/test/resources/notebooks/execution");

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path out;
    private Path junit;
    private Path results;

    private int run(String notebook, String... extra) throws IOException {
        Path dir = temp.getRoot().toPath();
        out = dir.resolve(notebook.replaceAll("\\.(ipynb|py)$", ".out.ipynb"));
        junit = dir.resolve("junit.xml");
        results = dir.resolve("results.json");
        List<String> args = new ArrayList<>(List.of("run", NOTEBOOKS.resolve(notebook).toString(), out.toString(),
                "--junit", junit.toString(), "--results", results.toString()));
        args.addAll(Arrays.asList(extra));
        return Main.execute(args.toArray(new String[0]));
    }

    private String junitText() throws IOException {
        return Files.readString(junit);
    }

    private List<CaseResult> cases() {
        RunResults read = ResultsFile.read(results);
        return read.suites().get(0).cases();
    }

    private static String outputText(Cell cell) {
        StringBuilder text = new StringBuilder();
        for (JsonNode output : cell.outputs()) {
            text.append(NotebookJson.joined(output.get("text")));
            output.path("data").forEach(value -> text.append(NotebookJson.joined(value)));
        }
        return text.toString();
    }

    @Test
    public void shouldRunAPassingNotebookAndRecordEveryCell() throws IOException {
        assertThat(run("passing.ipynb", "-p", "count", "3")).isEqualTo(0);
        Notebook executed = Notebook.read(out);
        assertThat(executed.cells()).hasSize(5);
        assertThat(executed.cell(2).hasTag("injected-parameters")).isTrue();
        assertThat(outputText(executed.cell(3))).isEqualTo("hello 0\nhello 1\nhello 2\n");
        assertThat(executed.cell(3).outputs().get(0).get("text").isArray()).isTrue();
        assertThat(outputText(executed.cell(4))).isEqualTo("63");
        JsonNode meta = executed.cell(3).metadata().path("nbci");
        assertThat(meta.path("status").asText()).isEqualTo("completed");
        assertThat(meta.path("duration").isNumber()).isTrue();
        assertThat(meta.path("start_time").asText()).isNotEmpty();
        assertThat(executed.cell(3).executionCount()).isEqualTo(3);
        assertThat(executed.metadata().path("nbci").path("exception").asBoolean()).isFalse();
        assertThat(junitText()).contains("tests=\"4\" failures=\"0\" errors=\"0\" skipped=\"0\"");
        assertThat(cases()).extracting(CaseResult::status).containsOnly(Status.PASSED);
    }

    @Test
    public void shouldFailOnARaisingCellAndMarkItInTheSavedNotebook() throws IOException {
        assertThat(run("failing.ipynb")).isEqualTo(ExitCode.FAILED.code());
        Notebook executed = Notebook.read(out);
        assertThat(executed.cell(0).hasTag("nbci-error-cell")).isTrue();
        assertThat(executed.cell(0).source()).contains("ValueError: boom: 1");
        assertThat(executed.cell(2).hasTag("nbci-error-cell")).isTrue();
        Cell failing = executed.cell(3);
        assertThat(failing.source()).contains("raise ValueError");
        assertThat(failing.metadata().path("nbci").path("status").asText()).isEqualTo("failed");
        assertThat(failing.metadata().path("nbci").path("exception").asBoolean()).isTrue();
        assertThat(failing.outputs().get(0).path("output_type").asText()).isEqualTo("error");
        assertThat(executed.cell(4).metadata().path("nbci").path("status").asText()).isEqualTo("pending");
        String xml = junitText();
        assertThat(xml).contains("failures=\"1\"").contains("skipped=\"1\"")
                .contains("type=\"ValueError\"").contains("boom: 1").contains("check(x)")
                .doesNotContain("\u001b[");
        assertThat(cases()).extracting(CaseResult::status)
                .containsExactly(Status.PASSED, Status.FAILED, Status.SKIPPED);
        assertThat(cases().get(1).failure().detail()).contains("ValueError").doesNotContain("\u001b");
    }

    @Test
    public void shouldInterruptAHangingCellAndExitWithTimeout() throws IOException {
        long start = System.nanoTime();
        assertThat(run("hanging.ipynb", "--cell-timeout", "1.5")).isEqualTo(ExitCode.TIMEOUT.code());
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(30);
        Notebook executed = Notebook.read(out);
        assertThat(outputText(executed.cell(1))).isEqualTo("started\n");
        assertThat(executed.cell(0).source()).contains("timed out after 1.5 s");
        assertThat(junitText()).contains("errors=\"1\"").contains("did not finish within 1.5 s");
        assertThat(cases()).extracting(CaseResult::status)
                .containsExactly(Status.PASSED, Status.ERROR, Status.SKIPPED);
    }

    @Test
    public void shouldReportAKernelThatDiedMidCell() throws IOException {
        assertThat(run("killed.ipynb")).isEqualTo(ExitCode.INFRASTRUCTURE.code());
        Notebook executed = Notebook.read(out);
        assertThat(outputText(executed.cell(1))).isEqualTo("before the crash\n");
        assertThat(executed.cell(3).metadata().path("nbci").path("status").asText()).isEqualTo("failed");
        assertThat(junitText()).contains("kernel died while running cell 1 (exit code 9)");
        assertThat(cases()).extracting(CaseResult::status)
                .containsExactly(Status.PASSED, Status.ERROR, Status.SKIPPED);
    }

    @Test
    public void shouldKillTheProcessesACellStarted() throws Exception {
        Path pids = temp.getRoot().toPath().resolve("pids.txt");
        assertThat(run("forking.ipynb", "-p", "pid_file", pids.toString())).isEqualTo(0);
        String[] children = Files.readString(pids).strip().split(" ");
        assertThat(children).hasSize(2);
        for (String child : children) {
            assertThat(io.nbci.execution.TestProcesses.stillRunningAfter(Long.parseLong(child), 2000))
                    .as("child " + child + " of the kernel still runs").isFalse();
        }
        assertThat(junitText()).contains("failures=\"0\" errors=\"0\"");
    }

    @Test
    public void shouldKeepTenMegabytesOfOutput() throws IOException {
        assertThat(run("big_output.ipynb")).isEqualTo(0);
        assertThat(Files.size(out)).isGreaterThan(10_000_000L);
        Notebook executed = Notebook.read(out);
        assertThat(executed.cell(0).outputs()).hasSize(1);
        assertThat(executed.cell(0).outputs().get(0).get("text").size()).isEqualTo(100_000);
        assertThat(outputText(executed.cell(1))).isEqualTo("after the flood\n");
        assertThat(Files.size(junit)).isLessThan(200_000L);
        assertThat(cases().get(0).output()).contains("earlier characters not kept");
    }

    @Test
    public void shouldSurviveBytesThatAreNotUtf8() throws IOException {
        assertThat(run("non_utf8.ipynb")).isEqualTo(0);
        byte[] bytes = Files.readAllBytes(out);
        assertThat((Object) StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes))).isNotNull();
        Notebook executed = Notebook.read(out);
        assertThat(outputText(executed.cell(1))).startsWith("escaped: ").contains("\uFFFD");
        assertThat(outputText(executed.cell(2))).isEqualTo("still running\n");
        assertThat(junitText()).contains("tests=\"3\" failures=\"0\" errors=\"0\"");
    }

    @Test
    public void shouldStoreRichOutputsAsNbformatDoes() throws IOException {
        assertThat(run("rich.ipynb")).isEqualTo(0);
        Notebook executed = Notebook.read(out);
        JsonNode png = executed.cell(0).outputs().get(0).path("data").path("image/png");
        assertThat(png.isTextual()).isTrue();
        assertThat(png.asText()).startsWith("iVBORw0KGgo");
        JsonNode html = executed.cell(1).outputs().get(0).path("data").path("text/html");
        assertThat(html.isArray()).isTrue();
        assertThat(html.size()).isEqualTo(2);
        assertThat(executed.cell(1).outputs().get(1).path("data").path("image/svg+xml").isArray()).isTrue();
        assertThat(executed.cell(1).outputs().get(2).path("data").path("application/json").path("a").get(1).asDouble())
                .isEqualTo(2.5);
        assertThat(outputText(executed.cell(2))).contains("new text").doesNotContain("old text");
        assertThat(outputText(executed.cell(3))).isEqualTo("kept\n");
        assertThat(executed.cell(4).outputs().get(0).path("output_type").asText()).isEqualTo("execute_result");
        assertThat(junitText()).contains("tests=\"5\" failures=\"0\"");
    }

    @Test
    public void shouldInjectParametersOfEveryType() throws IOException {
        Path yaml = temp.getRoot().toPath().resolve("params.yaml");
        Files.writeString(yaml, "items: [1, two, {nested: [true, null, 1.5]}]\n"
                + "mapping: {key: value, 'quote\"d': \"back\\\\slash\"}\n"
                + "nan: .nan\ninf: .inf\nneg_inf: -.inf\n"
                + "text: \"unicode \u00e9\u4e2d\uD83D\uDE00 tab\\t newline\\n quote' dq\\\" bs\\\\\"\n"
                + "i: 1\n");
        assertThat(run("parameters.ipynb", "-f", yaml.toString(), "-p", "i", "42", "-p", "f", "2.5e-5",
                "-p", "b", "True", "-p", "n", "None", "-p", "s", "say \"hi\"", "-r", "raw", "42")).isEqualTo(0);
        Notebook executed = Notebook.read(out);
        Cell injected = executed.cell(1);
        assertThat(injected.hasTag("injected-parameters")).isTrue();
        assertThat(injected.source()).contains("nan = float('nan')").contains("inf = float('inf')")
                .contains("neg_inf = float('-inf')").contains("i = 42").contains("f = 2.5e-05")
                .contains("raw = \"42\"").contains("n = None").contains("b = True");
        String printed = outputText(executed.cell(2));
        assertThat(printed).contains("\"i\": [\"int\", 42]").contains("\"f\": [\"float\", 2.5e-05]")
                .contains("\"b\": [\"bool\", true]").contains("\"n\": [\"NoneType\", null]")
                .contains("\"s\": [\"str\", \"say \\\"hi\\\"\"]").contains("\"raw\": [\"str\", \"42\"]")
                .contains("\"items\": [\"list\", [1, \"two\", {\"nested\": [true, null, 1.5]}]]")
                .contains("\"mapping\": [\"dict\", {\"key\": \"value\", \"quote\\\"d\": \"back\\\\slash\"}]")
                .contains("\"text\": [\"str\", \"unicode \\u00e9\\u4e2d\\ud83d\\ude00 tab\\t newline\\n quote' dq\\\" bs\\\\\"]")
                .contains("[true, true, true]");
        assertThat(junitText()).contains("failures=\"0\" errors=\"0\"");
    }

    @Test
    public void shouldEndSuccessfullyOnSysExitZero() throws IOException {
        assertThat(run("sys_exit.ipynb")).isEqualTo(0);
        assertThat(cases()).extracting(CaseResult::status)
                .containsExactly(Status.PASSED, Status.PASSED, Status.SKIPPED);
        Notebook executed = Notebook.read(out);
        assertThat(executed.cell(0).hasTag("nbci-error-cell")).isFalse();
        assertThat(junitText()).contains("skipped=\"1\"").contains("sys.exit(0)");
    }

    @Test
    public void shouldNameWhatWasTriedForAMissingKernel() throws IOException {
        assertThat(run("missing_kernel.ipynb")).isEqualTo(ExitCode.INFRASTRUCTURE.code());
        Notebook written = Notebook.read(out);
        assertThat(written.cell(0).source()).contains("kernel could not be started").contains("no-such-kernel");
        assertThat(junitText()).contains("errors=\"1\"").contains("/usr/share/jupyter/kernels/no-such-kernel");
    }

    @Test
    public void shouldRejectAMalformedNotebookWithItsLine() throws IOException {
        assertThat(run("malformed.ipynb")).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(Files.exists(out)).isFalse();
        assertThat(junitText()).contains("errors=\"1\"").contains("malformed.ipynb:4:");
    }

    @Test
    public void shouldWriteTheParameterisedNotebookWithoutRunningIt() throws IOException {
        assertThat(run("passing.ipynb", "--prepare-only", "-p", "greeting", "hi")).isEqualTo(0);
        Notebook written = Notebook.read(out);
        assertThat(written.cell(2).source()).isEqualTo("# Parameters\ngreeting = \"hi\"\n");
        assertThat(written.cell(3).outputs()).isEmpty();
    }

    @Test
    public void shouldRunSeveralNotebooksInParallelIntoOneReport() throws IOException {
        Path dir = temp.newFolder("many").toPath();
        for (String name : List.of("passing.ipynb", "failing.ipynb", "sys_exit.ipynb")) {
            Files.copy(NOTEBOOKS.resolve(name), dir.resolve(name));
        }
        Path outDir = temp.getRoot().toPath().resolve("out");
        junit = temp.getRoot().toPath().resolve("all.xml");
        int code = Main.execute("run-all", dir.toString(), "--jobs", "2", "--output-dir", outDir.toString(),
                "--junit", junit.toString());
        assertThat(code).isEqualTo(ExitCode.FAILED.code());
        assertThat(outDir.resolve("passing.ipynb")).exists();
        assertThat(outDir.resolve("failing.ipynb")).exists();
        assertThat(junitText()).contains("tests=\"9\" failures=\"1\"").contains("<testsuite name=\"" + dir.resolve("sys_exit.ipynb"));
    }

    @Test
    public void shouldRunAPairedPercentScript() throws IOException {
        assertThat(run("script.py", "-p", "rows", "5")).isEqualTo(0);
        Notebook executed = Notebook.read(out);
        assertThat(executed.kernelName()).isEqualTo("python3");
        assertThat(executed.cell(2).hasTag("injected-parameters")).isTrue();
        assertThat(outputText(executed.cell(3))).isEqualTo("total 10\n");
        assertThat(junitText()).contains("tests=\"3\" failures=\"0\" errors=\"0\"");
    }
}
