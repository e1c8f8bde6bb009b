package io.nbci.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

/**
 * Every notebook of the shared corpus (written by python3-nbformat, see generate.py next to
 * them) round-trips: read and written back it is the same bytes; converted to py:percent and
 * back (combined with itself for outputs) it is the same bytes; its script is stable.
 */
@RunWith(Parameterized.class)
public class NotebookCorpusTest {
    static final Path CORPUS = Path.of(System.getProperty("nbci.repo.root", ".."), "src/test/resources/notebooks");

    @Parameterized.Parameters(name = "{0}")
    public static Collection<Object[]> notebooks() throws IOException {
        List<Object[]> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(CORPUS)) {
            list.filter(p -> p.toString().endsWith(".ipynb")).sorted()
                    .forEach(p -> files.add(new Object[] {p.getFileName().toString()}));
        }
        return files;
    }

    private final Path file;

    public NotebookCorpusTest(String name) {
        this.file = CORPUS.resolve(name);
    }

    private String original() throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    public void shouldHaveAtLeastFifteenNotebooksInTheCorpus() throws IOException {
        assertThat(notebooks()).hasSizeGreaterThanOrEqualTo(15);
    }

    @Test
    public void shouldWriteTheSameBytesItRead() throws IOException {
        Notebook notebook = Notebook.read(file);
        assertThat(notebook.toJson()).isEqualTo(original());
    }

    @Test
    public void shouldComeBackIdenticalFromItsScriptWhenCombinedWithItsOutputs() throws IOException {
        Notebook notebook = Notebook.read(file);
        String script = PyPercent.write(notebook);
        Notebook back = NotebookPairs.combine(PyPercent.read(script, "twin.py"), notebook);
        assertThat(back.toJson()).isEqualTo(original());
    }

    @Test
    public void shouldKeepEveryCellTypeSourceTagAndVisibleMetadataThroughItsScriptAlone() {
        Notebook notebook = Notebook.read(file);
        Notebook back = PyPercent.read(PyPercent.write(notebook), "twin.py");
        assertThat(back.size()).isEqualTo(notebook.size());
        for (int i = 0; i < notebook.size(); i++) {
            Cell expected = notebook.cell(i);
            Cell actual = back.cell(i);
            String where = file.getFileName() + " cell " + i;
            assertThat(actual.type()).as(where).isEqualTo(expected.type());
            // jupytext's layout keeps trailing blank lines as blank lines between cells, not in the source
            assertThat(actual.source().stripTrailing()).as(where).isEqualTo(expected.source().stripTrailing());
            assertThat(actual.tags()).as(where).isEqualTo(expected.tags());
            assertThat(visible(actual)).as(where).isEqualTo(visible(expected));
        }
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode visible(Cell cell) {
        com.fasterxml.jackson.databind.node.ObjectNode metadata = PyPercent.visibleMetadata(cell.metadata());
        metadata.remove("lines_to_next_cell");
        return metadata;
    }

    @Test
    public void shouldWriteAStableScript() {
        String script = PyPercent.write(Notebook.read(file));
        String again = PyPercent.write(PyPercent.read(script, "twin.py"));
        assertThat(again).isEqualTo(script);
    }

    @Test
    public void shouldAgreeWithItsOwnScript() {
        Notebook notebook = Notebook.read(file);
        PyPercent.Script script = PyPercent.parse(PyPercent.write(notebook), "twin.py");
        assertThat(NotebookPairs.compare(notebook, script)).isEmpty();
    }

    @Test
    public void shouldComeBackIdenticalAfterStripWhenItHadNoOutputs() throws IOException {
        Notebook notebook = Notebook.read(file);
        Notebook stripped = notebook.copy();
        boolean changed = NotebookHygiene.strip(stripped);
        assertThat(changed).isEqualTo(!stripped.toJson().equals(original()));
        assertThat(NotebookHygiene.strip(stripped)).as("strip is idempotent").isFalse();
    }
}
