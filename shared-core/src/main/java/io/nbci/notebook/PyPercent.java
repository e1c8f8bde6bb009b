package io.nbci.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The py:percent script format, as jupytext defines it, so a notebook can be reviewed and
 * edited as a plain Python file next to its {@code .ipynb}:
 *
 * <pre>
 * # ---
 * # jupyter:
 * #   jupytext:
 * #     text_representation:
 * #       extension: .py
 * #       format_name: percent
 * #       format_version: '1.3'
 * #       jupytext_version: 1.16.4
 * #   kernelspec:
 * #     display_name: Python 3
 * #     language: python
 * #     name: python3
 * # ---
 *
 * # %% [markdown]
 * # # Word count
 *
 * # %% tags=["parameters"]
 * path = "input.txt"
 *
 * # %%
 * # %time counts = count(path)
 * </pre>
 *
 * <p>Code cells start with {@code # %%}, markdown and raw cells with {@code # %% [markdown]}
 * / {@code # %% [raw]} and have every line commented; cell metadata sits on the marker line as
 * {@code key=JSON}; Jupyter magics and shell escapes are commented in the script and restored
 * when it is read; blank lines between cells follow PEP 8 as jupytext writes them. Outputs,
 * execution counts, cell ids and volatile metadata are not part of the script: {@link
 * NotebookPairs#combine} takes them back from the paired notebook.
 *
 * <pre>{@code
 * String script = PyPercent.write(Notebook.read(Path.of("score.ipynb")));
 * Notebook cells = PyPercent.read(script, "score.py");
 * }</pre>
 */
public final class PyPercent {
    /** The version of the percent format written in the header (jupytext's current one). */
    public static final String FORMAT_VERSION = "1.3";
    /** The jupytext release whose py:percent output nbci follows; written in new headers. */
    public static final String JUPYTEXT_VERSION = "1.16.4";

    /** Notebook metadata kept in the script header; the rest stays in the .ipynb only. */
    static final Set<String> HEADER_METADATA = Set.of("jupytext", "kernelspec", "kernel_info", "orphan", "tocdepth");

    /** Cell metadata never written on the marker line (volatile, or jupytext's own layout hints). */
    static final Set<String> IGNORED_CELL_METADATA = Set.of("autoscroll", "collapsed", "scrolled", "trusted",
            "execution", "ExecuteTime", "skipline", "noskipline", "cell_marker", "lines_to_next_cell",
            "lines_to_end_of_cell_marker");

    /** Cell magics that switch the cell's language (jupytext writes such cells commented, with language=...). */
    static final Set<String> LANGUAGE_MAGICS = Set.of("R", "bash", "sh", "python", "python2", "python3",
            "coconut", "javascript", "js", "perl", "html", "latex", "markdown", "pypy", "ruby", "script", "svg",
            "matlab", "octave", "idl", "robotframework", "sas", "spark", "sql", "cython", "haskell", "tcl",
            "gnuplot", "wolfram language", "c++", "scheme", "clojure", "powershell", "q", "typescript", "scala",
            "rust", "csharp", "fsharp", "sos", "java", "groovy", "sage", "ocaml", "maxima", "stata", "xonsh",
            "lua", "go", "julia", "c#", "f#", "cs", "fs");

    private static final Pattern MARKER = Pattern.compile("^\\s*#\\s*%%(%*)\\s(.*)$");
    private static final Pattern BARE_MARKER = Pattern.compile("^\\s*#\\s*(%%|<codecell>|In\\[[0-9 ]*\\]:?)\\s*$");
    private static final Pattern YAML_FENCE = Pattern.compile("^---\\s*$");
    private static final Pattern JUPYTER_KEY = Pattern.compile("^jupyter\\s*:\\s*$");
    private static final Pattern ENCODING = Pattern.compile("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-_.a-zA-Z0-9]+)");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private PyPercent() {
    }

    /**
     * A script read into a notebook, with where each cell is in the script (1-based lines):
     * {@code markerLines} is the cell's {@code # %%} line (or first line), {@code contentLines}
     * the line of its first source line.
     */
    public record Script(Notebook notebook, List<Integer> markerLines, List<Integer> contentLines) {
        public Script {
            markerLines = List.copyOf(markerLines);
            contentLines = List.copyOf(contentLines);
        }
    }

    /** Reads a py:percent script into a new nbformat 4.5 notebook (no outputs, fresh cell ids). */
    public static Notebook read(String text, String origin) {
        return parse(text, origin).notebook();
    }

    /** Reads a py:percent script and records where each cell starts. */
    public static Script parse(String text, String origin) {
        List<String> lines = scriptLines(text);
        ObjectNode metadata = NotebookJson.NODES.objectNode();
        List<Cell> cells = new ArrayList<>();
        List<Integer> markerLines = new ArrayList<>();
        List<Integer> contentLines = new ArrayList<>();
        int pos = readHeader(lines, metadata, cells, origin);
        if (!cells.isEmpty()) {
            markerLines.add(1);
            contentLines.add(1);
        }
        String defaultLanguage = defaultLanguage(metadata);
        boolean json = false;
        while (pos < lines.size()) {
            List<String> rest = lines.subList(pos, lines.size());
            CellRead read = readCell(rest, defaultLanguage);
            cells.add(read.cell);
            markerLines.add(pos + 1);
            contentLines.add(pos + 1 + read.contentOffset);
            json |= read.json;
            pos += read.consumed;
        }
        ObjectNode jupytext = metadata.path("jupytext").isObject() ? (ObjectNode) metadata.get("jupytext") : null;
        if (jupytext != null) {
            jupytext.remove("text_representation");
            if (jupytext.isEmpty()) {
                metadata.remove("jupytext");
            }
        }
        if (json) {
            metadata.withObject("/jupytext").put("cell_metadata_json", true);
        }
        Notebook notebook = Notebook.create(origin);
        notebook.json().set("metadata", metadata);
        cells.forEach(notebook::addCell);
        NotebookValidator.validate(notebook.json(), origin);
        return new Script(notebook, markerLines, contentLines);
    }

    static List<String> scriptLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : NotebookJson.splitLines(text)) {
            lines.add(stripEnding(line));
        }
        return lines;
    }

    private static String stripEnding(String line) {
        if (line.endsWith("\r\n")) {
            return line.substring(0, line.length() - 2);
        }
        if (!line.isEmpty()) {
            char last = line.charAt(line.length() - 1);
            if ("\n\r\u000B\u000C\u001C\u001D\u001E\u0085\u2028\u2029".indexOf(last) >= 0) {
                return line.substring(0, line.length() - 1);
            }
        }
        return line;
    }

    // ------------------------------------------------------------------ reading

    private static int readHeader(List<String> lines, ObjectNode metadata, List<Cell> cells, String origin) {
        List<String> header = new ArrayList<>();
        List<String> jupyter = new ArrayList<>();
        int jupyterStart = -1;
        boolean inJupyter = false;
        boolean started = false;
        boolean ended = false;
        int start = 0;
        int i = -1;
        ObjectNode extra = NotebookJson.NODES.objectNode();
        for (i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.startsWith("#!")) {
                extra.withObject("/jupytext").put("executable", line.substring(2));
                start = i + 1;
                continue;
            }
            if (i == 0 || (i == 1 && !ENCODING.matcher(lines.get(0)).lookingAt())) {
                Matcher encoding = ENCODING.matcher(line);
                if (encoding.lookingAt()) {
                    if (!encoding.group(1).equals("utf-8")) {
                        throw new NotebookException(origin + ":" + (i + 1) + ": encoding " + encoding.group(1)
                                + " is not supported; scripts must be UTF-8");
                    }
                    extra.withObject("/jupytext").put("encoding", line);
                    start = i + 1;
                    continue;
                }
            }
            if (!line.startsWith("#")) {
                break;
            }
            line = uncommentLine(line);
            if (YAML_FENCE.matcher(line).matches()) {
                if (!started) {
                    started = true;
                    continue;
                }
                ended = true;
                break;
            }
            if (!started && !line.strip().isEmpty()) {
                break;
            }
            if (JUPYTER_KEY.matcher(line).matches()) {
                inJupyter = true;
                if (jupyterStart < 0) {
                    jupyterStart = i;
                }
            } else if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
                inJupyter = false;
            }
            (inJupyter ? jupyter : header).add(line);
        }
        if (!ended) {
            merge(metadata, extra);
            return start;
        }
        if (!jupyter.isEmpty()) {
            JsonNode parsed;
            try {
                parsed = YAML.readTree(String.join("\n", jupyter));
            } catch (JsonProcessingException e) {
                int at = e.getLocation() == null ? 0 : e.getLocation().getLineNr() - 1;
                String detail = e.getOriginalMessage();
                int newline = detail == null ? -1 : detail.indexOf('\n');
                throw new NotebookException(origin + ":" + (jupyterStart + 1 + Math.max(at, 0))
                        + ": the YAML header is not valid: " + (newline < 0 ? detail : detail.substring(0, newline)));
            }
            JsonNode section = parsed == null ? null : parsed.get("jupyter");
            if (section != null && !section.isNull() && !section.isObject()) {
                throw new NotebookException(origin + ":" + (jupyterStart + 1)
                        + ": the header's 'jupyter' section must be a mapping of notebook metadata");
            }
            if (section != null && section.isObject()) {
                metadata.setAll((ObjectNode) toNotebookTree(section));
            }
        }
        merge(metadata, extra);
        int linesToNext = 1;
        if (i + 1 < lines.size()) {
            if (uncommentLine(lines.get(i + 1)).strip().isEmpty()) {
                i++;
            } else {
                linesToNext = 0;
            }
        } else {
            linesToNext = 0;
        }
        if (!header.isEmpty()) {
            List<String> raw = new ArrayList<>();
            raw.add("---");
            raw.addAll(header);
            raw.add("---");
            Cell cell = Cell.text(CellType.RAW, String.join("\n", raw));
            int expected = PythonSource.blankLinesBetween(List.of("---"), lines.subList(i + 1, lines.size()));
            if (linesToNext != expected) {
                cell.metadata().put("lines_to_next_cell", linesToNext);
            }
            cells.add(cell);
        }
        return i + 1;
    }

    /** Copies a YAML tree into notebook JSON nodes (floats keep Python's repr when written). */
    private static JsonNode toNotebookTree(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = NotebookJson.NODES.objectNode();
            node.fields().forEachRemaining(e -> object.set(e.getKey(), toNotebookTree(e.getValue())));
            return object;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode array = NotebookJson.NODES.arrayNode();
            node.forEach(item -> array.add(toNotebookTree(item)));
            return array;
        }
        return node;
    }

    private static void merge(ObjectNode target, ObjectNode extra) {
        extra.fields().forEachRemaining(e -> {
            if (e.getValue().isObject() && target.path(e.getKey()).isObject()) {
                merge((ObjectNode) target.get(e.getKey()), (ObjectNode) e.getValue());
            } else {
                target.set(e.getKey(), e.getValue());
            }
        });
    }

    private static String uncommentLine(String line) {
        if (line.startsWith("# ")) {
            return line.substring(2);
        }
        if (line.startsWith("#")) {
            return line.substring(1);
        }
        return line;
    }

    private static final class CellRead {
        Cell cell;
        int consumed;
        int contentOffset;
        boolean json;
    }

    private static CellRead readCell(List<String> lines, String defaultLanguage) {
        CellRead read = new CellRead();
        String first = lines.get(0);
        ObjectNode metadata;
        boolean marker = false;
        Matcher options = MARKER.matcher(first);
        if (options.matches()) {
            String line = uncommentLine(first);
            CellOptions.Parsed parsed = CellOptions.parse(line.substring(line.indexOf("%%") + 2));
            metadata = parsed.metadata();
            read.json = parsed.json();
            marker = true;
        } else {
            metadata = NotebookJson.NODES.objectNode();
            marker = BARE_MARKER.matcher(first).matches();
        }
        JsonNode languageNode = metadata.remove("language");
        String language = languageNode == null || languageNode.isNull() ? null : languageNode.asText();

        CellType type;
        if (metadata.has("cell_type")) {
            type = CellType.fromJson(metadata.remove("cell_type").asText());
            if (type == null) {
                type = CellType.CODE;
            }
        } else if (!isActive(metadata, "ipynb", true)) {
            if ("".equals(metadata.path("active").asText(null))) {
                metadata.remove("active");
            }
            type = CellType.RAW;
        } else {
            type = CellType.CODE;
        }

        int next = lines.size();
        PythonSource.StringTracker strings = new PythonSource.StringTracker();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (strings.isQuoted()) {
                strings.readLine(line);
                continue;
            }
            strings.readLine(line);
            if (i > 0 && (MARKER.matcher(line).matches() || BARE_MARKER.matcher(line).matches())) {
                next = i;
                break;
            }
        }
        int end;
        if (lastTwoBlank(lines.subList(0, next))) {
            end = next - 2;
        } else if (next > 0 && PythonSource.isBlank(lines.get(next - 1))) {
            end = next - 1;
        } else {
            end = next;
        }
        int cellStart = marker ? 1 : 0;
        if (end < cellStart) {
            end = cellStart;
        }
        List<String> source = new ArrayList<>(lines.subList(cellStart, end));
        List<String> original = List.copyOf(source);
        List<String> content = extractContent(source, type, metadata, language, defaultLanguage);

        int linesToNext = end < lines.size() ? next - end + (next >= lines.size() ? 1 : 0) : 1;
        int expected = PythonSource.blankLinesBetween(original.isEmpty() ? List.of("") : original,
                lines.subList(next, lines.size()));
        if (linesToNext != expected) {
            metadata.put("lines_to_next_cell", linesToNext);
        }

        String text = String.join("\n", content);
        if (language != null && !sameLanguage(language, defaultLanguage)) {
            if (LANGUAGE_MAGICS.contains(language)) {
                JsonNode args = metadata.remove("magic_args");
                String magic = "%%" + language + (args == null || args.isNull() ? "" : " " + args.asText());
                text = magic + "\n" + text;
            } else {
                metadata.put("language", language);
            }
        } else if (language != null && !language.equals(defaultLanguage)) {
            metadata.put("language", language);
        }
        Cell cell = type == CellType.CODE ? Cell.code(text) : Cell.text(type, text);
        cell.json().set("metadata", metadata);
        read.cell = cell;
        read.consumed = Math.max(next, 1);
        read.contentOffset = cellStart;
        return read;
    }

    private static boolean lastTwoBlank(List<String> lines) {
        int n = lines.size();
        return n >= 3 && !PythonSource.isBlank(lines.get(n - 3)) && PythonSource.isBlank(lines.get(n - 2))
                && PythonSource.isBlank(lines.get(n - 1));
    }

    private static List<String> extractContent(List<String> lines, CellType type, ObjectNode metadata,
            String language, String defaultLanguage) {
        if (!isActive(metadata, "py", type == CellType.CODE)) {
            String content = String.join("\n", lines).strip();
            for (String prefix : new String[] {"", "r", "R"}) {
                for (String quotes : new String[] {"\"\"\"", "'''"}) {
                    String left = prefix + quotes;
                    String right = quotes;
                    if (content.startsWith(left) && content.endsWith(right)
                            && content.length() >= left.length() + right.length()) {
                        content = content.substring(left.length(), content.length() - right.length());
                        if (content.startsWith("\n")) {
                            content = content.substring(1);
                            left = left + "\n";
                        }
                        if (content.endsWith("\n")) {
                            content = content.substring(0, content.length() - 1);
                            right = "\n" + right;
                        }
                        if (prefix.isEmpty()) {
                            if (left.length() == 4 && right.length() == 4) {
                                metadata.put("cell_marker", left.substring(0, 3));
                            }
                        } else if (left.length() - 1 == 4 && right.length() == 4) {
                            metadata.put("cell_marker", left.substring(0, 4));
                        } else {
                            metadata.put("cell_marker", left + "," + right);
                        }
                        return new ArrayList<>(pythonSplitLines(content));
                    }
                }
            }
        }
        if (type != CellType.CODE) {
            // jupytext also un-escapes magics in text cells here; nbci does not, so that a markdown
            // line such as "# cd notes" survives a round trip (see docs/pairing.md)
            PythonSource.uncomment(lines);
            return lines;
        }
        if (!isActive(metadata, "py", true)
                || (!metadata.has("active") && language != null && !language.equals(defaultLanguage))) {
            PythonSource.uncomment(lines);
            return lines;
        }
        PythonSource.uncommentMagics(lines);
        PythonSource.unescapeCodeStart(lines);
        return lines;
    }

    private static List<String> pythonSplitLines(String text) {
        return scriptLines(text);
    }

    /** jupytext's is_active: is the cell live in a file of the given extension? */
    static boolean isActive(ObjectNode metadata, String extension, boolean byDefault) {
        if (metadata.path("run_control").path("frozen").asBoolean(false)
                && metadata.path("run_control").path("frozen").isBoolean()) {
            return extension.equals("ipynb");
        }
        JsonNode tags = metadata.get("tags");
        if (tags != null && tags.isArray()) {
            for (JsonNode tag : tags) {
                String text = tag.asText();
                if (text.startsWith("active-")) {
                    return List.of(text.split("-")).contains(extension);
                }
            }
        }
        JsonNode active = metadata.get("active");
        if (active == null) {
            return byDefault;
        }
        return List.of(active.asText().split("[.,]", -1)).contains(extension);
    }

    private static boolean hasActiveTag(ObjectNode metadata) {
        JsonNode tags = metadata.get("tags");
        if (tags != null && tags.isArray()) {
            for (JsonNode tag : tags) {
                if (tag.asText().startsWith("active-")) {
                    return true;
                }
            }
        }
        return false;
    }

    static String defaultLanguage(ObjectNode metadata) {
        String main = metadata.path("jupytext").path("main_language").asText(null);
        String kernel = metadata.path("kernelspec").path("language").asText(null);
        String language = main != null ? main : kernel != null ? kernel : "python";
        if (language.equals("R") || language.equals("sas")) {
            return language;
        }
        return language.toLowerCase(java.util.Locale.ROOT).replace("#", "sharp");
    }

    private static String usualName(String language) {
        String lower = language.toLowerCase(java.util.Locale.ROOT);
        switch (lower) {
            case "r": return "R";
            case "octave": return "matlab";
            case "cs": case "c#": return "csharp";
            case "fs": case "f#": return "fsharp";
            case "sas": return "SAS";
            default: return lower.startsWith("c++") ? "c++" : lower;
        }
    }

    private static boolean sameLanguage(String a, String b) {
        return usualName(a).equals(usualName(b));
    }

    // ------------------------------------------------------------------ writing

    /** The py:percent script for a notebook (jupytext's layout: header, markers, PEP 8 blank lines). */
    public static String write(Notebook notebook) {
        ObjectNode metadata = notebook.metadata().deepCopy();
        String defaultLanguage = defaultLanguage(metadata);
        JsonNode jupytextOptions = metadata.path("jupytext");
        boolean commentMagics = jupytextOptions.path("comment_magics").asBoolean(true);
        boolean plainJson = jupytextOptions.path("cell_metadata_json").asBoolean(false);
        String cellMarkers = jupytextOptions.path("cell_markers").asText(null);

        List<String> header = new ArrayList<>();
        ObjectNode jupytext = metadata.withObject("/jupytext");
        JsonNode executable = jupytext.remove("executable");
        if (executable != null) {
            header.add("#!" + executable.asText());
        }
        JsonNode encoding = jupytext.remove("encoding");
        if (encoding != null) {
            header.add(encoding.asText());
        }

        List<Cell> cells = new ArrayList<>(notebook.cells());
        List<String> yaml = new ArrayList<>();
        Integer headerBlankLines = null;
        if (!cells.isEmpty() && cells.get(0).type() == CellType.RAW) {
            List<String> raw = pythonSplitLines(cells.get(0).source().replaceAll("^[\\n\\t ]+|[\\n\\t ]+$", ""));
            if (raw.size() >= 2 && YAML_FENCE.matcher(raw.get(0)).matches()
                    && YAML_FENCE.matcher(raw.get(raw.size() - 1)).matches()) {
                yaml.addAll(raw.subList(1, raw.size() - 1));
                JsonNode blank = cells.get(0).metadata().get("lines_to_next_cell");
                headerBlankLines = blank != null && blank.isInt() ? blank.intValue() : null;
                cells.remove(0);
            }
        }
        String version = JUPYTEXT_VERSION;
        JsonNode previous = jupytext.path("text_representation");
        if ("percent".equals(previous.path("format_name").asText()) && previous.path("jupytext_version").isTextual()) {
            version = previous.path("jupytext_version").asText();
        }
        ObjectNode representation = NotebookJson.NODES.objectNode();
        representation.put("extension", ".py");
        representation.put("format_name", "percent");
        representation.put("format_version", FORMAT_VERSION);
        representation.put("jupytext_version", version);
        jupytext.set("text_representation", representation);
        ObjectNode kept = NotebookJson.NODES.objectNode();
        metadata.fields().forEachRemaining(e -> {
            if (HEADER_METADATA.contains(e.getKey())) {
                kept.set(e.getKey(), e.getValue());
            }
        });
        if (!kept.isEmpty() && !hidesNotebookMetadata(notebook.metadata())) {
            yaml.addAll(HeaderYaml.dump("jupyter", kept));
        }
        List<String> headerContent = new ArrayList<>();
        if (!yaml.isEmpty()) {
            headerContent.add("# ---");
            yaml.forEach(line -> headerContent.add(line.isEmpty() ? "#" : "# " + line));
            headerContent.add("# ---");
        }
        header.addAll(headerContent);

        boolean hideCellMetadata = hidesCellMetadata(notebook.metadata());
        List<List<String>> texts = new ArrayList<>();
        for (Cell cell : cells) {
            texts.add(cellToText(cell, defaultLanguage, commentMagics, plainJson, cellMarkers, hideCellMetadata));
        }
        List<String> lines = new ArrayList<>();
        for (int i = cells.size() - 1; i >= 0; i--) {
            List<String> text = new ArrayList<>(texts.get(i));
            JsonNode blank = cells.get(i).metadata().get("lines_to_next_cell");
            int count = blank != null && blank.isIntegralNumber() ? blank.intValue()
                    : PythonSource.blankLinesBetween(text, lines);
            for (int k = 0; k < count; k++) {
                text.add("");
            }
            text.addAll(lines);
            lines = text;
        }
        int headerBlank = headerBlankLines != null ? headerBlankLines
                : PythonSource.blankLinesBetween(headerContent, lines);
        for (int k = 0; k < headerBlank; k++) {
            header.add("");
        }
        header.addAll(lines);
        return String.join("\n", header);
    }

    private static List<String> cellSource(Cell cell) {
        String source = cell.source();
        List<String> lines = new ArrayList<>();
        if (source.isEmpty()) {
            lines.add("");
            return lines;
        }
        lines.addAll(pythonSplitLines(source));
        if (source.endsWith("\n")) {
            lines.add("");
        }
        return lines;
    }

    /** True when the notebook asks jupytext to keep all notebook metadata out of the script header. */
    static boolean hidesNotebookMetadata(ObjectNode metadata) {
        return "-all".equals(metadata.path("jupytext").path("notebook_metadata_filter").asText(null));
    }

    /** True when the notebook asks jupytext to keep all cell metadata off the marker lines. */
    static boolean hidesCellMetadata(ObjectNode metadata) {
        return "-all".equals(metadata.path("jupytext").path("cell_metadata_filter").asText(null));
    }

    /** The cell's metadata as it appears on the marker line: volatile and jupytext-internal keys removed. */
    static ObjectNode visibleMetadata(ObjectNode metadata) {
        ObjectNode visible = NotebookJson.NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = metadata.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!IGNORED_CELL_METADATA.contains(field.getKey()) && CellOptions.isValidKey(field.getKey())) {
                visible.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        return visible;
    }

    private static List<String> cellToText(Cell cell, String defaultLanguage, boolean commentMagics,
            boolean plainJson, String cellMarkers, boolean hideCellMetadata) {
        List<String> source = cellSource(cell);
        ObjectNode unfiltered = cell.metadata();
        ObjectNode metadata = hideCellMetadata ? NotebookJson.NODES.objectNode() : visibleMetadata(unfiltered);
        String language = null;
        String first = source.get(0);
        if (first.startsWith("%%")) {
            String magic = first.substring(2);
            int space = magic.indexOf(' ');
            String name = space < 0 ? magic : magic.substring(0, space);
            String args = space < 0 ? "" : magic.substring(space + 1);
            if (LANGUAGE_MAGICS.contains(name)) {
                source.remove(0);
                if (source.isEmpty()) {
                    source.add("");
                }
                language = name;
                if (!args.isEmpty()) {
                    metadata.put("magic_args", args);
                }
                metadata.put("language", language);
            }
        }
        if (language == null) {
            language = unfiltered.path("language").asText(defaultLanguage);
        }
        CellType type = cell.type();
        if (type == CellType.RAW && !metadata.has("active") && !hasActiveTag(metadata)) {
            metadata.put("active", "");
        }
        boolean active = isActive(metadata, "py", sameLanguage(language, defaultLanguage));
        if (type == CellType.RAW && "".equals(metadata.path("active").asText(null))) {
            metadata.remove("active");
        }
        boolean isCode = type == CellType.CODE
                || (type == CellType.RAW && (metadata.has("active") || hasActiveTag(metadata)));
        if (!isCode) {
            metadata.put("cell_type", type.json());
        }
        String options = CellOptions.write(metadata, plainJson);
        String indent = "";
        if (isCode && active && !source.get(0).strip().isEmpty()) {
            String line = source.get(0);
            indent = line.substring(0, line.length() - PythonSource.stripLeading(line).length());
        }
        List<String> lines = new ArrayList<>();
        lines.add(indent + (options.isEmpty() || options.startsWith("%") ? "# %%" + options : "# %% " + options));
        if (isCode && active) {
            if (commentMagics) {
                PythonSource.commentMagics(source);
            }
            if (source.size() == 1 && source.get(0).isEmpty()) {
                return lines;
            }
            lines.addAll(source);
            return lines;
        }
        lines.addAll(textToComments(source, unfiltered.path("cell_marker").asText(cellMarkers)));
        return lines;
    }

    private static List<String> textToComments(List<String> source, String cellMarkers) {
        if (cellMarkers != null && !cellMarkers.isEmpty()) {
            String left;
            String right;
            String markers = cellMarkers;
            if (markers.contains(",")) {
                left = markers.substring(0, markers.indexOf(','));
                right = markers.substring(markers.indexOf(',') + 1);
            } else {
                left = markers + "\n";
                if (markers.startsWith("r") || markers.startsWith("R")) {
                    markers = markers.substring(1);
                }
                right = "\n" + markers;
            }
            String rightEnd = right.length() >= 3 ? right.substring(right.length() - 3) : right;
            boolean rawPrefix = left.startsWith("r") || left.startsWith("R");
            boolean matching = (left.length() >= 3 && left.substring(0, 3).equals(rightEnd))
                    || (rawPrefix && left.length() >= 4 && left.substring(1, 4).equals(rightEnd));
            if (matching && (rightEnd.equals("\"\"\"") || rightEnd.equals("'''"))) {
                if (!rawPrefix && String.join("\n", source).contains("\\")) {
                    left = "r" + left;
                }
                List<String> quoted = new ArrayList<>(source);
                quoted.set(0, left + quoted.get(0));
                quoted.set(quoted.size() - 1, quoted.get(quoted.size() - 1) + right);
                // a marker with a newline makes two script lines
                List<String> out = new ArrayList<>();
                quoted.forEach(line -> out.addAll(List.of(line.split("\n", -1))));
                return out;
            }
        }
        List<String> out = new ArrayList<>();
        for (String line : source) {
            out.add(line.isEmpty() ? "#" : "# " + line);
        }
        return out;
    }
}
