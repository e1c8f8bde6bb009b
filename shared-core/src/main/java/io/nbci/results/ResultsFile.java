package io.nbci.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.nbci.common.AtomicFiles;
import io.nbci.common.ExitCode;
import io.nbci.common.NbciException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Reads and writes {@link RunResults} as JSON (schema version checked on read; written atomically). */
public final class ResultsFile {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule()
                    .addSerializer(Instant.class, ToStringSerializer.instance)
                    .addDeserializer(Instant.class, new com.fasterxml.jackson.databind.deser.std.FromStringDeserializer<>(Instant.class) {
                        private static final long serialVersionUID = 1L;

                        @Override
                        protected Instant _deserialize(String value, com.fasterxml.jackson.databind.DeserializationContext ctxt) {
                            return Instant.parse(value);
                        }
                    }))
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ResultsFile() {
    }

    public static String toJson(RunResults results) {
        try {
            return MAPPER.writeValueAsString(results) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("results cannot be serialised", e);
        }
    }

    public static RunResults fromJson(String json, String where) {
        try {
            ObjectNode tree = (ObjectNode) MAPPER.readTree(json);
            int version = tree.path("schemaVersion").asInt(-1);
            if (version < 1 || version > RunResults.SCHEMA_VERSION) {
                throw new NbciException(ExitCode.BAD_INPUT, where + ": results schemaVersion " + version
                        + " is not supported (this nbci reads 1.." + RunResults.SCHEMA_VERSION + ")");
            }
            return MAPPER.treeToValue(tree, RunResults.class);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new NbciException(ExitCode.BAD_INPUT, where + ": not an nbci results file: " + e.getMessage());
        }
    }

    /** Writes atomically: a reader never sees a half-written file. */
    public static void write(RunResults results, Path file) {
        AtomicFiles.write(file, toJson(results));
    }

    public static RunResults read(Path file) {
        try {
            return fromJson(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new NbciException(ExitCode.BAD_INPUT, "cannot read results file " + file + ": " + e.getMessage());
        }
    }
}
