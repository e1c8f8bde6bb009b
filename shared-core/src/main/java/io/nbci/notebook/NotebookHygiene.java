package io.nbci.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Notebook checks that need no kernel: stripping what running a notebook leaves behind
 * (outputs, execution counts, volatile metadata) before it is committed, and telling
 * whether a notebook was run top to bottom.
 */
public final class NotebookHygiene {
    /** Cell metadata a run or a UI session changes, removed by {@link #strip}. */
    public static final Set<String> VOLATILE_CELL_METADATA = Set.of("execution", "ExecuteTime", "collapsed",
            "scrolled", "trusted");
    /** Notebook metadata a session changes (signature, widget state), removed by {@link #strip}. */
    public static final Set<String> VOLATILE_NOTEBOOK_METADATA = Set.of("signature", "widgets");

    /** Folders {@link #notebooksUnder} does not look into, besides hidden ones. */
    private static final Set<String> SKIPPED_FOLDERS = Set.of("target", "node_modules");

    private NotebookHygiene() {
    }

    /** Removes outputs, execution counts and volatile metadata in place; true when anything changed. */
    public static boolean strip(Notebook notebook) {
        boolean changed = false;
        for (String key : VOLATILE_NOTEBOOK_METADATA) {
            changed |= notebook.metadata().remove(key) != null;
        }
        for (Cell cell : notebook.cells()) {
            if (cell.isCode()) {
                if (!cell.outputs().isEmpty() || cell.executionCount() != null
                        || !cell.json().path("execution_count").isNull()) {
                    cell.clearOutputs();
                    changed = true;
                }
            }
            for (String key : VOLATILE_CELL_METADATA) {
                changed |= cell.metadata().remove(key) != null;
            }
        }
        return changed;
    }

    /** One place where a notebook was not run top to bottom. */
    public record OrderProblem(int cell, int executionCount, int previousCell, int previousCount) {
        public String message() {
            return "cell " + cell + " (In [" + executionCount + "]) ran before cell " + previousCell + " (In ["
                    + previousCount + "]) above it";
        }
    }

    /**
     * Where recorded execution counts do not increase from top to bottom (cells that did not
     * run are skipped); empty when the notebook was run in order.
     */
    public static List<OrderProblem> executionOrder(Notebook notebook) {
        List<OrderProblem> problems = new ArrayList<>();
        int previousCell = -1;
        int previousCount = Integer.MIN_VALUE;
        List<Cell> cells = notebook.cells();
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            JsonNode count = cell.json().get("execution_count");
            if (!cell.isCode() || count == null || !count.isIntegralNumber()) {
                continue;
            }
            int value = count.intValue();
            if (previousCell >= 0 && value <= previousCount) {
                problems.add(new OrderProblem(i, value, previousCell, previousCount));
            }
            previousCell = i;
            previousCount = value;
        }
        return problems;
    }

    /** The .ipynb files under the given files and folders (hidden folders, target and checkpoints skipped). */
    public static List<Path> notebooksUnder(List<Path> paths) {
        Set<Path> found = new TreeSet<>();
        for (Path path : paths) {
            Path absolute = path.toAbsolutePath().normalize();
            if (!Files.exists(absolute)) {
                throw new NotebookException(path + ": no such file or folder");
            }
            if (!Files.isDirectory(absolute)) {
                if (!absolute.getFileName().toString().endsWith(".ipynb")) {
                    throw new NotebookException(path + ": not a notebook (.ipynb)");
                }
                found.add(absolute);
                continue;
            }
            NotebookFiles.walk(absolute, SKIPPED_FOLDERS, file -> file.getFileName().toString().endsWith(".ipynb"),
                    found);
        }
        return new ArrayList<>(found);
    }
}
