package io.nbci.bamboo.agent;

import io.nbci.common.AtomicFiles;
import io.nbci.common.ExitCode;
import io.nbci.common.NbciException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The nbci command line shipped inside the plugin jar ({@code nbci-cli/nbci.jar}), unpacked on
 * the agent the first time a task needs it. The copy is named by its SHA-256, so agents keep
 * one copy per plugin build and a plugin upgrade never runs a stale command line.
 *
 * <pre>{@code
 * Path jar = ShippedCli.fromPluginJar().unpackInto(ShippedCli.defaultCacheRoot());
 * }</pre>
 */
public final class ShippedCli {
    /** Where the build puts the command line inside the plugin jar. */
    public static final String RESOURCE = "/nbci-cli/nbci.jar";

    private final byte[] bytes;

    private ShippedCli(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Reads the command line out of the plugin jar this class was loaded from. */
    public static ShippedCli fromPluginJar() {
        try (InputStream in = ShippedCli.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new NbciException(ExitCode.INFRASTRUCTURE, "the nbci plugin jar has no " + RESOURCE.substring(1)
                        + "; expected the command line the plugin build ships; reinstall the plugin built by "
                        + "'mvn package' (the jar structure test checks it)");
            }
            return new ShippedCli(in.readAllBytes());
        } catch (IOException e) {
            throw new NbciException(ExitCode.INFRASTRUCTURE,
                    "cannot read " + RESOURCE.substring(1) + " from the nbci plugin jar: " + e.getMessage(), e);
        }
    }

    /** A command line given as bytes (tests, or a jar found elsewhere). */
    public static ShippedCli of(byte[] jarBytes) {
        return new ShippedCli(jarBytes.clone());
    }

    /** {@code <java.io.tmpdir>/nbci-bamboo}: the agent's temporary folder, shared by its builds. */
    public static Path defaultCacheRoot() {
        return Path.of(System.getProperty("java.io.tmpdir"), "nbci-bamboo");
    }

    /** SHA-256 of the jar, hex. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * Writes the jar to {@code <root>/<sha256>/nbci.jar} unless an identical copy is there,
     * atomically, so concurrent builds on one agent never run a half-written jar.
     */
    public Path unpackInto(Path root) {
        Path jar = root.resolve(sha256().substring(0, 32)).resolve("nbci.jar");
        try {
            if (Files.isRegularFile(jar) && Files.size(jar) == bytes.length) {
                return jar;
            }
            Files.createDirectories(jar.getParent());
        } catch (IOException e) {
            throw new NbciException(ExitCode.INFRASTRUCTURE,
                    "cannot create " + jar.getParent() + " for the nbci command line: " + e.getMessage(), e);
        }
        AtomicFiles.write(jar, bytes);
        return jar;
    }
}
