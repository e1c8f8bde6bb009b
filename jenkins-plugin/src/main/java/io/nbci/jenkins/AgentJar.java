package io.nbci.jenkins;

import hudson.FilePath;
import io.nbci.launch.NbciInvocation;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The nbci command line the plugin ships ({@code WEB-INF/lib/nbci.jar}, the same jar that
 * gives the adapter {@code io.nbci.launch}) and its copy on an agent. The copy is named by
 * content hash, so agents keep one copy per plugin version and concurrent builds never see
 * a half-written jar (it is written beside and renamed).
 */
final class AgentJar {
    private static volatile String cachedName;

    private AgentJar() {
    }

    /**
     * System property naming another nbci.jar to ship (JenkinsRule tests, where the plugin runs
     * from class folders; or an administrator trying a newer command line).
     */
    static final String OVERRIDE = AgentJar.class.getName() + ".cliJar";

    /** The jar on the controller: the code source of the launch package, unless {@link #OVERRIDE} names one. */
    static File shipped() throws IOException {
        String override = System.getProperty(OVERRIDE);
        if (override != null && !override.isBlank()) {
            File jar = new File(override);
            if (!jar.isFile()) {
                throw new IOException("nbci: " + OVERRIDE + " names " + jar + ", which is not a file");
            }
            return jar;
        }
        try {
            File jar = new File(NbciInvocation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!jar.isFile()) {
                throw new IOException("nbci: the plugin must run the nbci command line from its jar, found the folder "
                        + jar + " instead (is the plugin installed from its .hpi?)");
            }
            return jar;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            throw new IOException("nbci: cannot locate the nbci command line shipped in the plugin: " + e, e);
        }
    }

    /** {@code nbci-<first 16 hex digits of SHA-256>.jar}. */
    static String nameFor(File jar) throws IOException {
        try (InputStream in = Files.newInputStream(jar.toPath())) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return "nbci-" + HexFormat.of().formatHex(digest.digest()).substring(0, 16) + ".jar";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the shipped jar into {@code folder} on the agent unless an identical copy is there; returns it. */
    static FilePath install(FilePath folder) throws IOException, InterruptedException {
        File shipped = shipped();
        String name = cachedName;
        if (name == null) {
            name = nameFor(shipped);
            cachedName = name;
        }
        FilePath target = folder.child(name);
        if (target.exists() && target.length() == shipped.length()) {
            return target;
        }
        folder.mkdirs();
        FilePath part = folder.child(name + "." + System.nanoTime() + ".part");
        part.copyFrom(new FilePath(shipped));
        part.renameTo(target);
        return target;
    }
}
