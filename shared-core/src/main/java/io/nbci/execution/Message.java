package io.nbci.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One Jupyter message (protocol 5.3) as received: header, parent header, metadata and
 * content. Content keeps the kernel's JSON as a tree (floats keep their written form).
 */
public record Message(ObjectNode header, JsonNode parentHeader, JsonNode metadata, JsonNode content) {

    public String type() {
        return header.path("msg_type").asText();
    }

    public String id() {
        return header.path("msg_id").asText();
    }

    /** The id of the request this message answers, or "" when it has none. */
    public String parentId() {
        return parentHeader.path("msg_id").asText("");
    }

    /** The sender's timestamp (header.date) as written, or null. */
    public String date() {
        JsonNode date = header.get("date");
        return date == null || date.isNull() ? null : date.asText();
    }

    @Override
    public String toString() {
        return type() + " " + id() + " (parent " + parentId() + ")";
    }
}
