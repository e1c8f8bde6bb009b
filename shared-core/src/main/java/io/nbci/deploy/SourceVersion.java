package io.nbci.deploy;

import io.nbci.common.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** Release IDs: validation, and the default ID (the source's git commit). */
public final class SourceVersion {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private SourceVersion() {
    }

    /**
     * Checks that {@code id} is a plain folder name, so {@code <base>/releases/<id>} stays under the base
     * path; {@code what} names the option in the error.
     */
    public static String validate(String id, String what) {
        if (id == null || !ID.matcher(id).matches() || id.contains("..")) {
            throw new DeployException(ExitCode.BAD_INPUT, what + ": expected a release ID of letters, digits, '.', "
                    + "'_' or '-' (no '/', no '..', at most 128 characters), found \"" + id + "\"");
        }
        return id;
    }

    /** {@code git rev-parse HEAD} in {@code source}, or null when it is not a git work tree. */
    public static String gitCommit(Path source) {
        try {
            Process process = new ProcessBuilder("git", "-C", source.toString(), "rev-parse", "HEAD")
                    .redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            String text = new String(out, StandardCharsets.UTF_8).strip();
            return process.exitValue() == 0 && text.matches("[0-9a-f]{7,64}") ? text : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
