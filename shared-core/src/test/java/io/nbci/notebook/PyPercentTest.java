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
}
