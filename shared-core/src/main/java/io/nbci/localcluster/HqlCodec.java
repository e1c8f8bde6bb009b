package io.nbci.localcluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** The HQL command of the control protocol: statements out as one JSON line, rows back as JSON. */
final class HqlCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HqlCodec() {
    }

    static String encode(List<String> statements) {
        try {
            return JSON.writeValueAsString(statements);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static HiveResult decode(JsonNode answer) {
        List<String> columns = new ArrayList<>();
        answer.path("columns").forEach(c -> columns.add(c.asText()));
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode row : answer.path("rows")) {
            List<Object> values = new ArrayList<>();
            for (JsonNode value : row) {
                values.add(value.isNull() ? null
                        : value.isIntegralNumber() ? (Object) value.longValue()
                        : value.isNumber() ? (Object) value.doubleValue()
                        : value.isBoolean() ? (Object) value.booleanValue()
                        : value.asText());
            }
            rows.add(values);
        }
        return new HiveResult(columns, rows);
    }
}
