package io.nbci.deploy;

import io.nbci.common.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Lists the files of a source folder that a target's include/exclude globs select and
 * hashes them. Refuses anything that escapes the folder: a symbolic link (file or folder)
 * whose real path is outside it, or a name Hadoop cannot store.
 */
public final class SourceScanner {
    /** The manifest's name inside a release; a source file of that name would shadow it. */
    static final String RESERVED = Manifest.FILE_NAME;

    private final List<PathMatcher> include;
    private final List<PathMatcher> exclude;
    private boolean useCache;

    public SourceScanner(List<String> includeGlobs, List<String> excludeGlobs) {
        this.include = matchers(includeGlobs);
        this.exclude = matchers(excludeGlobs);
    }

    /** Remember checksums between scans of the same folder ({@link HashCache}); off by default. */
    public SourceScanner withHashCache(boolean enabled) {
        this.useCache = enabled;
        return this;
    }

    /** One matcher per glob, and for a glob with a leading {@code **}{@code /} one more that also matches files at the top level. */
    private static List<PathMatcher> matchers(List<String> globs) {
        List<PathMatcher> matchers = new ArrayList<>();
        for (String glob : globs) {
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
            if (glob.startsWith("**/")) {
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)));
            }
        }
        return List.copyOf(matchers);
    }

    /** The selected files in path order, each with its SHA-256 and CRC32C. */
    public List<SourceFile> scan(Path source) {
        Path root;
        try {
            if (!Files.isDirectory(source)) {
                throw new DeployException(ExitCode.BAD_INPUT, "source folder " + source + " does not exist or is "
                        + "not a folder");
            }
            root = source.toRealPath();
        } catch (IOException e) {
            throw new DeployException(ExitCode.BAD_INPUT, "cannot read source folder " + source + ": " + e);
        }
        List<String[]> candidates = new ArrayList<>();
        walk(root, root, source, candidates);
        HashCache cache = useCache ? HashCache.forFolder(root) : HashCache.none();
        // hash in parallel: reading and hashing a large folder is most of a small redeploy
        List<SourceFile> files = new ArrayList<>(candidates.parallelStream()
                .map(c -> cache.hash(c[0], Path.of(c[1])))
                .toList());
        cache.save();
        files.sort((a, b) -> a.path().compareTo(b.path()));
        return List.copyOf(files);
    }

    private void walk(Path root, Path dir, Path source, List<String[]> files) {
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = list.sorted().toList();
        } catch (IOException e) {
            throw new DeployException(ExitCode.BAD_INPUT, "cannot list " + dir + ": " + e);
        }
        for (Path child : children) {
            String relative = root.relativize(child).toString().replace('\\', '/');
            if (relative.equals(".git") || relative.startsWith(".git/")) {
                continue;
            }
            Path real = child;
            if (Files.isSymbolicLink(child)) {
                try {
                    real = child.toRealPath();
                } catch (IOException e) {
                    throw new DeployException(ExitCode.BAD_INPUT, "source " + source.resolve(relative)
                            + " is a broken symbolic link");
                }
                if (!real.startsWith(root)) {
                    throw new DeployException(ExitCode.BAD_INPUT, "source " + source.resolve(relative)
                            + " is a symbolic link to " + real + ", outside the source folder " + root
                            + "; refusing to deploy it");
                }
            }
            if (Files.isDirectory(real)) {
                if (excluded(relative + "/") || excluded(relative)) {
                    continue;
                }
                if (!real.equals(child) && root.startsWith(real)) {
                    throw new DeployException(ExitCode.BAD_INPUT, "source " + source.resolve(relative)
                            + " is a symbolic link to a folder containing the source folder (a loop)");
                }
                walk(root, child, source, files);
                continue;
            }
            if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            if (!selected(relative)) {
                continue;
            }
            checkName(relative, source);
            files.add(new String[] {relative, child.toString()});
        }
    }

    private boolean selected(String relative) {
        if (excluded(relative)) {
            return false;
        }
        if (include.isEmpty()) {
            return true;
        }
        return matches(include, relative);
    }

    private boolean excluded(String relative) {
        return matches(exclude, relative);
    }

    private static boolean matches(List<PathMatcher> matchers, String relative) {
        Path path = Path.of(relative);
        for (PathMatcher matcher : matchers) {
            if (matcher.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private static void checkName(String relative, Path source) {
        if (relative.equals(RESERVED)) {
            throw new DeployException(ExitCode.BAD_INPUT, "source " + source.resolve(relative) + " has the name nbci "
                    + "reserves for the release manifest; rename or exclude it");
        }
        for (String segment : relative.split("/")) {
            if (segment.contains(":") || segment.equals("..") || segment.equals(".")) {
                throw new DeployException(ExitCode.BAD_INPUT, "source " + source.resolve(relative)
                        + ": a path segment with ':' or dots only cannot be stored on HDFS; rename or exclude it");
            }
        }
    }

    static SourceFile hash(String relative, Path file) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        CRC32C crc = new CRC32C();
        long size = 0;
        byte[] buffer = new byte[128 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
                crc.update(buffer, 0, n);
                size += n;
            }
        } catch (IOException e) {
            throw new DeployException(ExitCode.BAD_INPUT, "cannot read source file " + file + ": " + e);
        }
        return new SourceFile(relative, file, size, HexFormat.of().formatHex(sha.digest()),
                String.format("%08x", crc.getValue()));
    }
}
