package io.nbci.launch;

import java.util.Objects;

/**
 * A file the host must write on the build agent before it starts nbci, because the
 * command line reads it (e.g. the deploy targets file rendered from the plugin's global
 * configuration). Never holds a secret: secrets travel as environment variables or as
 * files the host copies from its own credential store.
 *
 * @param path    where to write it, as the host chose it when building the config
 * @param content UTF-8 text
 */
public record GeneratedFile(String path, String content) {
    public GeneratedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
    }
}
