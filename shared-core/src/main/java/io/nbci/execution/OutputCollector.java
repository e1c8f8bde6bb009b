package io.nbci.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nbci.notebook.NotebookJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns a cell's iopub messages into nbformat outputs, stored as nbformat stores them:
 * multi-line text ({@code text/*}, {@code application/javascript}, {@code image/svg+xml},
 * stream text) as lists of lines, other data (base64 images, JSON) as it came. Consecutive
 * stream messages of the same name become one output, as Jupyter front-ends show them.
 * Also handles clear_output (with and without wait) and update_display_data.
 */
final class OutputCollector implements ExecutionListener {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> SPLIT_MIMES = Set.of("application/javascript", "image/svg+xml");

    private final Map<String, List<ObjectNode>> displays;
    private final Consumer<String> streamSink;
    private ArrayNode outputs;
    private ObjectNode openStream;
    private StringBuilder openText;
    private final StringBuilder captured = new StringBuilder();
    private long capturedTotal;
    private boolean clearPending;
    private ObjectNode error;
    private final int captureLimit;

    /**
     * @param displays   display_id to outputs, shared by every cell of one notebook
     * @param streamSink receives stream text as it arrives (for --log-output), or null
     */
    OutputCollector(Map<String, List<ObjectNode>> displays, Consumer<String> streamSink, int captureLimit) {
        this.displays = displays;
        this.streamSink = streamSink;
        this.captureLimit = captureLimit;
    }

    /** Starts collecting into a cell's (emptied) outputs array. */
    void startCell(ArrayNode cellOutputs) {
        this.outputs = cellOutputs;
        this.openStream = null;
        this.openText = null;
        this.captured.setLength(0);
        this.capturedTotal = 0;
        this.clearPending = false;
        this.error = null;
    }

    @Override
    public void onMessage(Message message) {
        JsonNode content = message.content();
        switch (message.type()) {
            case "stream":
                stream(content.path("name").asText("stdout"), content.path("text").asText(""));
                break;
            case "display_data":
                add(richOutput("display_data", content), content);
                break;
            case "execute_result": {
                ObjectNode output = richOutput("execute_result", content);
                output.set("execution_count", content.path("execution_count").deepCopy());
                add(output, content);
                break;
            }
            case "error": {
                ObjectNode output = NODES.objectNode();
                output.put("output_type", "error");
                output.put("ename", content.path("ename").asText());
                output.put("evalue", content.path("evalue").asText());
                ArrayNode traceback = NODES.arrayNode();
                content.path("traceback").forEach(line -> traceback.add(line.asText()));
                output.set("traceback", traceback);
                error = output;
                add(output, content);
                break;
            }
            case "clear_output":
                if (content.path("wait").asBoolean(false)) {
                    clearPending = true;
                } else {
                    clear();
                }
                break;
            case "update_display_data":
                update(content);
                break;
            default:
                break;
        }
    }

    private void stream(String name, String text) {
        if (streamSink != null) {
            streamSink.accept(text);
        }
        capture(text);
        applyPendingClear();
        if (openStream != null && name.equals(openStream.path("name").asText())
                && outputs.size() > 0 && outputs.get(outputs.size() - 1) == openStream) {
            openText.append(text);
            return;
        }
        closeStream();
        openStream = NODES.objectNode();
        openStream.put("output_type", "stream");
        openStream.put("name", name);
        openStream.set("text", NODES.arrayNode());
        openText = new StringBuilder(text);
        outputs.add(openStream);
    }

    private void capture(String text) {
        capturedTotal += text.length();
        captured.append(text);
        if (captured.length() > 2 * captureLimit) {
            captured.delete(0, captured.length() - captureLimit);
        }
    }

    private ObjectNode richOutput(String type, JsonNode content) {
        ObjectNode output = NODES.objectNode();
        output.put("output_type", type);
        ObjectNode data = NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = content.path("data").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            data.set(field.getKey(), mimeValue(field.getKey(), field.getValue()));
        }
        output.set("data", data);
        JsonNode metadata = content.path("metadata");
        output.set("metadata", metadata.isObject() ? metadata.deepCopy() : NODES.objectNode());
        return output;
    }

    private static JsonNode mimeValue(String mime, JsonNode value) {
        if (value.isTextual() && (mime.startsWith("text/") || SPLIT_MIMES.contains(mime))) {
            return NotebookJson.lines(value.textValue());
        }
        return value.deepCopy();
    }

    private void add(ObjectNode output, JsonNode content) {
        applyPendingClear();
        closeStream();
        outputs.add(output);
        String displayId = content.path("transient").path("display_id").asText("");
        if (!displayId.isEmpty()) {
            displays.computeIfAbsent(displayId, id -> new ArrayList<>()).add(output);
        }
    }

    private void update(JsonNode content) {
        String displayId = content.path("transient").path("display_id").asText("");
        for (ObjectNode output : displays.getOrDefault(displayId, List.of())) {
            ObjectNode fresh = richOutput(output.path("output_type").asText(), content);
            output.set("data", fresh.get("data"));
            output.set("metadata", fresh.get("metadata"));
        }
    }

    private void applyPendingClear() {
        if (clearPending) {
            clearPending = false;
            clear();
        }
    }

    private void clear() {
        closeStream();
        outputs.removeAll();
        openStream = null;
        openText = null;
    }

    /** Stores the open stream's text as lines; called before the notebook is saved and at the end of a cell. */
    void flush() {
        if (openStream != null) {
            openStream.set("text", NotebookJson.lines(openText.toString()));
        }
    }

    private void closeStream() {
        flush();
        openStream = null;
        openText = null;
    }

    /** Ends the cell; a last line without a newline still reaches the stream sink. */
    void finishCell() {
        closeStream();
        if (streamSink instanceof Runnable) {
            ((Runnable) streamSink).run();
        }
    }

    /** The error output the kernel sent for this cell, or null. */
    ObjectNode error() {
        return error;
    }

    /** The cell's stream text, keeping the last {@code captureLimit} characters. */
    String capturedOutput() {
        if (capturedTotal == 0) {
            return null;
        }
        if (capturedTotal <= captureLimit) {
            return captured.toString();
        }
        String tail = captured.length() <= captureLimit ? captured.toString()
                : captured.substring(captured.length() - captureLimit);
        return "[... " + (capturedTotal - captureLimit) + " earlier characters not kept ...]\n" + tail;
    }

    static Map<String, List<ObjectNode>> newDisplayMap() {
        return new HashMap<>();
    }
}
