package io.nbci.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbci.common.AtomicFiles;
import io.nbci.common.NbciException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Remembers the checksums of a source folder's files between deploys, keyed by what the
 * file system says about each file (size, modification and change time in nanoseconds,
 * inode), the way git's index avoids rehashing a work tree. A CI workspace that is
 * updated by {@code git pull} keeps the times of unchanged files, so a one-file change is
 * hashed as one file.
 *
 * <p>Racy entries are never trusted: a file modified within {@link #RACY} of the scan is
 * hashed every time (a second write in the same clock tick could keep size and time).
 * The cache lives in {@code $XDG_CACHE_HOME/nbci/deploy-hashes} (default
 * {@code ~/.cache/...}; {@code -Dnbci.deploy.hashCacheDir=DIR} elsewhere), one file per source
 * folder; {@code -Dnbci.deploy.hashCache=false} turns it off. A lost or corrupt cache only costs hashing time.
 */
final class HashCache {
    static final long RACY = TimeUnit.SECONDS.toNanos(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the cache keeps per file. */
    record Entry(String stat, String sha256, String crc32c) {
    }

    private final Path file;
    private final Map<String, Entry> entries;
    private final Map<String, Entry> seen = new ConcurrentHashMap<>();
    private final long scanStartNanos;

    private HashCache(Path file, Map<String, Entry> entries) {
        this.file = file;
        this.entries = entries;
        this.scanStartNanos = nowNanos();
    }

    /** A cache that never remembers anything. */
    static HashCache none() {
        return new HashCache(null, Map.of());
    }

    /** The cache of the folder whose real path is {@code root}, or {@link #none()} when disabled. */
    static HashCache forFolder(Path root) {
        if (!Boolean.parseBoolean(System.getProperty("nbci.deploy.hashCache", "true"))) {
            return none();
        }
        String base = System.getenv("XDG_CACHE_HOME");
        Path dir = base != null && !base.isBlank() ? Path.of(base)
                : Path.of(System.getProperty("user.home"), ".cache");
        String override = System.getProperty("nbci.deploy.hashCacheDir");
        Path folder = override != null ? Path.of(override) : dir.resolve("nbci").resolve("deploy-hashes");
        Path file = folder.resolve(digest(root.toString()) + ".json");
        Map<String, Entry> entries = new ConcurrentHashMap<>();
        if (Files.isRegularFile(file)) {
            try {
                entries.putAll(JSON.readValue(Files.readString(file, StandardCharsets.UTF_8),
                        new TypeReference<Map<String, Entry>>() { }));
            } catch (IOException | RuntimeException e) {
                entries.clear();
            }
        }
        return new HashCache(file, entries);
    }

    /** The cached checksums of {@code local} under {@code relative}, or a fresh hash (remembered if not racy). */
    SourceFile hash(String relative, Path local) {
        String stat = stat(local);
        Entry cached = stat == null ? null : entries.get(relative);
        if (cached != null && cached.stat().equals(stat)) {
            seen.put(relative, cached);
            long size = Long.parseLong(stat.substring(0, stat.indexOf(':')));
            return new SourceFile(relative, local, size, cached.sha256(), cached.crc32c());
        }
        SourceFile hashed = SourceScanner.hash(relative, local);
        if (stat != null && !racy(local) && stat.equals(stat(local))
                && stat.startsWith(hashed.size() + ":")) {
            seen.put(relative, new Entry(stat, hashed.sha256(), hashed.crc32c()));
        }
        return hashed;
    }

    /** Writes the entries of this scan (dropping files no longer there); failures are ignored. */
    void save() {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, JSON.writeValueAsString(seen));
        } catch (IOException | NbciException e) {
            // only a cache
        }
    }

    private boolean racy(Path local) {
        try {
            FileTime modified = Files.getLastModifiedTime(local);
            return modified.to(TimeUnit.NANOSECONDS) >= scanStartNanos - RACY;
        } catch (IOException e) {
            return true;
        }
    }

    /** size:mtime:ctime:inode, or null when the file system cannot say. */
    private static String stat(Path local) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(local, BasicFileAttributes.class);
            Object ctime;
            try {
                ctime = Files.getAttribute(local, "unix:ctime");
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                ctime = "-";
            }
            Object key = attributes.fileKey();
            return attributes.size() + ":" + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS) + ":"
                    + (ctime instanceof FileTime ? ((FileTime) ctime).to(TimeUnit.NANOSECONDS) : ctime) + ":"
                    + (key == null ? "-" : key.toString());
        } catch (IOException e) {
            return null;
        }
    }

    private static long nowNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static String digest(String text) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
