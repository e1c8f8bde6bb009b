package io.nbci.localcluster;

import io.nbci.common.AtomicFiles;
import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The classpath of the cluster runtime (launcher plus Hive and Hadoop), found in this order:
 * <ol>
 *   <li>the system property {@value #PROPERTY} or the environment variable {@value #ENV}: a
 *       classpath; an entry {@code @FILE} stands for the classpath written in FILE (the reactor's
 *       integration tests point it at {@code cluster-runtime/target});</li>
 *   <li>the cached classpath of this version in {@code ~/.nbci/cluster-runtime/VERSION.classpath}
 *       when every file in it still exists;</li>
 *   <li>otherwise resolved with {@link RuntimeResolver} (Maven Resolver, the user's Maven
 *       settings) and cached.</li>
 * </ol>
 */
public final class RuntimeClasspath {

    public static final String PROPERTY = "nbci.cluster.classpath";
    public static final String ENV = "NBCI_CLUSTER_CLASSPATH";

    private RuntimeClasspath() {
    }

    /** Coordinates of the runtime this core was built with: groupId:artifactId:version. */
    public static String coordinates() {
        Properties p = runtimeProperties();
        return p.getProperty("groupId") + ":" + p.getProperty("artifactId") + ":" + p.getProperty("version");
    }

    public static List<Path> resolve(LogSink log) {
        String explicit = System.getProperty(PROPERTY, System.getenv(ENV));
        if (explicit != null && !explicit.isBlank()) {
            List<Path> jars = expand(explicit);
            log.debug("cluster runtime classpath from " + PROPERTY + "/" + ENV + ": " + jars.size() + " entries");
            return jars;
        }
        Path cache = cacheFile();
        List<Path> cached = readCache(cache);
        if (cached != null) {
            log.debug("cluster runtime classpath from " + cache);
            return cached;
        }
        return fetch(RuntimeResolver.fromUserSettings(log), log);
    }

    /** Resolves the runtime (downloading what is missing) and caches its classpath; what {@code nbci cluster fetch} runs. */
    public static List<Path> fetch(RuntimeResolver resolver, LogSink log) {
        List<Path> jars = resolver.resolve(coordinates());
        AtomicFiles.write(cacheFile(), jars.stream().map(Path::toString).collect(Collectors.joining("\n")) + "\n");
        log.info("cluster runtime " + coordinates() + ": " + jars.size() + " jars ready (classpath cached in "
                + cacheFile() + ")");
        return jars;
    }

    static Path cacheFile() {
        String home = System.getProperty("nbci.home", System.getProperty("user.home") + File.separator + ".nbci");
        return Path.of(home, "cluster-runtime", runtimeProperties().getProperty("version") + ".classpath");
    }

    private static List<Path> readCache(Path cache) {
        if (!Files.isRegularFile(cache)) {
            return null;
        }
        try {
            List<Path> jars = new ArrayList<>();
            for (String line : Files.readAllLines(cache, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    Path jar = Path.of(line.strip());
                    if (!Files.exists(jar)) {
                        return null;
                    }
                    // a re-installed SNAPSHOT runtime invalidates the cached list
                    if (Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(cache)) > 0) {
                        return null;
                    }
                    jars.add(jar);
                }
            }
            return jars.isEmpty() ? null : List.copyOf(jars);
        } catch (IOException e) {
            return null;
        }
    }

    static List<Path> expand(String classpath) {
        List<Path> entries = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            if (entry.startsWith("@")) {
                Path file = Path.of(entry.substring(1));
                try {
                    entries.addAll(expand(Files.readString(file, StandardCharsets.UTF_8).strip()));
                } catch (IOException e) {
                    throw new ClusterException(ExitCode.BAD_INPUT, PROPERTY + ": classpath file " + file
                            + " expected, not readable: " + e.getMessage());
                }
            } else {
                entries.add(Path.of(entry));
            }
        }
        return List.copyOf(entries);
    }

    static Properties runtimeProperties() {
        Properties p = new Properties();
        try (InputStream in = RuntimeClasspath.class.getResourceAsStream("runtime.properties")) {
            if (in == null) {
                throw new ClusterException("runtime.properties missing from the nbci jar (broken build)");
            }
            p.load(in);
        } catch (IOException e) {
            throw new ClusterException("cannot read runtime.properties: " + e.getMessage(), e);
        }
        return p;
    }
}
