package io.nbci.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeping a notebook and its py:percent script in agreement: comparing them cell by cell
 * ({@link #compare}), and rewriting one from the other ({@link #syncFromScript},
 * {@link #syncFromNotebook}) while the notebook keeps the outputs of unchanged cells
 * ({@link #combine}).
 *
 * <p>The comparison is by content: cell types, sources, tags and the metadata a script
 * carries. Outputs, execution counts, cell ids, volatile metadata (timings, collapsed,
 * scrolled) and blank-line layout are not compared.
 */
public final class NotebookPairs {
    private static final int DIFF_LINES = 3;
    private static final Set<String> NOT_COMPARED = Set.of("lines_to_next_cell", "cell_marker");
    private static final Pattern HEADER_VERSION = Pattern.compile("(?m)^#\\s+jupytext_version:\\s*(\\S+)\\s*$");

    private NotebookPairs() {
    }

    /** One cell where a notebook and its script disagree. */
    public record CellDifference(Integer notebookCell, int scriptLine, String what, List<String> diff) {
        public CellDifference {
            diff = List.copyOf(diff);
        }
    }

    /** The result of checking one pair: its differences, or the reason it could not be read. */
    public record PairReport(Pairing.Pair pair, List<CellDifference> differences, String error) {
        public PairReport {
            differences = List.copyOf(differences);
        }
    }

    /** Reads both files of a pair and compares them; unreadable files are reported, not thrown. */
    public static PairReport check(Pairing.Pair pair) {
        try {
            Notebook notebook = Notebook.readWithoutOutputs(pair.notebook());
            String scriptText = NotebookFiles.readText(pair.script());
            // fast path: the script is exactly what nbci would write for this notebook
            String expected = PyPercent.write(withScriptVersion(notebook, scriptText));
            if (expected.equals(scriptText)) {
                return new PairReport(pair, List.of(), null);
            }
            PyPercent.Script script = PyPercent.parse(scriptText, pair.script().toString());
            return new PairReport(pair, compare(notebook, expected, script), null);
        } catch (NotebookException e) {
            return new PairReport(pair, List.of(), e.getMessage());
        }
    }

    /** The notebook, told which jupytext version the existing script's header names (so an unchanged script is written identically). */
    private static Notebook withScriptVersion(Notebook notebook, String scriptText) {
        Matcher version = HEADER_VERSION.matcher(scriptText);
        if (!version.find() || notebook.metadata().path("jupytext").has("text_representation")
                || version.group(1).equals(PyPercent.JUPYTEXT_VERSION)) {
            return notebook;
        }
        Notebook copy = notebook.copy();
        ObjectNode representation = copy.metadata().withObject("/jupytext").withObject("/text_representation");
        representation.put("format_name", "percent");
        representation.put("jupytext_version", version.group(1));
        return copy;
    }

    // ------------------------------------------------------------------ comparing

    private record Key(CellType type, String source, List<String> tags, ObjectNode metadata) {
    }

    private static Key key(Cell cell) {
        ObjectNode metadata = PyPercent.visibleMetadata(cell.metadata());
        NOT_COMPARED.forEach(metadata::remove);
        metadata.remove("tags");
        return new Key(cell.type(), cell.source(), cell.tags(), metadata);
    }

    /**
     * The cells where notebook and script disagree, in script order. The notebook is first
     * put through the script format (written and read back), so that both sides are seen
     * exactly as a script shows them.
     */
    public static List<CellDifference> compare(Notebook notebook, PyPercent.Script script) {
        return compare(notebook, PyPercent.write(notebook), script);
    }

    private static List<CellDifference> compare(Notebook notebook, String notebookAsScript, PyPercent.Script script) {
        List<Cell> notebookCells = notebook.cells();
        List<Cell> normalized = PyPercent.read(notebookAsScript, notebook.origin()).cells();
        if (normalized.size() != notebookCells.size()) {
            normalized = notebookCells;
        }
        List<Cell> scriptCells = script.notebook().cells();
        List<Key> a = new ArrayList<>();
        normalized.forEach(cell -> a.add(key(cell)));
        List<Key> b = new ArrayList<>();
        scriptCells.forEach(cell -> b.add(key(cell)));

        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<CellDifference> differences = new ArrayList<>();
        int i = 0;
        int j = 0;
        List<Integer> removed = new ArrayList<>();
        List<Integer> added = new ArrayList<>();
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                flush(removed, added, a, b, script, differences);
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                added.add(j++);
            } else {
                removed.add(i++);
            }
        }
        flush(removed, added, a, b, script, differences);
        return differences;
    }

    private static void flush(List<Integer> removed, List<Integer> added, List<Key> a, List<Key> b,
            PyPercent.Script script, List<CellDifference> out) {
        int common = Math.min(removed.size(), added.size());
        for (int k = 0; k < common; k++) {
            out.add(changed(removed.get(k), a.get(removed.get(k)), added.get(k), b.get(added.get(k)), script));
        }
        for (int k = common; k < added.size(); k++) {
            int j = added.get(k);
            List<String> diff = new ArrayList<>();
            preview(b.get(j).source(), "+ ", diff);
            out.add(new CellDifference(null, script.markerLines().get(j),
                    b.get(j).type().json() + " cell only in the script", diff));
        }
        for (int k = common; k < removed.size(); k++) {
            int i = removed.get(k);
            int line = added.isEmpty() ? lineBefore(script, i) : script.markerLines().get(added.get(added.size() - 1));
            List<String> diff = new ArrayList<>();
            preview(a.get(i).source(), "- ", diff);
            out.add(new CellDifference(i, line, a.get(i).type().json() + " cell only in the notebook", diff));
        }
        removed.clear();
        added.clear();
    }

    private static int lineBefore(PyPercent.Script script, int notebookIndex) {
        List<Integer> lines = script.markerLines();
        if (lines.isEmpty()) {
            return 1;
        }
        return lines.get(Math.min(notebookIndex, lines.size() - 1));
    }

    private static CellDifference changed(int i, Key nb, int j, Key py, PyPercent.Script script) {
        List<String> what = new ArrayList<>();
        List<String> diff = new ArrayList<>();
        int line = script.markerLines().get(j);
        if (nb.type() != py.type()) {
            what.add("cell type differs (" + nb.type().json() + " in the notebook, " + py.type().json() + " in the script)");
        }
        if (!nb.source().equals(py.source())) {
            what.add("source differs");
            line = script.contentLines().get(j) + sourceDiff(nb.source(), py.source(), diff);
        }
        if (!nb.tags().equals(py.tags())) {
            what.add("tags differ (" + nb.tags() + " in the notebook, " + py.tags() + " in the script)");
        }
        if (!nb.metadata().equals(py.metadata())) {
            Set<String> keys = new TreeSet<>();
            nb.metadata().fieldNames().forEachRemaining(keys::add);
            py.metadata().fieldNames().forEachRemaining(keys::add);
            keys.removeIf(k -> Objects.equals(nb.metadata().get(k), py.metadata().get(k)));
            what.add("metadata differs (" + String.join(", ", keys) + ")");
        }
        return new CellDifference(i, line, String.join("; ", what), diff);
    }

    /** Adds a short diff of two sources; returns the index of the first differing line. */
    private static int sourceDiff(String notebook, String script, List<String> diff) {
        List<String> left = PyPercent.scriptLines(notebook);
        List<String> right = PyPercent.scriptLines(script);
        int start = 0;
        while (start < left.size() && start < right.size() && left.get(start).equals(right.get(start))) {
            start++;
        }
        int endLeft = left.size();
        int endRight = right.size();
        while (endLeft > start && endRight > start && left.get(endLeft - 1).equals(right.get(endRight - 1))) {
            endLeft--;
            endRight--;
        }
        lines(left.subList(start, endLeft), "- ", diff);
        lines(right.subList(start, endRight), "+ ", diff);
        return start;
    }

    private static void preview(String source, String prefix, List<String> diff) {
        lines(PyPercent.scriptLines(source), prefix, diff);
    }

    private static void lines(List<String> lines, String prefix, List<String> diff) {
        for (int k = 0; k < Math.min(lines.size(), DIFF_LINES); k++) {
            diff.add(prefix + lines.get(k));
        }
        if (lines.size() > DIFF_LINES) {
            diff.add(prefix + "... (" + (lines.size() - DIFF_LINES) + " more lines)");
        }
    }

    // ------------------------------------------------------------------ combining

    /**
     * The notebook a script describes, with outputs, execution counts, ids, volatile cell
     * metadata and notebook metadata the script does not carry taken from the paired notebook
     * for every cell whose content matches (jupytext's rules: same type and content in order,
     * then anywhere, then by position).
     */
    public static Notebook combine(Notebook fromScript, Notebook withOutputs) {
        Notebook result = withOutputs.copy();
        ObjectNode metadata = result.metadata();
        JsonNode representation = metadata.path("jupytext").get("text_representation");
        fromScript.metadata().fields().forEachRemaining(e -> {
            if (PyPercent.HEADER_METADATA.contains(e.getKey())) {
                metadata.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        if (representation != null && metadata.path("jupytext").isObject()
                && !metadata.get("jupytext").has("text_representation")) {
            ((ObjectNode) metadata.get("jupytext")).set("text_representation", representation);
        }
        boolean allCellMetadataHidden = PyPercent.hidesCellMetadata(result.metadata());
        List<Cell> inputs = fromScript.cells();
        List<Cell> outputs = withOutputs.cells();
        Integer[] map = mapOutputsToInputs(inputs, outputs);
        Set<String> ids = new HashSet<>();
        for (Integer j : map) {
            if (j != null && outputs.get(j).id() != null) {
                ids.add(outputs.get(j).id());
            }
        }
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Cell input = inputs.get(i);
            if (map[i] == null) {
                Cell cell = input.copy();
                cell.json().remove("id");
                if (result.hasCellIds()) {
                    do {
                        cell.assignNewId();
                    } while (!ids.add(cell.id()));
                }
                cells.add(cell);
                continue;
            }
            Cell cell = outputs.get(map[i]).copy();
            boolean keepOutputSource = cell.source().stripTrailing().equals(input.source().stripTrailing());
            if (!keepOutputSource) {
                cell.setSource(input.source());
            }
            ObjectNode merged = allCellMetadataHidden ? NotebookJson.NODES.objectNode()
                    : PyPercent.visibleMetadata(input.metadata());
            JsonNode layout = input.metadata().get("lines_to_next_cell");
            Iterator<Map.Entry<String, JsonNode>> old = cell.metadata().fields();
            while (old.hasNext()) {
                Map.Entry<String, JsonNode> field = old.next();
                boolean hidden = allCellMetadataHidden || PyPercent.IGNORED_CELL_METADATA.contains(field.getKey())
                        || !CellOptions.isValidKey(field.getKey());
                if (hidden && !field.getKey().equals("lines_to_next_cell")) {
                    merged.set(field.getKey(), field.getValue());
                }
            }
            if (layout != null && !keepOutputSource) {
                merged.set("lines_to_next_cell", layout);
            }
            cell.json().set("metadata", merged);
            cells.add(cell);
        }
        result.setCells(cells);
        NotebookValidator.validate(result.json(), withOutputs.origin());
        return result;
    }

    private static String blackInvariant(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (" \t\n,'\"()\\".indexOf(c) < 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean sameContent(String ref, String test, boolean endsWith) {
        String a = blackInvariant(ref);
        String b = blackInvariant(test);
        if (endsWith && !b.isEmpty()) {
            return a.endsWith(b);
        }
        return a.equals(b);
    }

    static Integer[] mapOutputsToInputs(List<Cell> inputs, List<Cell> outputs) {
        int n = inputs.size();
        int m = outputs.size();
        Integer[] map = new Integer[n];
        Map<CellType, Integer> firstUnmatched = new java.util.EnumMap<>(CellType.class);
        for (int i = 0; i < n; i++) {
            Cell input = inputs.get(i);
            for (int j = firstUnmatched.getOrDefault(input.type(), 0); j < m; j++) {
                Cell output = outputs.get(j);
                if (input.type() == output.type() && sameContent(input.source(), output.source(), false)) {
                    map[i] = j;
                    firstUnmatched.put(input.type(), j + 1);
                    break;
                }
            }
        }
        TreeSet<Integer> unused = new TreeSet<>();
        for (int j = 0; j < m; j++) {
            unused.add(j);
        }
        for (Integer j : map) {
            if (j != null) {
                unused.remove(j);
            }
        }
        for (boolean endsWith : new boolean[] {false, true}) {
            if (unused.isEmpty()) {
                return map;
            }
            for (int i = 0; i < n; i++) {
                if (map[i] != null) {
                    continue;
                }
                for (Integer j : unused) {
                    if (inputs.get(i).type() == outputs.get(j).type()
                            && sameContent(outputs.get(j).source(), inputs.get(i).source(), endsWith)) {
                        map[i] = j;
                        unused.remove(j);
                        break;
                    }
                }
            }
        }
        if (unused.isEmpty()) {
            return map;
        }
        int previous = -1;
        for (int i = 0; i < n; i++) {
            if (map[i] != null) {
                previous = map[i];
                continue;
            }
            int j = previous + 1;
            if (!unused.contains(j)) {
                continue;
            }
            if (inputs.get(i).type() == outputs.get(j).type() && !inputs.get(i).source().strip().isEmpty()) {
                map[i] = j;
                unused.remove(j);
                previous = j;
            }
        }
        return map;
    }

    // ------------------------------------------------------------------ syncing

    /** What a sync did to the target file. */
    public enum SyncOutcome { CREATED, UPDATED, UNCHANGED }

    /**
     * Rewrites the notebook from the script, keeping outputs of unchanged cells. Refuses
     * (a {@link NotebookException}) to overwrite a notebook that cannot be parsed.
     */
    public static SyncOutcome syncFromScript(Path script, Path notebookFile) {
        Notebook fromScript = NotebookFiles.read(script);
        if (!Files.exists(notebookFile)) {
            NotebookFiles.write(fromScript, notebookFile);
            return SyncOutcome.CREATED;
        }
        String existingText;
        Notebook existing;
        try {
            existingText = NotebookFiles.readText(notebookFile);
            existing = Notebook.parse(existingText, notebookFile.toString());
        } catch (NotebookException e) {
            throw new NotebookException("refusing to overwrite " + notebookFile + ": it cannot be parsed ("
                    + e.getMessage() + "); fix it or delete it, then sync again", e);
        }
        Notebook combined = combine(fromScript, existing);
        String text = combined.toJson();
        if (text.equals(existingText)) {
            return SyncOutcome.UNCHANGED;
        }
        combined.write(notebookFile);
        return SyncOutcome.UPDATED;
    }

    /**
     * Rewrites the script from the notebook. Refuses (a {@link NotebookException}) to
     * overwrite a script that cannot be parsed; keeps the jupytext version its header names.
     */
    public static SyncOutcome syncFromNotebook(Path notebookFile, Path script) {
        Notebook notebook = Notebook.read(notebookFile);
        if (!Files.exists(script)) {
            NotebookFiles.write(notebook, script);
            return SyncOutcome.CREATED;
        }
        String existingText;
        try {
            existingText = NotebookFiles.readText(script);
            PyPercent.parse(existingText, script.toString());
        } catch (NotebookException e) {
            throw new NotebookException("refusing to overwrite " + script + ": it cannot be parsed ("
                    + e.getMessage() + "); fix it or delete it, then sync again", e);
        }
        String text = PyPercent.write(withScriptVersion(notebook, existingText));
        if (text.equals(existingText)) {
            return SyncOutcome.UNCHANGED;
        }
        io.nbci.common.AtomicFiles.write(script, text);
        return SyncOutcome.UPDATED;
    }
}
