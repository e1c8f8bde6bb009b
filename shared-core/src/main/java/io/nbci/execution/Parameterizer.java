package io.nbci.execution;

import io.nbci.common.LogSink;
import io.nbci.notebook.Cell;
import io.nbci.notebook.Notebook;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Injects parameters into a notebook the way papermill does: a code cell tagged
 * {@code injected-parameters} right after the cell tagged {@code parameters}; it replaces
 * an injected cell from an earlier run; without a parameters cell it goes to the top and a
 * warning says so. Names the parameters cell does not assign are warned about.
 */
public final class Parameterizer {
    public static final String PARAMETERS_TAG = "parameters";
    public static final String INJECTED_TAG = "injected-parameters";

    private Parameterizer() {
    }

    /**
     * Injects {@code parameters} (nothing happens when there are none).
     *
     * @return the index of the injected cell, or -1 when nothing was injected
     */
    public static int inject(Notebook notebook, Map<String, Object> parameters, ParameterTranslator translator,
            LogSink log) {
        if (parameters.isEmpty()) {
            return -1;
        }
        int parametersCell = firstTagged(notebook, PARAMETERS_TAG);
        int injectedCell = firstTagged(notebook, INJECTED_TAG);
        List<String> known = parametersCell < 0 ? List.of()
                : translator.parameterNames(notebook.cell(parametersCell).source());
        for (String name : parameters.keySet()) {
            if (!known.contains(name)) {
                log.warn(notebook.origin() + ": passed unknown parameter: " + name
                        + (parametersCell < 0 ? "" : " (the parameters cell, cell " + parametersCell + ", assigns "
                                + (known.isEmpty() ? "nothing nbci recognises" : String.join(", ", known)) + ")"));
            }
        }
        Cell cell = Cell.code(translator.codify(parameters, "Parameters"));
        List<String> tags = new ArrayList<>();
        tags.add(INJECTED_TAG);
        cell.setTags(tags);
        int index;
        if (injectedCell >= 0) {
            notebook.removeCell(injectedCell);
            index = injectedCell;
        } else if (parametersCell >= 0) {
            index = parametersCell + 1;
        } else {
            log.warn(notebook.origin() + ": no cell is tagged 'parameters'; the parameters are injected at the top");
            index = 0;
        }
        notebook.insertCell(index, cell);
        return index;
    }

    static int firstTagged(Notebook notebook, String tag) {
        List<Cell> cells = notebook.cells();
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).hasTag(tag)) {
                return i;
            }
        }
        return -1;
    }
}
