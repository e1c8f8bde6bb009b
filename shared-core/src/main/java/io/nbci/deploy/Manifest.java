package io.nbci.deploy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.nbci.common.ExitCode;
import java.util.List;
import java.util.Objects;

/**
 * What a release contains, written last into the staging folder as
 * {@code .nbci-manifest.json}: a release folder without a manifest was never published.
 *
 * @param schemaVersion 1
 * @param release       the release ID (folder name under {@code releases/})
 * @param commit        git commit of the source, or null when unknown
 * @param created       when the release was staged (ISO-8601 UTC)
 * @param createdBy     OS user and host that deployed it, {@code user@host}
 * @param hdfsUser      the Hadoop user that wrote it
 * @param target        target name
 * @param files         every file with size and checksums, sorted by path
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(int schemaVersion, String release, String commit, String created, String createdBy,
        String hdfsUser, String target, List<Entry> files) {

    public static final String FILE_NAME = ".nbci-manifest.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public Manifest {
        Objects.requireNonNull(release, "release");
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** One file of a release. */
    public record Entry(String path, long size, String sha256, String crc32c) {
    }

    public long totalBytes() {
        return files.stream().mapToLong(Entry::size).sum();
    }

    public String toJson() {
        try {
            return MAPPER.writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Manifest fromJson(String json, String where) {
        try {
            Manifest manifest = MAPPER.readValue(json, Manifest.class);
            if (manifest.schemaVersion() != 1) {
                throw new DeployException(ExitCode.BAD_INPUT, where + ": manifest schemaVersion "
                        + manifest.schemaVersion() + " is not supported (expected 1)");
            }
            return manifest;
        } catch (JsonProcessingException e) {
            throw new DeployException(ExitCode.INFRASTRUCTURE, where + ": not a readable release manifest: "
                    + e.getOriginalMessage());
        }
    }
}
