package io.nbci.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * The per-target deploy lock: {@code <base>/.nbci-lock}, a file created exclusively
 * ({@code create(path, overwrite=false)}, which the NameNode refuses when the file exists)
 * holding owner, host, pid, time and command. A second deploy finds the file and is refused
 * with the holder's details.
 *
 * <p>Stale locks: a lock whose holder ran on this host and is no longer alive is broken
 * automatically (a CI agent killed mid-deploy); a lock left empty by a process killed while
 * taking it is broken once older than {@link #EMPTY_LOCK_GRACE}. Any other stale lock is
 * broken by a human with {@code nbci unlock --target NAME}.
 */
public final class DeployLock implements AutoCloseable {
    /** File name of the lock under the base path. */
    public static final String FILE_NAME = ".nbci-lock";
    static final Duration EMPTY_LOCK_GRACE = Duration.ofSeconds(5);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TargetConnection connection;
    private final Path path;
    private final String token;
    private boolean released;

    private DeployLock(TargetConnection connection, Path path, String token) {
        this.connection = connection;
        this.path = path;
        this.token = token;
    }

    /** Who holds a lock, as written in the lock file. */
    public record Holder(String owner, String host, long pid, String time, String command, String token) {
        String describe() {
            return owner + "@" + host + " (pid " + pid + ", '" + command + "') since " + time;
        }
    }

    static DeployLock acquire(TargetConnection connection, Path path, String command, LogSink log) {
        FileSystem fs = connection.fs();
        String token = UUID.randomUUID().toString();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("owner", System.getProperty("user.name"));
        content.put("host", hostName());
        content.put("pid", ProcessHandle.current().pid());
        content.put("time", Instant.now().toString());
        content.put("command", command);
        content.put("token", token);
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        long deadline = System.nanoTime() + EMPTY_LOCK_GRACE.multipliedBy(2).toNanos();
        while (true) {
            boolean created = connection.call("take the lock " + path, () -> {
                try (OutputStream out = fs.create(path, new FsPermission((short) 0644), false, 4096,
                        fs.getDefaultReplication(path), fs.getDefaultBlockSize(path), null)) {
                    out.write(bytes);
                    return true;
                } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
                    return false;
                } catch (IOException e) {
                    if (fs.exists(path) && isAlreadyExists(e)) {
                        return false;
                    }
                    throw e;
                }
            });
            if (created) {
                return new DeployLock(connection, path, token);
            }
            FileStatus status = connection.call("read the lock " + path, () -> fs.exists(path)
                    ? fs.getFileStatus(path) : null);
            if (status == null) {
                continue;
            }
            Holder holder = read(connection, path);
            if (holder == null) {
                Duration age = Duration.ofMillis(Math.max(0, System.currentTimeMillis()
                        - status.getModificationTime()));
                if (age.compareTo(EMPTY_LOCK_GRACE) > 0) {
                    log.warn("breaking an empty deploy lock " + path + " left " + age.toSeconds()
                            + " s ago by a process killed while taking it");
                    delete(connection, path);
                    continue;
                }
                if (System.nanoTime() > deadline) {
                    throw locked(connection, path, "a process that is taking it right now");
                }
                sleep(250);
                continue;
            }
            if (holder.host().equals(hostName()) && holder.pid() != ProcessHandle.current().pid()
                    && ProcessHandle.of(holder.pid()).map(ProcessHandle::isAlive).orElse(false) == false) {
                Holder again = read(connection, path);
                if (again != null && holder.token().equals(again.token())) {
                    log.warn("breaking stale deploy lock of " + holder.describe()
                            + ": that process is no longer running on this host");
                    delete(connection, path);
                }
                continue;
            }
            throw locked(connection, path, holder.describe());
        }
    }

    /** The file exists, or is still being created by a client that was killed while taking the lock. */
    private static boolean isAlreadyExists(IOException e) {
        String message = e + " " + e.getMessage();
        return message.contains("already exists") || message.contains("FileAlreadyExistsException")
                || message.contains("AlreadyBeingCreatedException") || message.contains("lease is currently owned");
    }

    private static DeployException locked(TargetConnection connection, Path path, String holder) {
        String name = connection.target().name();
        return new DeployException(ExitCode.INFRASTRUCTURE, "target " + name + " is locked by " + holder
                + " (lock file " + path + "). Another deploy or rollback is running; if it died, break the lock "
                + "with: nbci unlock --target " + name);
    }

    /** The holder written in the lock file, or null when the file is missing, empty or unreadable. */
    static Holder read(TargetConnection connection, Path path) {
        FileSystem fs = connection.fs();
        byte[] bytes = connection.call("read the lock " + path, () -> {
            if (!fs.exists(path)) {
                return null;
            }
            try (InputStream in = fs.open(path)) {
                return in.readAllBytes();
            } catch (java.io.FileNotFoundException e) {
                return null;
            } catch (IOException e) {
                // a lock file still being written by a killed process may not be readable yet
                return new byte[0];
            }
        });
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            Map<?, ?> map = JSON.readValue(new String(bytes, StandardCharsets.UTF_8), Map.class);
            return new Holder(String.valueOf(map.get("owner")), String.valueOf(map.get("host")),
                    ((Number) map.get("pid")).longValue(), String.valueOf(map.get("time")),
                    String.valueOf(map.get("command")), String.valueOf(map.get("token")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static void delete(TargetConnection connection, Path path) {
        connection.call("remove the lock " + path, () -> connection.fs().delete(path, false));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployException(ExitCode.INFRASTRUCTURE, "interrupted while waiting for the deploy lock");
        }
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    /** Removes the lock if it is still ours (a human may have broken it meanwhile). */
    @Override
    public void close() {
        if (released) {
            return;
        }
        released = true;
        Holder holder = read(connection, path);
        if (holder != null && token.equals(holder.token())) {
            delete(connection, path);
        }
    }
}
