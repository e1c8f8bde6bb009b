package io.nbci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbci.notebook.Notebook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The pairing, conversion, strip and lint commands, run as a user runs them, on copies of the examples. */
public class PairingCommandsTest {
    private static final Path REPO = Path.of(System.getProperty("nbci.repo.root", ".."));
    private static final Path EXAMPLES = REPO.resolve("examples");

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path copyExamples() throws IOException {
        Path target = temp.getRoot().toPath().resolve("project");
        // the two small pairs these tests are written against (other examples come and go)
        for (String example : new String[] {"wordcount", "sales"}) {
            copy(EXAMPLES.resolve(example), target.resolve(example));
        }
        Files.createDirectories(target.resolve(".git"));
        return target;
    }

    private static void copy(Path from, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = read(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    public void shouldAgreeOnTheExamplesShippedInTheRepository() {
        long notebooks;
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            notebooks = files.filter(f -> f.toString().endsWith(".ipynb")).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        CliRun run = CliRun.of("pair", "check", EXAMPLES.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(notebooks).isGreaterThanOrEqualTo(3);
        assertThat(run.out).contains(notebooks + " pairs checked: " + notebooks + " agree, 0 differ");
    }

    @Test
    public void shouldReportEachDifferingCellWithScriptLineNotebookCellAndDiff() throws IOException {
        Path project = copyExamples();
        Path script = project.resolve("wordcount/wordcount.py");
        replace(script, "top = 5", "top = 10");
        replace(script, "# %% tags=[\"check\"]", "# %% tags=[\"checks\"]");
        CliRun run = CliRun.of("pair", "check", project.toString());
        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).contains("wordcount.py:24: ").contains("wordcount.ipynb cell 1: source differs")
                .contains("    - top = 5").contains("    + top = 10")
                .contains("wordcount.ipynb cell 7: tags differ ([check] in the notebook, [checks] in the script)")
                .contains("2 pairs checked: 1 agree, 1 differ");
    }

    @Test
    public void shouldListUnpairedNotebooksAndFail() throws IOException {
        Path project = copyExamples();
        Files.delete(project.resolve("sales/clean_sales.py"));
        CliRun run = CliRun.of("pair", "check", project.toString());
        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).contains("clean_sales.ipynb: no paired script (expected ")
                .contains("1 notebooks without a script");
    }

    @Test
    public void shouldExitTwoOnAnUnreadableNotebook() throws IOException {
        Path project = copyExamples();
        Files.writeString(project.resolve("sales/clean_sales.ipynb"), "{\n \"cells\": [\n");
        CliRun run = CliRun.of("pair", "check", project.toString());
        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.err).contains("clean_sales.ipynb:3:").contains("malformed JSON");
    }

    @Test
    public void shouldSyncFromTheScriptKeepingOutputsOfUnchangedCells() throws IOException {
        Path project = copyExamples();
        Path script = project.resolve("wordcount/wordcount.py");
        Path notebookFile = project.resolve("wordcount/wordcount.ipynb");
        replace(script, "top = 5", "top = 3");
        CliRun run = CliRun.of("pair", "sync", "--from", "py", project.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("updated ").contains("wordcount.ipynb");
        Notebook notebook = Notebook.read(notebookFile);
        assertThat(notebook.cell(1).source()).isEqualTo("path = \"../../src/test/resources/texts/sample.txt\"\ntop = 3");
        assertThat(notebook.cell(5).outputs()).hasSize(1);
        assertThat(notebook.cell(5).executionCount()).isEqualTo(4);
        assertThat(notebook.cell(4).outputs().get(0).path("text").toString()).contains("Wall time");
        assertThat(notebook.cell(1).id()).isEqualTo("cell-01");
        assertThat(CliRun.of("pair", "check", project.toString()).exitCode).isZero();
        CliRun again = CliRun.of("pair", "sync", "--from", "py", project.toString());
        assertThat(again.out).contains("0 written, 2 already in sync");
    }

    @Test
    public void shouldSyncFromTheNotebookAndCreateMissingScripts() throws IOException {
        Path project = copyExamples();
        Path script = project.resolve("sales/clean_sales.py");
        String expected = read(script);
        Files.delete(script);
        replace(project.resolve("wordcount/wordcount.py"), "top = 5", "top = 99");
        CliRun run = CliRun.of("pair", "sync", "--from", "ipynb", project.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("created ").contains("updated ");
        assertThat(read(script)).isEqualTo(expected);
        assertThat(read(project.resolve("wordcount/wordcount.py"))).contains("top = 5");
    }

    @Test
    public void shouldRefuseToOverwriteAFileThatCannotBeParsed() throws IOException {
        Path project = copyExamples();
        Path notebookFile = project.resolve("wordcount/wordcount.ipynb");
        Files.writeString(notebookFile, "{ broken");
        CliRun run = CliRun.of("pair", "sync", "--from", "py", project.resolve("wordcount").toString());
        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.err).contains("refusing to overwrite").contains("wordcount.ipynb");
        assertThat(read(notebookFile)).isEqualTo("{ broken");
    }

    @Test
    public void shouldPairThroughGlobRulesInNbciYaml() throws IOException {
        Path project = temp.getRoot().toPath().resolve("globbed");
        Files.createDirectories(project.resolve("notebooks/team"));
        Files.createDirectories(project.resolve("jobs/team"));
        Files.copy(EXAMPLES.resolve("wordcount/wordcount.ipynb"), project.resolve("notebooks/team/wc.ipynb"));
        Files.copy(EXAMPLES.resolve("wordcount/wordcount.py"), project.resolve("jobs/team/wc.py"));
        Files.writeString(project.resolve("nbci.yaml"), "pairs:\n  - notebooks/**/*.ipynb <-> jobs/**/*.py\n");
        CliRun run = CliRun.of("pair", "check", project.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("1 pair checked: 1 agree");
        replace(project.resolve("jobs/team/wc.py"), "top = 5", "top = 6");
        CliRun differing = CliRun.of("pair", "check", project.resolve("notebooks").toString());
        assertThat(differing.exitCode).as(differing.toString()).isEqualTo(1);
        assertThat(differing.out).contains("wc.py:24: ").contains("wc.ipynb cell 1: source differs");
    }

    @Test
    public void shouldRejectUnknownKeysAndBadRulesInNbciYamlNamingTheLine() throws IOException {
        Path project = temp.getRoot().toPath().resolve("config");
        Files.createDirectories(project);
        Files.writeString(project.resolve("nbci.yaml"), "pairs:\n  - a/*.ipynb <-> b/*.py\npiars: []\n");
        CliRun unknown = CliRun.of("pair", "check", project.toString());
        assertThat(unknown.exitCode).isEqualTo(2);
        assertThat(unknown.err).contains("nbci.yaml:3:1: piars: unknown key; expected one of pairs");
        Files.writeString(project.resolve("nbci.yaml"), "pairs:\n  - a/**/*.ipynb <-> b/*.py\n");
        CliRun bad = CliRun.of("pair", "check", project.toString());
        assertThat(bad.exitCode).isEqualTo(2);
        assertThat(bad.err).contains("nbci.yaml:2:", "pairs[0]: both sides need the same wildcards");
    }

    @Test
    public void shouldConvertBothWaysAndKeepOutputsOfTheExistingNotebook() throws IOException {
        Path project = copyExamples();
        Path notebookFile = project.resolve("wordcount/wordcount.ipynb");
        Path script = project.resolve("out/wc.py");
        CliRun toPy = CliRun.of("convert", notebookFile.toString(), "--to", "py", "-o", script.toString());
        assertThat(toPy.exitCode).as(toPy.toString()).isZero();
        assertThat(read(script)).isEqualTo(read(project.resolve("wordcount/wordcount.py")));
        String before = read(notebookFile);
        CliRun back = CliRun.of("convert", script.toString(), "--to", "ipynb", "-o", notebookFile.toString());
        assertThat(back.exitCode).as(back.toString()).isZero();
        assertThat(back.out).contains("is up to date");
        assertThat(read(notebookFile)).isEqualTo(before);
        Path fresh = project.resolve("out/fresh.ipynb");
        assertThat(CliRun.of("convert", script.toString(), "--to", "ipynb", "-o", fresh.toString()).exitCode).isZero();
        assertThat(Notebook.read(fresh).cell(5).outputs()).isEmpty();
    }

    @Test
    public void shouldRejectBadConvertArguments() throws IOException {
        Path project = copyExamples();
        CliRun same = CliRun.of("convert", project.resolve("wordcount/wordcount.py").toString(), "--to", "py");
        assertThat(same.exitCode).isEqualTo(2);
        assertThat(same.err).contains("is already a .py file");
        CliRun format = CliRun.of("convert", project.resolve("wordcount/wordcount.py").toString(), "--to", "md");
        assertThat(format.exitCode).isEqualTo(2);
        assertThat(format.err).contains("--to: expected py or ipynb, found \"md\"");
        CliRun missing = CliRun.of("convert", project.resolve("nope.ipynb").toString(), "--to", "py");
        assertThat(missing.exitCode).isEqualTo(2);
        assertThat(missing.err).contains("nope.ipynb: file not found");
        CliRun noTo = CliRun.of("convert", "x.ipynb");
        assertThat(noTo.exitCode).isEqualTo(2);
        assertThat(noTo.err).contains("Missing required option: '--to=py|ipynb'");
    }

    @Test
    public void shouldStripInPlaceAndFailOnlyTheCheck() throws IOException {
        Path project = copyExamples();
        CliRun check = CliRun.of("strip", "--check", project.toString());
        assertThat(check.exitCode).as(check.toString()).isEqualTo(1);
        assertThat(check.out).contains("wordcount.ipynb: has outputs").contains("2 notebooks: 2 to strip");
        CliRun strip = CliRun.of("strip", project.toString());
        assertThat(strip.exitCode).as(strip.toString()).isZero();
        assertThat(Notebook.read(project.resolve("wordcount/wordcount.ipynb")).cell(5).outputs()).isEmpty();
        assertThat(CliRun.of("strip", "--check", project.toString()).exitCode).isZero();
        assertThat(CliRun.of("pair", "check", project.toString()).exitCode).as("stripping keeps pairs").isZero();
    }

    @Test
    public void shouldLintExecutionOrderNamingTheCells() throws IOException {
        Path project = copyExamples();
        assertThat(CliRun.of("lint", project.toString()).exitCode).isZero();
        Path notebookFile = project.resolve("wordcount/wordcount.ipynb");
        Notebook notebook = Notebook.read(notebookFile);
        notebook.cell(2).setExecutionCount(9);
        notebook.write(notebookFile);
        CliRun run = CliRun.of("lint", project.toString());
        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).contains("wordcount.ipynb: cell 3 (In [2]) ran before cell 2 (In [9]) above it")
                .contains("not run top to bottom");
    }

    @Test
    public void shouldPrintHelpForEverySubcommand() {
        for (String[] command : new String[][] {{"convert"}, {"pair"}, {"pair", "check"}, {"pair", "sync"},
            {"strip"}, {"lint"}}) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode).as(String.join(" ", args)).isZero();
            assertThat(run.out).contains("Usage: nbci " + String.join(" ", command));
        }
        CliRun pair = CliRun.of("pair");
        assertThat(pair.exitCode).isEqualTo(2);
        assertThat(pair.err).contains("a subcommand is required: check or sync");
        assertThat(CliRun.of("pair", "check", "--bogus").exitCode).isEqualTo(2);
        assertThat(CliRun.of("--version").exitCode).isZero();
    }

    @Test
    public void shouldPrintErrorsWithoutStackTracesUnlessVerbose() throws IOException {
        Path project = copyExamples();
        Path broken = project.resolve("wordcount/wordcount.ipynb");
        Files.writeString(broken, "[]");
        CliRun quiet = CliRun.of("convert", broken.toString(), "--to", "py", "-o", project.resolve("x.py").toString());
        assertThat(quiet.exitCode).isEqualTo(2);
        assertThat(quiet.err).contains("expected a JSON object (a notebook), found a list").doesNotContain("\tat io.nbci");
        assertThat(quiet.out).isEmpty();
        CliRun verbose = CliRun.of("convert", "--verbose", broken.toString(), "--to", "py", "-o",
                project.resolve("x.py").toString());
        assertThat(verbose.exitCode).isEqualTo(2);
        assertThat(verbose.err).contains("\tat io.nbci");
    }
}
