package io.nbci.deploy;

import io.nbci.common.ExitCode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * An open Hadoop {@link FileSystem} for one target, logged in as the target says
 * (simple auth user, or a Kerberos keytab through
 * {@link UserGroupInformation#loginUserFromKeytabAndReturnUGI}). Every call that
 * touches the filesystem goes through {@link #call}, which runs it as that user and
 * turns Hadoop's IOExceptions into {@link DeployException}s with the right exit code.
 */
public final class TargetConnection implements AutoCloseable {
    private final DeployTarget target;
    private final Configuration conf;
    private final UserGroupInformation ugi;
    private final FileSystem fs;

    /** A Hadoop action that may throw IOException. */
    @FunctionalInterface
    public interface HdfsAction<T> {
        T run() throws IOException;
    }

    private TargetConnection(DeployTarget target, Configuration conf, UserGroupInformation ugi, FileSystem fs) {
        this.target = target;
        this.conf = conf;
        this.ugi = ugi;
        this.fs = fs;
    }

    /** Logs in, opens the filesystem and checks that it answers. Unreachable is exit code 3. */
    public static TargetConnection open(DeployTarget target) {
        Configuration conf = configuration();
        UserGroupInformation ugi;
        try {
            if (target.kerberos()) {
                if (!Files.isReadable(Path.of(target.keytab()))) {
                    throw new DeployException(ExitCode.BAD_INPUT, target.where() + ": target " + target.name()
                            + ": keytab " + target.keytab() + " does not exist or is not readable");
                }
                conf.set("hadoop.security.authentication", "kerberos");
                conf.set("hadoop.security.authorization", "true");
                UserGroupInformation.setConfiguration(conf);
                ugi = UserGroupInformation.loginUserFromKeytabAndReturnUGI(target.principal(), target.keytab());
            } else if (target.user() != null) {
                ugi = UserGroupInformation.createRemoteUser(target.user());
            } else {
                ugi = UserGroupInformation.getCurrentUser();
            }
        } catch (IOException e) {
            throw new DeployException(ExitCode.BAD_INPUT, "target " + target.name() + ": login failed for "
                    + target.describeAuth() + ": " + e.getMessage(), e);
        }
        FileSystem fs;
        try {
            FileSystem opened = ugi.doAs((PrivilegedExceptionAction<FileSystem>) () -> FileSystem.newInstance(
                    target.uri(), conf));
            // file:// without Hadoop's .crc side files, which a rename would leave behind
            fs = opened instanceof org.apache.hadoop.fs.LocalFileSystem
                    ? ((org.apache.hadoop.fs.LocalFileSystem) opened).getRaw() : opened;
        } catch (IOException | InterruptedException e) {
            throw failure(target, "connect", e);
        }
        TargetConnection connection = new TargetConnection(target, conf, ugi, fs);
        connection.call("reach", () -> fs.getFileStatus(new org.apache.hadoop.fs.Path("/")));
        return connection;
    }

    /** The client settings nbci uses (public for the benchmark): fail fast when the NameNode is down, exact permission bits, composite CRCs. */
    public static Configuration configuration() {
        Configuration conf = new Configuration();
        conf.set("fs.permissions.umask-mode", "000");
        conf.set("dfs.checksum.combine.mode", "COMPOSITE_CRC");
        conf.setInt("ipc.client.connect.max.retries", 2);
        conf.setInt("ipc.client.connect.max.retries.on.timeouts", 2);
        conf.setInt("ipc.client.connect.retry.interval", 300);
        conf.setInt("ipc.client.connect.timeout", 5000);
        conf.setBoolean("dfs.client.retry.policy.enabled", false);
        conf.set("dfs.webhdfs.socket.connect-timeout", "5s");
        conf.set("dfs.webhdfs.socket.read-timeout", "60s");
        conf.setBoolean("fs.automatic.close", false);
        // closing a file waits until the NameNode has the DataNodes' block reports; the default first
        // back-off (400 ms) dominates a deploy of many small files, so poll sooner (same retry count)
        conf.setInt("dfs.client.block.write.locateFollowingBlock.initial.delay.ms", 50);
        return conf;
    }

    public DeployTarget target() {
        return target;
    }

    public FileSystem fs() {
        return fs;
    }

    public Configuration conf() {
        return conf;
    }

    /** The Hadoop user the target writes as. */
    public String user() {
        return ugi.getShortUserName();
    }

    /** Runs {@code action} as the target's user; {@code what} names the step in errors. */
    public <T> T call(String what, HdfsAction<T> action) {
        try {
            return ugi.doAs((PrivilegedExceptionAction<T>) action::run);
        } catch (IOException | InterruptedException e) {
            throw failure(target, what, e);
        }
    }

    static DeployException failure(DeployTarget target, String what, Exception e) {
        if (e instanceof InterruptedException || e instanceof InterruptedIOException
                && !(e instanceof SocketTimeoutException)) {
            Thread.currentThread().interrupt();
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
                    || cause instanceof UnknownHostException || cause instanceof SocketTimeoutException) {
                return new DeployException(ExitCode.INFRASTRUCTURE, "target " + target.name() + ": "
                        + target.uri() + " is unreachable (" + what + "): " + cause, e);
            }
            if (cause instanceof AccessControlException) {
                return new DeployException(ExitCode.BAD_INPUT, "target " + target.name() + ": permission denied ("
                        + what + ") for " + target.describeAuth() + ": " + firstLine(cause.getMessage()), e);
            }
        }
        return new DeployException(ExitCode.INFRASTRUCTURE, "target " + target.name() + " (" + target.uri()
                + "): " + what + " failed: " + firstLine(String.valueOf(e)), e);
    }

    private static String firstLine(String text) {
        int newline = text == null ? -1 : text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    @Override
    public void close() {
        try {
            fs.close();
        } catch (IOException ignored) {
            // closing a client we are done with: nothing useful to do
        }
    }
}
