package io.nbci.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nbci.common.AtomicFiles;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Jupyter notebook (nbformat 4.0 to 4.5), read and written losslessly: every field,
 * known or not, survives, and the JSON is laid out as Jupyter lays it out, so reading and
 * writing a notebook Jupyter saved gives the same bytes.
 *
 * <p>A notebook is a mutable document (execution appends outputs to it), not a value;
 * {@link #copy()} gives an independent one.
 *
 * <pre>{@code
 * Notebook notebook = Notebook.read(Path.of("jobs/score.ipynb"));   // validated
 * for (Cell cell : notebook.cells()) {
 *     if (cell.hasTag("parameters")) { ... }
 * }
 * notebook.write(Path.of("out/score.ipynb"));                       // atomic
 * }</pre>
 */
public final class Notebook {
    /** The newest minor version of nbformat 4 this version understands. */
    public static final int NEWEST_MINOR = 5;

    private final ObjectNode json;
    private final String origin;

    private Notebook(ObjectNode json, String origin) {
        this.json = json;
        this.origin = origin;
    }

    /** An empty nbformat 4.5 notebook. */
    public static Notebook create(String origin) {
        ObjectNode json = NotebookJson.NODES.objectNode();
        json.set("cells", NotebookJson.NODES.arrayNode());
        json.set("metadata", NotebookJson.NODES.objectNode());
        json.put("nbformat", 4);
        json.put("nbformat_minor", NEWEST_MINOR);
        return new Notebook(json, origin);
    }

    /** Reads and validates a notebook file. */
    public static Notebook read(Path file) {
        return parse(decode(readBytes(file), file.toString()), file.toString());
    }

    /**
     * Reads and validates a notebook for comparison: cells, sources and metadata as
     * {@link #read}, but code cells' outputs are not loaded (they read as empty).
     */
    static Notebook readWithoutOutputs(Path file) {
        JsonNode tree = NotebookJson.parseWithoutOutputs(readBytes(file), file.toString());
        NotebookValidator.validate(tree, file.toString());
        return new Notebook((ObjectNode) tree, file.toString());
    }

    /** A notebook or script file's bytes; a missing or unreadable file is a {@link NotebookException} naming it. */
    static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NotebookException(file + ": file not found");
        } catch (IOException e) {
            throw new NotebookException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    static String decode(byte[] bytes, String where) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new NotebookException(where + ": not UTF-8 text; notebooks are UTF-8 JSON");
        }
    }

    /** Parses and validates notebook JSON; {@code origin} names it in error messages. */
    public static Notebook parse(String text, String origin) {
        JsonNode tree = NotebookJson.parse(text, origin);
        NotebookValidator.validate(tree, origin);
        return new Notebook((ObjectNode) tree, origin);
    }

    /** Wraps a tree that is already known to be valid (e.g. built by a converter). */
    public static Notebook of(ObjectNode json, String origin) {
        NotebookValidator.validate(json, origin);
        return new Notebook(json, origin);
    }

    /** The file or description this notebook came from, for messages. */
    public String origin() {
        return origin;
    }

    public ObjectNode json() {
        return json;
    }

    public int nbformat() {
        return json.path("nbformat").asInt();
    }

    public int nbformatMinor() {
        return json.path("nbformat_minor").asInt();
    }

    /** True when cells carry ids (nbformat 4.5 and later). */
    public boolean hasCellIds() {
        return nbformat() == 4 && nbformatMinor() >= 5;
    }

    public ObjectNode metadata() {
        return (ObjectNode) json.get("metadata");
    }

    /** The kernelspec name from the metadata, or null. */
    public String kernelName() {
        JsonNode name = json.path("metadata").path("kernelspec").path("name");
        return name.isTextual() ? name.textValue() : null;
    }

    /** The language from the metadata (language_info, then kernelspec), or null. */
    public String language() {
        JsonNode info = json.path("metadata").path("language_info").path("name");
        if (info.isTextual()) {
            return info.textValue();
        }
        JsonNode spec = json.path("metadata").path("kernelspec").path("language");
        return spec.isTextual() ? spec.textValue() : null;
    }

    /** Live views of the cells, in order. */
    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (JsonNode cell : cellArray()) {
            cells.add(new Cell((ObjectNode) cell));
        }
        return List.copyOf(cells);
    }

    public Cell cell(int index) {
        return new Cell((ObjectNode) cellArray().get(index));
    }

    public int size() {
        return cellArray().size();
    }

    /** Inserts a cell at {@code index}, giving it an id when this notebook's format has ids. */
    public Cell insertCell(int index, Cell cell) {
        if (hasCellIds() && cell.id() == null) {
            cell.assignNewId();
        }
        cellArray().insert(index, cell.json());
        return cell;
    }

    public Cell addCell(Cell cell) {
        return insertCell(size(), cell);
    }

    public void removeCell(int index) {
        cellArray().remove(index);
    }

    /** Replaces all cells (e.g. after conversion from a script). */
    public void setCells(List<Cell> cells) {
        ArrayNode array = NotebookJson.NODES.arrayNode();
        cells.forEach(cell -> array.add(cell.json()));
        json.set("cells", array);
    }

    private ArrayNode cellArray() {
        return (ArrayNode) json.get("cells");
    }

    /** The JSON text, laid out as Jupyter writes it. */
    public String toJson() {
        return NotebookJson.write(json);
    }

    /** Writes atomically (a temporary file renamed into place). */
    public void write(Path file) {
        AtomicFiles.write(file, toJson());
    }

    public Notebook copy() {
        return new Notebook(json.deepCopy(), origin);
    }
}
