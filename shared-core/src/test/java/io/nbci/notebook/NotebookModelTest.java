package io.nbci.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.Test;

/** The notebook model itself: unknown fields survive edits, versions are told apart. */
public class NotebookModelTest {
    private static final Path CORPUS = NotebookCorpusTest.CORPUS;

    @Test
    public void shouldKeepUnknownFieldsAtEveryLevelWhenCellsAreEdited() {
        Notebook notebook = Notebook.read(CORPUS.resolve("22_unknown_fields.ipynb"));
        notebook.cell(0).setSource("x = 2");
        notebook.addCell(Cell.code("y = 3"));
        Notebook back = Notebook.parse(notebook.toJson(), "edited");
        assertThat(back.json().path("x_top_level").path("kept").asBoolean()).isTrue();
        assertThat(back.metadata().path("x_vendor").path("a").size()).isEqualTo(2);
        assertThat(back.cell(0).json().path("x_cell_field").asText()).isEqualTo("kept");
        assertThat(back.cell(0).outputs().get(0).has("x_output_field")).isTrue();
        assertThat(back.cell(1).json().path("x_markdown_field").asDouble()).isEqualTo(0.5);
        assertThat(back.cell(2).id()).matches("[0-9a-f]{8}");
    }

    @Test
    public void shouldTellVersionsAndIdsApart() {
        Notebook old = Notebook.read(CORPUS.resolve("09_nbformat_4_0.ipynb"));
        assertThat(old.nbformatMinor()).isZero();
        assertThat(old.hasCellIds()).isFalse();
        assertThat(old.cell(0).id()).isNull();
        Notebook current = Notebook.read(CORPUS.resolve("01_markdown.ipynb"));
        assertThat(current.nbformatMinor()).isEqualTo(5);
        assertThat(current.cell(0).id()).isEqualTo("01-0");
    }

    @Test
    public void shouldKeepSourcesStoredAsOneStringInThatForm() {
        Notebook notebook = Notebook.read(CORPUS.resolve("23_string_sources.ipynb"));
        assertThat(notebook.cell(0).json().get("source").isTextual()).isTrue();
        notebook.cell(0).setSource("changed\ntext");
        assertThat(notebook.cell(0).json().get("source").isTextual()).isTrue();
    }

    @Test
    public void shouldStripOutputsCountsAndVolatileMetadataOnly() {
        Notebook notebook = Notebook.read(CORPUS.resolve("13_cell_metadata.ipynb"));
        assertThat(NotebookHygiene.strip(notebook)).isTrue();
        Cell cell = notebook.cell(1);
        assertThat(cell.executionCount()).isNull();
        assertThat(cell.outputs()).isEmpty();
        assertThat(cell.metadata().has("ExecuteTime")).isFalse();
        assertThat(cell.metadata().has("execution")).isFalse();
        assertThat(cell.metadata().has("collapsed")).isFalse();
        assertThat(cell.metadata().has("scrolled")).isFalse();
        assertThat(cell.tags()).containsExactly("check", "slow");
        assertThat(cell.metadata().path("slideshow").path("slide_type").asText()).isEqualTo("slide");
        Notebook widgets = Notebook.read(CORPUS.resolve("08_widgets.ipynb"));
        NotebookHygiene.strip(widgets);
        assertThat(widgets.metadata().has("widgets")).isFalse();
        assertThat(widgets.metadata().has("kernelspec")).isTrue();
    }

    @Test
    public void shouldNameCellsRunOutOfOrder() {
        Notebook notebook = Notebook.create("order");
        notebook.addCell(Cell.code("a = 1")).setExecutionCount(1);
        notebook.addCell(Cell.text(CellType.MARKDOWN, "text"));
        notebook.addCell(Cell.code("b = 2")).setExecutionCount(5);
        notebook.addCell(Cell.code("not run"));
        notebook.addCell(Cell.code("c = 3")).setExecutionCount(3);
        assertThat(NotebookHygiene.executionOrder(notebook)).extracting(NotebookHygiene.OrderProblem::message)
                .containsExactly("cell 4 (In [3]) ran before cell 2 (In [5]) above it");
        notebook.cell(4).setExecutionCount(6);
        assertThat(NotebookHygiene.executionOrder(notebook)).isEmpty();
    }
}
