package io.nbci.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One cell of a {@link Notebook}: a live view over the cell's JSON object, so that fields
 * nbci does not know about survive every change it makes.
 */
public final class Cell {
    private final ObjectNode json;

    Cell(ObjectNode json) {
        this.json = json;
    }

    /** A new code cell (no outputs, no execution count) with the given source. */
    public static Cell code(String source) {
        ObjectNode json = NotebookJson.NODES.objectNode();
        json.put("cell_type", "code");
        json.putNull("execution_count");
        json.set("metadata", NotebookJson.NODES.objectNode());
        json.set("outputs", NotebookJson.NODES.arrayNode());
        json.set("source", NotebookJson.lines(source));
        return new Cell(json);
    }

    /** A new markdown or raw cell with the given source. */
    public static Cell text(CellType type, String source) {
        if (type == CellType.CODE) {
            return code(source);
        }
        ObjectNode json = NotebookJson.NODES.objectNode();
        json.put("cell_type", type.json());
        json.set("metadata", NotebookJson.NODES.objectNode());
        json.set("source", NotebookJson.lines(source));
        return new Cell(json);
    }

    /** The underlying JSON object (changes are changes to the notebook). */
    public ObjectNode json() {
        return json;
    }

    public CellType type() {
        return CellType.fromJson(json.path("cell_type").asText());
    }

    public boolean isCode() {
        return type() == CellType.CODE;
    }

    public String id() {
        JsonNode id = json.get("id");
        return id == null || id.isNull() ? null : id.asText();
    }

    public Cell setId(String id) {
        json.put("id", id);
        return this;
    }

    /** Gives the cell a fresh id in the form Jupyter uses (8 hex digits), for nbformat 4.5 notebooks. */
    public Cell assignNewId() {
        return setId(UUID.randomUUID().toString().substring(0, 8));
    }

    /** The source as one string, whichever form it is stored in. */
    public String source() {
        return NotebookJson.joined(json.get("source"));
    }

    /**
     * Replaces the source. A source stored as one string stays one string; otherwise it is
     * stored as a list of lines, as Jupyter writes it. Unchanged text is left untouched.
     */
    public Cell setSource(String source) {
        if (source.equals(source())) {
            return this;
        }
        JsonNode current = json.get("source");
        if (current != null && current.isTextual()) {
            json.put("source", source);
        } else {
            json.set("source", NotebookJson.lines(source));
        }
        return this;
    }

    public ObjectNode metadata() {
        JsonNode metadata = json.get("metadata");
        if (metadata == null || !metadata.isObject()) {
            metadata = NotebookJson.NODES.objectNode();
            json.set("metadata", metadata);
        }
        return (ObjectNode) metadata;
    }

    /** The cell's tags ({@code metadata.tags}), e.g. {@code parameters}. */
    public List<String> tags() {
        List<String> tags = new ArrayList<>();
        JsonNode node = json.path("metadata").path("tags");
        if (node.isArray()) {
            node.forEach(tag -> tags.add(tag.asText()));
        }
        return List.copyOf(tags);
    }

    public boolean hasTag(String tag) {
        return tags().contains(tag);
    }

    public Cell setTags(List<String> tags) {
        if (tags.isEmpty()) {
            metadata().remove("tags");
        } else {
            ArrayNode array = metadata().putArray("tags");
            tags.forEach(array::add);
        }
        return this;
    }

    /** The code cell's outputs (a live array); empty for other cells. */
    public ArrayNode outputs() {
        JsonNode outputs = json.get("outputs");
        if (outputs == null || !outputs.isArray()) {
            if (!isCode()) {
                return NotebookJson.NODES.arrayNode();
            }
            outputs = NotebookJson.NODES.arrayNode();
            json.set("outputs", outputs);
        }
        return (ArrayNode) outputs;
    }

    /** The recorded execution count, or null when the cell has not run. */
    public Integer executionCount() {
        JsonNode count = json.get("execution_count");
        return count == null || !count.isNumber() ? null : count.intValue();
    }

    public Cell setExecutionCount(Integer count) {
        if (count == null) {
            json.putNull("execution_count");
        } else {
            json.put("execution_count", count);
        }
        return this;
    }

    /** Removes outputs and the execution count (code cells only). */
    public Cell clearOutputs() {
        if (isCode()) {
            json.set("outputs", NotebookJson.NODES.arrayNode());
            json.putNull("execution_count");
        }
        return this;
    }

    /** A deep copy, detached from any notebook. */
    public Cell copy() {
        return new Cell(json.deepCopy());
    }

    @Override
    public String toString() {
        String source = source();
        int newline = source.indexOf('\n');
        return json.path("cell_type").asText() + ": " + (newline < 0 ? source : source.substring(0, newline));
    }
}
