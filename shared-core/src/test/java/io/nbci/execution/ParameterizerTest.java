package io.nbci.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbci.common.RecordingLog;
import io.nbci.notebook.Cell;
import io.nbci.notebook.CellType;
import io.nbci.notebook.Notebook;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class ParameterizerTest {
    private final RecordingLog log = new RecordingLog();

    private static Notebook notebook(Cell... cells) {
        Notebook notebook = Notebook.create("test.ipynb");
        for (Cell cell : cells) {
            notebook.addCell(cell);
        }
        return notebook;
    }

    private static Map<String, Object> params(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    public void shouldInsertAfterTheParametersCell() {
        Notebook nb = notebook(Cell.text(CellType.MARKDOWN, "# t"), Cell.code("a = 1").setTags(List.of("parameters")),
                Cell.code("print(a)"));
        int index = Parameterizer.inject(nb, params("a", 2L), new PythonTranslator(), log);
        assertThat(index).isEqualTo(2);
        assertThat(nb.cell(2).source()).isEqualTo("# Parameters\na = 2\n");
        assertThat(nb.cell(2).tags()).containsExactly("injected-parameters");
        assertThat(nb.cell(2).id()).isNotNull();
        assertThat(log.at("WARN")).isEmpty();
    }

    @Test
    public void shouldReplaceAnEarlierInjectedCell() {
        Notebook nb = notebook(Cell.code("a = 1").setTags(List.of("parameters")), Cell.code("print(a)"),
                Cell.code("# Parameters\na = 5\n").setTags(List.of("injected-parameters")), Cell.code("a"));
        Parameterizer.inject(nb, params("a", 7L), new PythonTranslator(), log);
        assertThat(nb.size()).isEqualTo(4);
        assertThat(nb.cell(2).source()).isEqualTo("# Parameters\na = 7\n");
        assertThat(nb.cell(2).hasTag("injected-parameters")).isTrue();
    }

    @Test
    public void shouldInsertAtTheTopAndWarnWithoutAParametersCell() {
        Notebook nb = notebook(Cell.code("print(1)"));
        assertThat(Parameterizer.inject(nb, params("x", "y"), new PythonTranslator(), log)).isEqualTo(0);
        assertThat(nb.cell(0).source()).isEqualTo("# Parameters\nx = \"y\"\n");
        assertThat(log.at("WARN")).anyMatch(w -> w.contains("no cell is tagged 'parameters'"));
    }

    @Test
    public void shouldWarnAboutNamesTheParametersCellDoesNotAssign() {
        Notebook nb = notebook(Cell.code("alpha = 1\nbeta = 2").setTags(List.of("parameters")));
        Parameterizer.inject(nb, params("alpha", 3L, "gamma", 4L), new PythonTranslator(), log);
        assertThat(log.at("WARN")).hasSize(1);
        assertThat(log.at("WARN").get(0)).contains("unknown parameter: gamma").contains("alpha, beta");
    }

    @Test
    public void shouldLeaveTheNotebookAloneWithoutParameters() {
        Notebook nb = notebook(Cell.code("a = 1").setTags(List.of("parameters")));
        assertThat(Parameterizer.inject(nb, Map.of(), new PythonTranslator(), log)).isEqualTo(-1);
        assertThat(nb.size()).isEqualTo(1);
    }
}
