package io.nbci.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Test;

public class PyPercentTest {
    private static final Path FIXTURES = Path.of(System.getProperty("nbci.repo.root", "../"), "src/test/resources/py-percent");

    @Test
    public void shouldReadAScriptWrittenByJupytextIntoTheSameCells() throws Exception {
        String text = Files.readString(FIXTURES.resolve("jupytext_basic.py"));
        Notebook notebook = PyPercent.read(text, "jupytext_basic.py");
        List<Cell> cells = notebook.cells();
        assertThat(cells).hasSize(10);
        assertThat(cells.get(0).type()).isEqualTo(CellType.MARKDOWN);
        assertThat(cells.get(0).source()).isEqualTo("# Word count\n\nCounts words in a file.");
        assertThat(cells.get(1).tags()).containsExactly("parameters");
        assertThat(cells.get(1).source()).isEqualTo("path = \"input.txt\"\ntop = 10");
        assertThat(cells.get(2).source()).isEqualTo("%matplotlib inline\nimport collections\n!ls -l\n# a comment");
        assertThat(cells.get(3).source()).startsWith("def count(path):").endsWith("split())");
        assertThat(cells.get(3).metadata().isEmpty()).isTrue();
        assertThat(cells.get(4).type()).isEqualTo(CellType.RAW);
        assertThat(cells.get(4).source()).isEqualTo("raw text\non two lines");
        assertThat(cells.get(5).tags()).containsExactly("report", "slow");
        assertThat(cells.get(5).metadata().path("jupyter").path("source_hidden").asBoolean()).isTrue();
        assertThat(cells.get(6).source()).isEqualTo("%%bash\necho hello\nls");
        assertThat(cells.get(6).metadata().isEmpty()).isTrue();
        assertThat(cells.get(7).metadata().path("slideshow").path("slide_type").asText()).isEqualTo("slide");
        assertThat(cells.get(8).source()).isEmpty();
        assertThat(cells.get(9).source()).isEqualTo("x = 1");
        assertThat(notebook.kernelName()).isEqualTo("python3");
        assertThat(notebook.metadata().path("jupytext").path("formats").asText()).isEqualTo("ipynb,py:percent");
        assertThat(notebook.metadata().path("jupytext").has("text_representation")).isFalse();
        assertThat(PyPercent.write(notebook)).isEqualTo(text);
    }

    private static String fixture(String name) throws Exception {
        return Files.readString(FIXTURES.resolve(name));
    }

    private static List<Cell> cells(String name) throws Exception {
        return PyPercent.read(fixture(name), name).cells();
    }

    /** Our script for what we read: our header, then exactly the fixture's cells. */
    private static void assertWritesBackBody(String name) throws Exception {
        String text = fixture(name);
        String written = PyPercent.write(PyPercent.read(text, name));
        assertThat(written).startsWith("# ---\n# jupyter:\n").endsWith("# ---\n\n" + text);
    }

    @Test
    public void shouldReadTitlesSubCellsRawHeaderAndCommentedMagicsLikeJupytext() throws Exception {
        List<Cell> cells = cells("titles_and_subcells.py");
        assertThat(cells).extracting(Cell::type).containsExactly(CellType.RAW, CellType.MARKDOWN, CellType.MARKDOWN,
                CellType.RAW, CellType.CODE, CellType.CODE, CellType.CODE);
        assertThat(cells.get(0).source()).isEqualTo("---\ntitle: Simple file\n---");
        assertThat(cells.get(2).metadata().path("region_name").asText()).isEqualTo("md");
        assertThat(cells.get(3).source()).isEqualTo("This is a raw cell");
        assertThat(cells.get(4).source()).isEqualTo("# This is a sub-cell");
        assertThat(cells.get(4).metadata().path("title").asText()).isEqualTo("sub-cell title");
        assertThat(cells.get(4).metadata().path("cell_depth").asInt()).isEqualTo(1);
        assertThat(cells.get(5).metadata().path("cell_depth").asInt()).isEqualTo(2);
        assertThat(cells.get(6).source()).isEqualTo("1 + 2 + 3 + 4\n5\n6\n%%magic # this is a commented magic, not a cell\n\n7");
        assertThat(cells.get(6).metadata().path("title").asText()).isEqualTo("And now a code cell");
        String written = PyPercent.write(PyPercent.read(fixture("titles_and_subcells.py"), "t.py"));
        assertThat(written).startsWith("# ---\n# title: Simple file\n# jupyter:\n");
        assertThat(written).endsWith(fixture("titles_and_subcells.py").substring(fixture("titles_and_subcells.py").indexOf("# %% [markdown]")));
    }

    @Test
    public void shouldReadJsonMetadataAfterATitleAndWriteItBackAsJson() throws Exception {
        List<Cell> cells = cells("json_metadata.py");
        assertThat(cells).hasSize(1);
        assertThat(cells.get(0).source()).isEqualTo("a = 3");
        assertThat(cells.get(0).metadata().path("title").asText()).isEqualTo("a code cell with parameters");
        assertThat(cells.get(0).tags()).containsExactly("parameters");
        assertWritesBackBody("json_metadata.py");
    }

    @Test
    public void shouldReadNbconvertStyleMarkers() throws Exception {
        List<Cell> cells = cells("nbconvert_style.py");
        assertThat(cells).hasSize(4);
        assertThat(cells.get(1).source()).startsWith("\n\nimport pandas as pd\n").endsWith("\n# Another markdown cell");
        assertThat(cells.get(3).source()).isEqualTo("\n\n3 + 3");
    }

    @Test
    public void shouldReadTripleQuotedTextCellsAndWriteThemBackQuoted() throws Exception {
        List<Cell> cells = cells("triple_quotes.py");
        assertThat(cells).extracting(Cell::type).containsExactly(CellType.MARKDOWN, CellType.RAW);
        assertThat(cells.get(0).source()).isEqualTo("a\nlong\ncell");
        assertThat(cells.get(0).metadata().path("cell_marker").asText()).isEqualTo("'''");
        assertThat(cells.get(1).source()).isEqualTo("some\ntext");
        assertWritesBackBody("triple_quotes.py");
    }

    @Test
    public void shouldDropPep8BlankLinesFromSourcesAndRestoreThem() throws Exception {
        List<Cell> cells = cells("pep8_blank_lines.py");
        assertThat(cells).hasSize(5);
        for (Cell cell : cells) {
            assertThat(cell.source()).doesNotStartWith("\n").doesNotEndWith("\n");
        }
        assertThat(cells.get(2).tags()).containsExactly("parameters");
        assertThat(cells.get(3).source()).isEqualTo("class MyClass:\n    pass");
        assertWritesBackBody("pep8_blank_lines.py");
    }

    @Test
    public void shouldGiveAnIndentedMarkerTheIndentationOfItsCode() throws Exception {
        List<Cell> cells = cells("indented_marker.py");
        assertThat(cells).extracting(Cell::source).containsExactly("if __name__ == '__main__':\n    print(1)",
                "    # INDENTED COMMENT\n    print(2)");
        assertWritesBackBody("indented_marker.py");
    }

    @Test
    public void shouldNotSplitCellsAtMarkersInsideStrings() throws Exception {
        List<Cell> cells = cells("quoted_marker.py");
        assertThat(cells).hasSize(2);
        assertThat(cells.get(0).source()).isEqualTo("some text, and a fake cell marker\n# %% [raw]");
        assertThat(cells.get(1).source()).contains("# %% not a marker");
        assertWritesBackBody("quoted_marker.py");
    }

    @Test
    public void shouldWriteEmptyCodeCellsAsBareMarkers() {
        Notebook notebook = Notebook.create("empty");
        notebook.metadata().withObject("/jupytext").put("notebook_metadata_filter", "-all");
        notebook.addCell(Cell.code(""));
        notebook.addCell(Cell.code(""));
        notebook.addCell(Cell.code(""));
        String script = PyPercent.write(notebook);
        assertThat(script).isEqualTo("# %%\n\n# %%\n\n# %%\n");
        assertThat(PyPercent.read(script, "e.py").cells()).extracting(Cell::source).containsExactly("", "", "");
    }

    @Test
    public void shouldCommentMagicsAndShellEscapesButNotStringsOrPlainCode() {
        Notebook notebook = Notebook.create("magics");
        notebook.addCell(Cell.code("%time f()\n!pip list\nx = !ls\ns = \"\"\"\n%not\n\"\"\"\ny = 1 % 2\nls = 3"));
        String script = PyPercent.write(notebook);
        assertThat(script).contains("# %%\n# %time f()\n# !pip list\n# x = !ls\ns = \"\"\"\n%not\n\"\"\"\ny = 1 % 2\nls = 3\n");
        assertThat(PyPercent.read(script, "m.py").cell(0).source()).isEqualTo(notebook.cell(0).source());
    }

    @Test
    public void shouldWriteNonAsciiMetadataEscapedLikePythonJsonDumps() {
        Notebook notebook = Notebook.create("meta");
        Cell cell = notebook.addCell(Cell.code("x = 1"));
        cell.metadata().put("note", "caf\u00e9");
        cell.setTags(List.of("a b"));
        String script = PyPercent.write(notebook);
        assertThat(script).contains("# %% note=\"caf\\u00e9\" tags=[\"a b\"]\n");
        assertThat(PyPercent.read(script, "m.py").cell(0).metadata().path("note").asText()).isEqualTo("caf\u00e9");
    }

    @Test
    public void shouldNameTheLineOfAnInvalidYamlHeader() {
        String text = "# ---\n# jupyter:\n#   kernelspec: [unclosed\n# ---\n\n# %%\nx = 1\n";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PyPercent.read(text, "bad.py"))
                .isInstanceOf(NotebookException.class)
                .hasMessageStartingWith("bad.py:")
                .hasMessageContaining("YAML header");
    }

    @Test
    public void shouldRecordWhereEachCellStarts() throws Exception {
        PyPercent.Script script = PyPercent.parse(fixture("jupytext_basic.py"), "j.py");
        assertThat(script.markerLines().subList(0, 3)).containsExactly(16, 21, 25);
        assertThat(script.contentLines().subList(0, 3)).containsExactly(17, 22, 26);
    }

    @Test
    public void shouldKeepShebangEncodingAndTheHeadersJupytextVersion() throws Exception {
        String text = fixture("executable_script.py");
        Notebook notebook = PyPercent.read(text, "x.py");
        assertThat(notebook.metadata().path("jupytext").path("executable").asText()).isEqualTo("/usr/bin/env python3");
        assertThat(notebook.metadata().path("jupytext").path("encoding").asText()).isEqualTo("# -*- coding: utf-8 -*-");
        assertThat(notebook.cell(0).source()).isEqualTo("print(\"run me directly\")");
        Path file = java.nio.file.Files.createTempFile("nbci", ".py");
        Path notebookFile = java.nio.file.Files.createTempFile("nbci", ".ipynb");
        try {
            Files.writeString(file, text);
            NotebookFiles.write(notebook, notebookFile);
            assertThat(NotebookPairs.syncFromNotebook(notebookFile, file)).isEqualTo(NotebookPairs.SyncOutcome.UNCHANGED);
            assertThat(Files.readString(file)).isEqualTo(text);
            Files.writeString(file, "\uFEFF" + text);
            assertThat(NotebookFiles.read(file).cell(0).source()).isEqualTo("print(\"run me directly\")");
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(notebookFile);
        }
    }
}
