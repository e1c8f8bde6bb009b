package io.nbci.deploy;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file of the source folder that will be part of the release.
 *
 * @param path   path relative to the source folder, '/'-separated (also its path in the release)
 * @param local  the file on disk
 * @param size   length in bytes
 * @param sha256 SHA-256 of the content, lower-case hex
 * @param crc32c CRC32C of the content (what HDFS composite checksums report), as 8 hex digits
 */
public record SourceFile(String path, Path local, long size, String sha256, String crc32c) {
    public SourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(crc32c, "crc32c");
    }
}
